"""One question answered in every available mode, side by side, streamed one mode after another,
each column with its latency: the RAG vs FT vs Hybrid vs Base experiment as a screen."""

from __future__ import annotations

import contextlib

from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from bedside.core.safety import DISCLAIMER
from bedside.tui.chat_screen import answer_stats
from bedside.tui.events import AnswerChunk, AnswerDone, AnswerFailed, post_turn
from bedside.tui.message_view import MessageView


class CompareScreen(Screen):
    BINDINGS = [Binding("escape", "close", "Back to chat", id="compare.close")]

    def __init__(self, question: str = "") -> None:
        super().__init__()
        self.question = question
        self.done: dict[str, str] = {}  # mode value -> final answer text
        self.running = False

    def compose(self):
        yield Static("Compare modes: the same question in every available mode", id="status")
        yield Input(self.question, placeholder="Question to compare (Enter runs it)", id="compare-question")
        yield Horizontal(id="columns")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.question:
            self.start(self.question)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        if event.value.strip() and not self.running:
            self.start(event.value.strip())

    def start(self, question: str) -> None:
        self.question, self.done, self.running = question, {}, True
        self.run_worker(self._prepare_and_run, thread=True, group="compare", exclusive=True)

    async def _build_columns(self, modes) -> None:
        columns = self.query_one("#columns")
        await columns.remove_children()
        for mode in modes:
            column = Vertical(
                Label(mode.label, classes="heading"),
                MessageView("assistant", "waiting…", id=f"cmp-{mode.value}"),
                Static("", id=f"cmp-stats-{mode.value}", classes="stats"),
                classes="compare-column",
            )
            await columns.mount(column)

    def _prepare_and_run(self) -> None:
        app = self.app
        modes = app.engine.available_modes()  # already in ORDER
        app.call_from_thread(self._build_columns, modes)
        for mode in modes:
            post_turn(self.post_message, f"cmp-{mode.value}", app.engine.stream(self.question, mode))
        # Leave the backend in the chat's mode; a model that failed to load was reported in its column.
        with app.engine.lock, contextlib.suppress(Exception):
            app.engine.backend.use_adapter(app.mode.adapter)
        self.running = False

    async def on_answer_chunk(self, message: AnswerChunk) -> None:
        await self.query_one(f"#{message.target_id}", MessageView).append(message.text)

    async def on_answer_done(self, message: AnswerDone) -> None:
        answer = message.answer
        await self.query_one(f"#{message.target_id}", MessageView).finish(answer.full_text, "answer")
        self.query_one(f"#cmp-stats-{answer.mode.value}", Static).update(answer_stats(answer))
        self.done[answer.mode.value] = answer.text

    async def on_answer_failed(self, message: AnswerFailed) -> None:
        await self.query_one(f"#{message.target_id}", MessageView).finish(message.text(DISCLAIMER))

    def action_close(self) -> None:
        self.app.pop_screen()
