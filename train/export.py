"""Write a PEFT LoRA adapter (adapter_model.safetensors + adapter_config.json) as a llama.cpp GGUF
LoRA adapter, with the `gguf` package alone (no torch, no llama.cpp checkout).

Tensor names come from gguf's own HF -> GGUF name map for the base model's architecture; each
adapted weight `W` becomes `<gguf name>.weight.lora_a` (PEFT lora_A, shape r x in) and `.lora_b`
(lora_B, out x r). llama.cpp scales by adapter.lora.alpha / r; for rsLoRA (alpha / sqrt(r)) the
alpha written is alpha * sqrt(r). Every pair is checked against the base GGUF's tensor shapes.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bedside.core.gguf_info import GGUFFormatError, read_gguf_info

PEFT_KEY = re.compile(r"^(?:base_model\.model\.)?(?P<module>.+)\.lora_(?P<part>[AB])(?:\.default)?\.weight$")
FORBIDDEN = ("embed_tokens", "lm_head", "embed", "wte", "output")


class AdapterExportError(ValueError):
    """A PEFT adapter that cannot become a GGUF adapter for this base model."""


@dataclass(frozen=True)
class ExportReport:
    path: Path
    architecture: str
    tensors: int  # adapted weight matrices
    rank: int
    alpha: float  # as written (rsLoRA already folded in)


def lora_misfit(name: str, lora_a: np.ndarray, lora_b: np.ndarray, base_shape: tuple[int, ...], rank: int) -> str:
    """Why a LoRA pair cannot apply to a base weight of GGUF shape (in, out), or "" when it fits:
    A is (rank, in) and B is (out, rank), as PEFT stores them and llama.cpp reads them."""
    in_features, out_features = int(base_shape[0]), int(base_shape[1])
    if lora_a.shape == (rank, in_features) and lora_b.shape == (out_features, rank):
        return ""
    return (
        f"{name}: adapter A{lora_a.shape} B{lora_b.shape} does not fit the base weight "
        f"({out_features} x {in_features}) at rank {rank}"
    )


def _base_layout(base_gguf: Path) -> tuple[str, int, dict[str, tuple[int, ...]]]:
    try:
        info = read_gguf_info(base_gguf)
    except (GGUFFormatError, OSError) as err:
        raise AdapterExportError(f"cannot read the base model {base_gguf}: {err}") from err
    architecture = str(info.get("general.architecture", ""))
    return architecture, int(info.get(f"{architecture}.block_count", 0)), info.tensors


PROMPT_FORMAT_KEY = "bedside.prompt_format"  # in the adapter GGUF
PROMPT_FORMAT_FILE = "bedside.json"  # written beside a PEFT adapter Bedside trained: its prompt format


def recorded_prompt_format(peft_dir: Path) -> str | None:
    path = Path(peft_dir) / PROMPT_FORMAT_FILE
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("prompt_format")


def export_peft_to_gguf(peft_dir: Path, base_gguf: Path, out_path: Path, prompt_format: str = "") -> ExportReport:
    """Convert; the output appears only when complete (temp file + rename). `prompt_format` (default:
    the one recorded beside the PEFT adapter) goes into the GGUF, so a run can refuse an adapter
    trained on another prompt layout."""
    import gguf
    from safetensors.numpy import load_file

    peft_dir = Path(peft_dir)
    config_path, weights_path = peft_dir / "adapter_config.json", peft_dir / "adapter_model.safetensors"
    for required in (config_path, weights_path):
        if not required.exists():
            raise AdapterExportError(f"{required} is missing; give the folder a PEFT save_pretrained() wrote")
    config = json.loads(config_path.read_text(encoding="utf-8"))
    if config.get("peft_type", "LORA") != "LORA":
        raise AdapterExportError(f"only LoRA adapters can be exported, this one is {config.get('peft_type')}")
    targets = config.get("target_modules") or []
    targets = [targets] if isinstance(targets, str) else list(targets)
    bad = [t for t in targets + list(config.get("modules_to_save") or []) if any(f in t for f in FORBIDDEN)]
    if bad:
        raise AdapterExportError(
            f"the adapter trains {', '.join(bad)}: llama.cpp LoRA adapters cannot carry embedding or output "
            "layers; retrain with target_modules on the attention and MLP projections only"
        )

    architecture, blocks, shapes = _base_layout(Path(base_gguf))
    arch_enum = {name: arch for arch, name in gguf.MODEL_ARCH_NAMES.items()}.get(architecture)
    if arch_enum is None:
        raise AdapterExportError(f"the gguf package does not know the architecture {architecture!r}")
    names = gguf.get_tensor_name_map(arch_enum, blocks)

    weights = load_file(str(weights_path))
    pairs: dict[str, dict[str, np.ndarray]] = {}
    for key, value in weights.items():
        match = PEFT_KEY.match(key)
        if not match:
            raise AdapterExportError(f"unexpected tensor {key!r} in {weights_path.name}; is this a LoRA adapter?")
        module = match["module"]
        if any(f in module.split(".")[-1] for f in FORBIDDEN):
            raise AdapterExportError(f"the adapter has a LoRA on {module}: embeddings/lm_head are not supported")
        gguf_name = names.get_name(module)
        if gguf_name is None:
            raise AdapterExportError(
                f"{module} has no counterpart in a {architecture} GGUF: the adapter was trained for another model"
            )
        pairs.setdefault(f"{gguf_name}.weight", {})[match["part"]] = value

    rank = int(config.get("r", 0))
    for name, pair in pairs.items():
        if set(pair) != {"A", "B"}:
            raise AdapterExportError(f"{name}: the adapter has lora_{''.join(pair)} without its partner")
        base = shapes.get(name)
        if base is None:
            raise AdapterExportError(f"the base GGUF has no tensor {name}; the adapter belongs to another model")
        misfit = lora_misfit(name, pair["A"], pair["B"], base, rank)
        if misfit:
            raise AdapterExportError(f"{misfit}: the adapter was trained on a different model")

    alpha = float(config.get("lora_alpha", rank))
    if config.get("use_rslora"):
        alpha *= math.sqrt(rank)  # llama.cpp divides by r; rsLoRA divides by sqrt(r)

    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".partial", dir=out_path.parent)
    os.close(fd)
    try:
        writer = gguf.GGUFWriter(tmp_name, architecture)
        writer.add_string("general.type", "adapter")
        writer.add_string("adapter.type", "lora")
        writer.add_float32("adapter.lora.alpha", alpha)
        writer.add_string("general.name", config.get("base_model_name_or_path") or "bedside adapter")
        recorded = prompt_format or recorded_prompt_format(peft_dir)
        if recorded:
            writer.add_string(PROMPT_FORMAT_KEY, recorded)
        for name, pair in sorted(pairs.items()):
            writer.add_tensor(f"{name}.lora_a", np.ascontiguousarray(pair["A"], dtype=np.float32))
            writer.add_tensor(f"{name}.lora_b", np.ascontiguousarray(pair["B"], dtype=np.float32))
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
        writer.close()
        os.replace(tmp_name, out_path)
    finally:
        Path(tmp_name).unlink(missing_ok=True)
    return ExportReport(out_path, architecture, len(pairs), rank, alpha)
