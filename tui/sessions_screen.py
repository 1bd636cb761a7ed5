"""Saved chats: open, rename, delete (with confirmation), export to Markdown."""

from __future__ import annotations

import time

from textual import on
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, Label, ListItem, ListView, Static


class RenameScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="rename.cancel")]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.current = title

    def compose(self):
        yield Input(self.current, id="rename-input")

    @on(Input.Submitted)
    def done(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self):
        yield Static(f"{self.question}  [y/n]", id="confirm-text")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class SessionsScreen(Screen):
    BINDINGS = [
        Binding("escape", "close", "Back", id="sessions.close"),
        Binding("r", "rename", "Rename", id="sessions.rename"),
        Binding("d", "delete", "Delete", id="sessions.delete"),
        Binding("e", "export", "Export", id="sessions.export"),
    ]

    def compose(self):
        yield Static("Saved chats — Enter opens", id="status")
        yield ListView(id="session-list")
        yield Footer()

    async def on_mount(self) -> None:
        await self.reload()

    async def reload(self) -> None:
        listing = self.query_one(ListView)
        await listing.clear()
        for info in self.app.history.sessions():
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.updated))
            item = ListItem(Label(f"{info.title}  ·  {info.messages} messages  ·  {when}"), id=f"session-{info.id}")
            await listing.append(item)
        if listing.children:
            listing.index = 0
        listing.focus()

    def _selected(self) -> int | None:
        item = self.query_one(ListView).highlighted_child
        return int(item.id.removeprefix("session-")) if item is not None and item.id else None

    @on(ListView.Selected)
    async def open_session(self, event: ListView.Selected) -> None:
        session_id = int(event.item.id.removeprefix("session-"))
        self.app.pop_screen()
        await self.app.chat.load_session(session_id)

    def action_rename(self) -> None:
        session_id = self._selected()
        if session_id is None:
            return
        title = next(s.title for s in self.app.history.sessions() if s.id == session_id)

        async def renamed(new_title: str | None) -> None:
            if new_title and new_title.strip():
                self.app.history.rename(session_id, new_title)
                await self.reload()

        self.app.push_screen(RenameScreen(title), renamed)

    def action_delete(self) -> None:
        session_id = self._selected()
        if session_id is None:
            return

        async def confirmed(yes: bool | None) -> None:
            if yes:
                current = self.app.session_id == session_id
                # Its answer in progress is cancelled first, and never filed or shown anywhere else.
                self.app.conversation.delete_session(session_id)
                if current:
                    await self.app.chat.action_new_chat()
                await self.reload()

        self.app.push_screen(ConfirmScreen("Delete this chat for good?"), confirmed)

    def action_export(self) -> None:
        session_id = self._selected()
        if session_id is not None:
            self.notify(f"Exported to {self.app.export_session(session_id)}", timeout=8)

    def action_close(self) -> None:
        self.app.pop_screen()
