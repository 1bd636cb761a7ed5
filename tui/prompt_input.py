"""The multi-line question box: Enter sends; Shift+Enter, Alt+Enter or Ctrl+J adds a new line
(Ctrl+J works in every terminal; the others where the terminal reports them). Both are bindings with
ids, so config [keys] can remap them like every other key ("prompt.submit" = "ctrl+s")."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea


class PromptInput(TextArea):
    # priority: checked before the text area's own Enter (a new line) handles the key.
    BINDINGS = [
        Binding("enter", "submit", "Send", id="prompt.submit", priority=True),
        Binding("shift+enter,alt+enter,ctrl+j", "newline", "New line", id="prompt.newline", priority=True),
    ]

    class Submitted(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, **kwargs) -> None:
        super().__init__(soft_wrap=True, show_line_numbers=False, tab_behavior="focus", **kwargs)

    def action_submit(self) -> None:
        text = self.text.strip()
        if text:
            self.post_message(self.Submitted(text))
            self.clear()

    def action_newline(self) -> None:
        self.insert("\n")
