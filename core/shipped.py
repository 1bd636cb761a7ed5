"""The FT and Hybrid adapters shipped for the embedded base model, so every mode works at first start.

They live in bedside/models/adapters/ with a MANIFEST.json (sha256 of each file, the sha256 of the
base GGUF they were trained on, the prompt format). They are used only when the user configured no
adapter for a slot and runs the embedded base model; the user's own adapters always win.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from bedside.core.embedded import sha256_file

MANIFEST = "MANIFEST.json"


class ShippedAdapterError(ValueError):
    """A shipped adapter that is missing, damaged or made for another base; the message says what to do."""


@dataclass(frozen=True)
class ShippedAdapter:
    slot: str
    path: Path
    sha256: str
    base_sha256: str
    prompt_format: str


def _folder() -> Path:
    return Path(str(resources.files("bedside.models").joinpath("adapters")))


def manifest() -> dict | None:
    path = _folder() / MANIFEST
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        for entry in data["adapters"].values():
            entry["file"], entry["sha256"]  # noqa: B018 - the keys every entry needs
        data["base_sha256"], data["prompt_format"]  # noqa: B018
        return data
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ShippedAdapterError(
            f"{path} is damaged ({type(error).__name__}: {error}); reinstall Bedside, or train your own "
            "adapters with `bedside train`"
        ) from error


def shipped_adapter(slot: str) -> ShippedAdapter | None:
    data = manifest()
    entry = (data or {}).get("adapters", {}).get(slot)
    if not entry:
        return None
    return ShippedAdapter(slot, _folder() / entry["file"], entry["sha256"], data["base_sha256"], data["prompt_format"])


def verified(adapter: ShippedAdapter, base_sha256: str) -> Path:
    """The adapter's path once its bytes and its base check out."""
    if adapter.base_sha256 != base_sha256:
        raise ShippedAdapterError(
            f"the shipped {adapter.slot} adapter was trained on another base model; train your own with "
            f"`bedside train --mode {adapter.slot}`"
        )
    if not adapter.path.is_file() or sha256_file(adapter.path) != adapter.sha256:
        raise ShippedAdapterError(
            f"the shipped {adapter.slot} adapter at {adapter.path} is missing or damaged (sha256 differs); "
            "reinstall Bedside, or train your own with `bedside train`"
        )
    return adapter.path


def slot_adapter(settings, slot: str) -> Path | None:
    """The adapter a mode runs: the configured one, else the one shipped for the embedded base model
    (verified). None when the slot has neither."""
    configured = getattr(settings, f"adapter_{slot}")
    if configured:
        return Path(configured).expanduser()
    shipped = None if settings.llm_gguf else shipped_adapter(slot)
    if shipped is None:
        return None
    from bedside.core.embedded import base_gguf_source

    return verified(shipped, base_gguf_source().EXPECTED_SHA256)
