"""The chat: conversation, sources panel, red-flag banner, question box, status line, disclaimer."""

from __future__ import annotations

import threading
import time

from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from bedside.core.engine import Answer
from bedside.core.safety import DISCLAIMER
from bedside.tui.events import AnswerChunk, AnswerDone, AnswerFailed, EngineFailed, EngineReady, ModeChanged, post_turn
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
        self.cancel_event = threading.Event()
        self.generating = False
        self._counter = 0
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

    def on_engine_ready(self, message: EngineReady) -> None:
        self.refresh_status()

    # -- asking ----------------------------------------------------------------------------------
    @on(PromptInput.Submitted)
    async def ask(self, message: PromptInput.Submitted) -> None:
        if self.generating:
            self.app.bell()
            self.notify("Still answering: Esc stops the current answer.", severity="warning")
            return
        question = message.text
        self.last_question = question
        app = self.app
        session = app.ensure_session()
        history = app.history.exchanges(session)
        app.history.add_message(session, "user", question)  # saved before generating: a crash keeps it
        conversation = self.query_one("#conversation")
        self._counter += 1
        answer_id = f"answer-{self._counter}"
        await conversation.mount(MessageView("user", "You", question))
        await conversation.mount(MessageView("assistant", f"Bedside · {app.mode.label}", id=answer_id))
        conversation.scroll_end(animate=False)
        self.generating = True
        self.cancel_event.clear()
        self.run_worker(lambda: self._generate(answer_id, question, app.mode, history), thread=True, group="answer")

    def _generate(self, answer_id: str, question: str, mode, history) -> None:
        app = self.app
        # The engine takes its own lock after triage: the advice shows even while the model loads.
        post_turn(self.post_message, answer_id, app.engine.stream(question, mode, history, cancel=self.cancel_event))

    async def on_answer_chunk(self, message: AnswerChunk) -> None:
        view = self.query_one(f"#{message.target_id}", MessageView)
        await view.append(message.text)
        self.query_one("#conversation").scroll_end(animate=False)

    async def on_answer_done(self, message: AnswerDone) -> None:
        answer = message.answer
        view = self.query_one(f"#{message.target_id}", MessageView)
        heading = f"Bedside · {answer.mode.label}" + (" · stopped" if answer.stats.stop_reason == "cancelled" else "")
        await view.finish(answer.full_text, heading)
        self.generating = False
        self.last_answer = answer
        self.last_stats = answer_stats(answer)
        self.refresh_status()
        self.query_one(SourcesPanel).show(answer)
        banner = self.query_one("#banner", Static)
        banner.display = answer.triage.urgent
        if answer.triage.urgent:
            banner.update(answer.triage.advice)
        data = answer.to_json()
        self.app.history.add_message(
            self.app.ensure_session(),
            "assistant",
            answer.full_text,
            mode=answer.mode.value,
            sources=data["sources"],
            stats={k: data[k] for k in ("ttft_s", "tokens_per_s", "prompt_tokens", "completion_tokens", "stop_reason")},
        )
        self.query_one("#conversation").scroll_end(animate=False)

    async def on_answer_failed(self, message: AnswerFailed) -> None:
        view = self.query_one(f"#{message.target_id}", MessageView)
        shown = message.text(DISCLAIMER)
        await view.finish(shown, "Bedside · error")
        self.generating = False
        banner = self.query_one("#banner", Static)
        banner.display = bool(message.advice)
        if message.advice:
            banner.update(message.advice)
        # Kept in the chat's history like any answer: the advice given must not vanish on reopening.
        self.app.history.add_message(self.app.ensure_session(), "assistant", shown, mode=self.app.mode.value)
        self.notify(message.error, severity="error", timeout=10, markup=False)

    def on_engine_failed(self, message: EngineFailed) -> None:
        self.last_stats = "model not loaded"
        self.refresh_status()
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
            self.cancel_event.set()

    def action_toggle_sources(self) -> None:
        panel = self.query_one(SourcesPanel)
        panel.display = not panel.display

    async def action_new_chat(self) -> None:
        if self.generating:
            self.cancel_event.set()
        self.app.session_id = None
        await self.query_one("#conversation").remove_children()
        self.query_one("#banner").display = False
        self.notify("New chat")

    def action_export(self) -> None:
        if self.app.session_id is None:
            self.notify("Nothing to export yet.", severity="warning")
            return
        path = self.app.export_session(self.app.session_id)
        self.notify(f"Exported to {path}", timeout=8)

    async def load_session(self, session_id: int) -> None:
        """Show a saved conversation (it becomes the current one)."""
        await self.action_new_chat()
        self.app.session_id = session_id
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
