"""The multi-line question box: Enter sends; Shift+Enter, Alt+Enter or Ctrl+J adds a new line
(Ctrl+J works in every terminal; the others where the terminal reports them). Both are bindings with
ids, so config [keys] can remap them like every other key ("prompt.submit" = "ctrl+s")."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea

OWN_ACTIONS = ("submit", "newline")


class PromptInput(TextArea):
    BINDINGS = [
        Binding("enter", "submit", "Send", id="prompt.submit"),
        Binding("shift+enter,alt+enter,ctrl+j", "newline", "New line", id="prompt.newline"),
    ]

    class Submitted(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, **kwargs) -> None:
        super().__init__(soft_wrap=True, show_line_numbers=False, tab_behavior="focus", **kwargs)
        self._keys: dict[str, str] | None = None  # key -> "submit" / "newline", after the keymap

    def _own_action(self, key: str) -> str | None:
        """The action this key is bound to here, after the user's keymap (worked out once, not on every
        keystroke: the keymap is set when the app starts)."""
        if self._keys is None:
            bindings = self._bindings.copy()
            if self.app._keymap:
                bindings.apply_keymap(self.app._keymap)
            self._keys = {
                k: b.action for k, found in bindings.key_to_bindings.items() for b in found if b.action in OWN_ACTIONS
            }
        return self._keys.get(key)

    async def _on_key(self, event: events.Key) -> None:
        # Handled here, in the order the keys came, not as priority bindings: those run as soon as the
        # key arrives, before the characters typed just ahead of it have reached the box (a fast
        # typist or a paste followed by Enter sent half the question).
        action = self._own_action(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            getattr(self, f"action_{action}")()
            return
        await super()._on_key(event)

    def action_submit(self) -> None:
        text = self.text.strip()
        if text:
            self.post_message(self.Submitted(text))
            self.clear()

    def action_newline(self) -> None:
        self.insert("\n")
