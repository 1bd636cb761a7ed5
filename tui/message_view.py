"""One turn in the conversation: who spoke (and in which mode), then Markdown streamed in place."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widgets import Label, Markdown


class MessageView(Vertical):
    DEFAULT_CLASSES = "message"

    def __init__(self, role: str, heading: str, text: str = "", **kwargs) -> None:
        super().__init__(classes=f"message {role}", **kwargs)
        self.role, self.heading, self.initial = role, heading, text
        self._stream = None
        self.written: list[str] = []  # what has been streamed, for cancel and tests

    def compose(self):
        yield Label(self.heading, classes="heading")
        yield Markdown(self.initial)

    @property
    def markdown(self) -> Markdown:
        return self.query_one(Markdown)

    async def append(self, fragment: str) -> None:
        """Stream a fragment into the widget (Textual batches the re-parsing)."""
        if self._stream is None:
            self._stream = Markdown.get_stream(self.markdown)
        self.written.append(fragment)
        await self._stream.write(fragment)

    async def finish(self, final_text: str, heading: str | None = None) -> None:
        """Stop streaming and render the final text once (emergency advice, answer, disclaimer)."""
        if self._stream is not None:
            await self._stream.stop()
            self._stream = None
        if heading:
            self.heading = heading
            self.query_one(Label).update(heading)
        await self.markdown.update(final_text)

    @property
    def text(self) -> str:
        return "".join(self.written) if self.written else self.initial
