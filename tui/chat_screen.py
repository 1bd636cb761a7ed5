"""The chat: conversation, sources panel, red-flag banner, question box, status line, disclaimer."""

from __future__ import annotations

import time

from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from bedside.core.chat import Finished, Text
from bedside.core.engine import Answer
from bedside.core.safety import DISCLAIMER
from bedside.tui.events import EngineFailed, EngineReady, ModeChanged, TurnMessage, relay
from bedside.tui.message_view import MessageView
from bedside.tui.prompt_input import PromptInput
from bedside.tui.sources_panel import SourcesPanel


def answer_stats(answer: Answer) -> str:
    data = answer.to_json()
    return (
        f"TTFT {data['ttft_s']:.2f} s · {data['tokens_per_s']:.1f} tok/s · "
        f"{data['prompt_tokens']} prompt + {data['completion_tokens']} answer tokens"
        + (" · cancelled" if answer.stats.stop_reason == "cancelled" else "")
    )


class ChatScreen(Screen):
    BINDINGS = [
        Binding("escape", "cancel", "Stop answer", id="chat.cancel"),
        Binding("ctrl+o", "toggle_sources", "Sources", id="chat.sources"),
        Binding("ctrl+n", "new_chat", "New chat", id="chat.new"),
        Binding("f8", "export", "Export", id="chat.export"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.current: int | None = None  # the generation of the answer this chat is showing being written
        # Questions typed during first-run set-up, with their views, answered in turn after it.
        self.waiting: list[tuple[str, MessageView]] = []
        self.last_answer: Answer | None = None
        self.last_question = ""  # also when its answer failed: compare can still run it
        self.last_stats = ""

    def compose(self):
        yield Static("", id="status")
        yield Static("", id="banner")
        with Horizontal(id="body"):
            yield VerticalScroll(id="conversation")
            yield SourcesPanel(id="sources")
        yield PromptInput(id="prompt")
        yield Static(DISCLAIMER, id="disclaimer")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#banner").display = False
        self.query_one(PromptInput).focus()
        self.refresh_status()

    # -- status ----------------------------------------------------------------------------------
    def refresh_status(self) -> None:
        app = self.app
        adapter = app.mode.adapter or "none"
        # The offload report's first clause ("CPU only (2 threads)"): the status line must leave room for stats.
        parts = [f"Mode: {app.mode.label}", app.model_name, f"adapter: {adapter}", app.offload.split(";")[0]]
        if self.last_stats:
            parts.append(self.last_stats)
        self.query_one("#status", Static).update(" │ ".join(parts))

    def on_mode_changed(self, message: ModeChanged) -> None:
        self.refresh_status()

    async def on_engine_ready(self, message: EngineReady) -> None:
        self.refresh_status()
        await self._next_waiting()

    # -- asking ----------------------------------------------------------------------------------
    @property
    def generating(self) -> bool:
        return self.current is not None

    @on(PromptInput.Submitted)
    async def ask(self, message: PromptInput.Submitted) -> None:
        if self.generating:
            self.app.bell()
            self.notify("Still answering: Esc stops the current answer.", severity="warning")
            return
        if self.app.setting_up or self.waiting:
            view = MessageView("user", "You", message.text)
            self.waiting.append((message.text, view))
            await self.query_one("#conversation").mount(view)
            self.notify("Bedside is still setting up: your question is answered as soon as it is ready.")
            return
        await self._ask(message.text)

    async def _ask(self, question: str, asked: MessageView | None = None) -> None:
        self.last_question = question
        conversation = self.app.conversation
        try:
            pending = conversation.start(question)  # saved before generating: a crash keeps it
        except Exception as error:  # noqa: BLE001 - an exception here would end the app
            self.notify(f"Could not ask: {error}", severity="error", timeout=12, markup=False)
            return
        self.current = pending.generation
        view = self.query_one("#conversation")
        answer = MessageView("assistant", f"Bedside · {pending.mode.label}", id=f"answer-{pending.generation}")
        if asked is None:
            await view.mount(MessageView("user", "You", question))
            await view.mount(answer)
        else:  # typed during set-up: its answer goes right under it
            await view.mount(answer, after=asked)
        view.scroll_end(animate=False)
        # The engine takes its lock after triage: the advice shows even while the model loads.
        send = relay(self.post_message)
        self.run_worker(lambda: conversation.run(pending, send), thread=True, group="answer")

    async def _next_waiting(self) -> None:
        if self.waiting and not self.app.setting_up and not self.generating:
            await self._ask(*self.waiting.pop(0))

    def _view(self, generation: int) -> MessageView | None:
        """The answer's view if the turn is still this chat's; a chunk of a chat left behind is dropped."""
        if generation != self.current:
            return None
        found = self.query(f"#answer-{generation}")
        return found.first(MessageView) if found else None

    async def on_turn_message(self, message: TurnMessage) -> None:
        event = message.event
        view = self._view(event.generation)
        if view is None:
            return
        if isinstance(event, Text):
            await view.append(event.text)
            self.query_one("#conversation").scroll_end(animate=False)
        elif isinstance(event, Finished):
            await self._finish(view, event)

    async def _finish(self, view: MessageView, event: Finished) -> None:
        self.current = None
        self.call_after_refresh(self._next_waiting)
        turn = event.turn
        banner = self.query_one("#banner", Static)
        banner.display = bool(turn.triage and turn.triage.urgent)
        if banner.display:
            banner.update(turn.advice)
        if turn.answer is None:
            await view.finish(event.shown, "Bedside · error")
            self.notify(turn.error_text or "no answer", severity="error", timeout=10, markup=False)
            return
        answer = turn.answer
        heading = f"Bedside · {answer.mode.label}" + (" · stopped" if answer.stats.stop_reason == "cancelled" else "")
        await view.finish(event.shown, heading)
        self.last_answer = answer
        self.last_stats = answer_stats(answer)
        self.refresh_status()
        self.query_one(SourcesPanel).show(answer)
        self.query_one("#conversation").scroll_end(animate=False)

    async def on_engine_failed(self, message: EngineFailed) -> None:
        self.last_stats = "model not loaded"
        self.refresh_status()
        self.call_after_refresh(self._next_waiting)  # their emergency advice needs no model
        self.notify(
            f"{message.error}\nEmergency advice still works; answers need the model.",
            title="The model could not be loaded",
            severity="error",
            timeout=20,
            markup=False,
        )

    # -- actions ---------------------------------------------------------------------------------
    def action_cancel(self) -> None:
        if self.generating:
            self.app.conversation.stop()  # the answer so far stays, marked stopped

    def action_toggle_sources(self) -> None:
        panel = self.query_one(SourcesPanel)
        panel.display = not panel.display

    async def action_new_chat(self) -> None:
        self.app.conversation.new_session()  # an answer still coming is filed in its own chat, not shown here
        await self._clear()
        self.notify("New chat")

    async def _clear(self) -> None:
        self.current = None
        self.waiting.clear()
        await self.query_one("#conversation").remove_children()
        self.query_one("#banner").display = False

    def action_export(self) -> None:
        if self.app.session_id is None:
            self.notify("Nothing to export yet.", severity="warning")
            return
        path = self.app.export_session(self.app.session_id)
        self.notify(f"Exported to {path}", timeout=8)

    async def load_session(self, session_id: int) -> None:
        """Show a saved conversation (it becomes the current one)."""
        self.app.conversation.open_session(session_id)
        await self._clear()
        conversation = self.query_one("#conversation")
        for message in self.app.history.messages(session_id):
            if message.role == "user":
                await conversation.mount(MessageView("user", "You", message.content))
            else:
                label = message.mode or "answer"
                await conversation.mount(MessageView("assistant", f"Bedside · {label}", message.content))
        conversation.scroll_end(animate=False)
        self.last_stats = f"reopened {time.strftime('%Y-%m-%d %H:%M')}"
        self.refresh_status()
