"""`just ship-adapters`: copy the FT and Hybrid adapter GGUFs of a training run into
bedside/models/adapters/ with a MANIFEST.json, as the defaults for the embedded base model.

    python -m bedside.train.ship                  # the adapters registered in config.toml
    python -m bedside.train.ship FT.gguf HYBRID.gguf
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
from pathlib import Path

from bedside.core.config import load_settings
from bedside.core.embedded import ensure_base_gguf, sha256_file
from bedside.core.gguf_info import read_gguf_info
from bedside.core.shipped import MANIFEST, _folder


def ship(adapters: dict[str, Path], base_gguf: Path, destination: Path, note: str = "") -> dict:
    destination.mkdir(parents=True, exist_ok=True)
    formats = {slot: read_gguf_info(path).get("bedside.prompt_format") for slot, path in adapters.items()}
    if len(set(formats.values())) != 1 or None in formats.values():
        raise SystemExit(f"the adapters must record one prompt format, got {formats}")
    entries = {}
    for slot, path in adapters.items():
        target = destination / f"{slot}.gguf"
        temp = target.with_suffix(".tmp")
        shutil.copyfile(path, temp)
        os.replace(temp, target)
        entries[slot] = {"file": target.name, "sha256": sha256_file(target), "bytes": target.stat().st_size}
    data = {
        "base_sha256": sha256_file(base_gguf),
        "prompt_format": next(iter(formats.values())),
        "adapters": entries,
        "made_by": note,
    }
    (destination / MANIFEST).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return data


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ft", nargs="?", type=Path)
    parser.add_argument("hybrid", nargs="?", type=Path)
    parser.add_argument("--note", default="bedside train --mode both on the shipped sample corpus (CPU)")
    args = parser.parse_args(argv)
    settings = load_settings()
    ft = args.ft or Path(settings.adapter_ft)
    hybrid = args.hybrid or Path(settings.adapter_hybrid)
    base = ensure_base_gguf(settings.paths, verify=False).path
    print(json.dumps(ship({"ft": ft, "hybrid": hybrid}, base, _folder(), args.note), indent=2))


if __name__ == "__main__":
    main()
