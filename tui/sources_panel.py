"""Retrieved doctor answers behind the last answer: [n] as cited, rank, score, title; cited ones marked."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from bedside.core.engine import Answer

NO_RETRIEVAL = "No retrieval in this mode: the answer comes from the model alone."


class SourcesPanel(VerticalScroll):
    def compose(self):
        yield Static("Sources", classes="title")
        yield Static("Ask a question in RAG or Hybrid mode to see the answers it drew on.", id="sources-body")

    def show(self, answer: Answer) -> None:
        body = self.query_one("#sources-body", Static)
        if not answer.used_retrieval:
            body.update(NO_RETRIEVAL)
            return
        if not answer.sources:
            body.update("Retrieval found nothing that fitted the prompt.")
            return
        text = Text()
        for source in answer.sources:
            style = "bold green" if source.cited else ""
            mark = " ✓ cited" if source.cited else ""
            text.append(f"[{source.number}] {source.title or '(untitled)'}{mark}\n", style=style)
            text.append(f"rank {source.rank} · score {source.score:.3f}\n", style="dim")
            doctor = source.doctor if len(source.doctor) <= 600 else source.doctor[:599] + "…"
            text.append(doctor + "\n\n")
        body.update(text)

    @property
    def plain(self) -> str:
        return str(self.query_one("#sources-body", Static).render())
