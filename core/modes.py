"""The four ways Bedside can answer, and what each one needs."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    RAG = "rag"  # base model + retrieved doctor answers
    FT = "ft"  # fine-tuned adapter, no retrieval
    HYBRID = "hybrid"  # RAFT-trained adapter + retrieval
    BASE = "base"  # base model alone: the control for every comparison

    @property
    def retrieves(self) -> bool:
        return self in (Mode.RAG, Mode.HYBRID)

    @property
    def adapter(self) -> str | None:
        """Which adapter slot the mode runs with (config: adapter_ft / adapter_hybrid)."""
        return {Mode.FT: "ft", Mode.HYBRID: "hybrid"}.get(self)

    @property
    def label(self) -> str:
        return {Mode.RAG: "RAG", Mode.FT: "FT", Mode.HYBRID: "Hybrid", Mode.BASE: "Base"}[self]


ORDER: tuple[Mode, ...] = (Mode.RAG, Mode.FT, Mode.HYBRID, Mode.BASE)
