"""Start-up: when the embedded models are not materialised or the index is empty, say so and offer
to set them up (with progress) instead of failing on the first question."""

from __future__ import annotations

from textual import work
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, ProgressBar, Static

from bedside.core.first_run import INDEX, MODELS, run_setup


class SetupScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "skip", "Skip", id="setup.skip")]

    def __init__(self, needed: list[str]) -> None:
        super().__init__()
        self.needed = needed

    def compose(self):
        what = {
            MODELS: "the embedded models are not in the data home yet (about 300 MB, copied from installed packages)",
            INDEX: "the retrieval index is empty, so RAG and Hybrid have nothing to draw on",
        }
        with Vertical(id="setup-box"):
            yield Static("Bedside is not set up yet", classes="title")
            for item in self.needed:
                yield Static(f"• {what[item]}")
            yield Static("Set up now? Everything stays on this machine.", id="setup-status")
            yield ProgressBar(id="setup-progress", show_eta=False)
            with Horizontal(id="setup-buttons"):
                yield Button("Set up and index the sample corpus", id="setup-run", variant="primary")
                yield Button("Skip", id="setup-skip")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "setup-skip":
            self.action_skip()
            return
        event.button.disabled = True
        self.run_setup()

    def action_skip(self) -> None:
        self.dismiss(False)

    @work(thread=True, group="setup")
    def run_setup(self) -> None:
        status = self.query_one("#setup-status", Static)
        bar = self.query_one("#setup-progress", ProgressBar)

        def say(text: str) -> None:
            self.app.call_from_thread(status.update, text)

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(bar.update, total=total, progress=done)

        try:
            run_setup(self.app.settings, self.needed, say, progress)
        except Exception as error:  # noqa: BLE001 - show any failure here rather than crash the UI
            say(f"setup failed: {error}")
            return
        self.app.call_from_thread(self.dismiss, True)
