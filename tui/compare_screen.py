"""One question answered in every available mode, side by side, streamed one mode after another,
each column with its latency: the RAG vs FT vs Hybrid vs Base experiment as a screen."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from bedside.core.chat import Finished, Pending, Text
from bedside.tui.chat_screen import answer_stats
from bedside.tui.events import TurnMessage, relay
from bedside.tui.message_view import MessageView


class CompareScreen(Screen):
    BINDINGS = [Binding("escape", "close", "Back to chat", id="compare.close")]

    def __init__(self, question: str = "") -> None:
        super().__init__()
        self.question = question
        self.done: dict[str, str] = {}  # mode value -> final answer text
        self.pending: Pending | None = None  # the run in progress

    @property
    def running(self) -> bool:
        return self.pending is not None

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
        conversation = self.app.conversation
        self.question, self.done = question, {}
        self.pending = pending = conversation.start_compare(question)
        send = relay(self.post_message)

        def run() -> None:
            try:
                modes = conversation.available_modes()  # may load the model
            except Exception as error:  # noqa: BLE001 - the model's process failed: say so, keep the app
                self.app.call_from_thread(self.app.notify, f"No mode can answer: {error}", severity="error")
                modes = []
            self.app.call_from_thread(self._build_columns, modes, pending.generation)
            conversation.run_compare(pending, modes, send)

        self.run_worker(run, thread=True, group="compare", exclusive=True)

    async def _build_columns(self, modes, generation: int) -> None:
        if self.pending is None or self.pending.generation != generation:
            return
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

    async def on_turn_message(self, message: TurnMessage) -> None:
        event = message.event
        if self.pending is None or event.generation != self.pending.generation:
            return  # a run that was left or replaced
        found = self.query(f"#cmp-{event.mode.value}")
        if not found:
            return
        view = found.first(MessageView)
        if isinstance(event, Text):
            await view.append(event.text)
        elif isinstance(event, Finished):
            await view.finish(event.shown, "answer" if event.turn.answer else "error")
            if event.turn.answer is not None:
                self.query_one(f"#cmp-stats-{event.mode.value}", Static).update(answer_stats(event.turn.answer))
                self.done[event.mode.value] = event.turn.answer.text
            if event.mode.value == self._last_mode():
                self.pending = None

    def _last_mode(self):
        columns = self.query(".compare-column MessageView")
        return columns.last().id.removeprefix("cmp-") if columns else None

    def action_close(self) -> None:
        # Leaving stops the run: the model is free for the chat's next question at once.
        if self.pending is not None:
            self.app.conversation.cancel(self.pending.generation)
            self.pending = None
        self.app.pop_screen()
