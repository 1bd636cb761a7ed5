"""The alternative merge routes, used only when the user points Bedside at a llama.cpp checkout
(`llama_cpp_path` or UNSLOTH_LLAMA_CPP_PATH): merge the LoRA into the float Hugging Face base with
PEFT and convert/quantise with llama.cpp's own tools, or Unsloth's save_pretrained_gguf on a GPU.
Nothing is cloned or downloaded. Without a checkout, train/merge_gguf.py merges in GGUF space.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LlamaCppTools:
    root: Path
    convert: Path  # convert_hf_to_gguf.py
    quantize: Path  # llama-quantize


def find_llama_cpp(configured: str = "") -> LlamaCppTools | None:
    root_text = os.environ.get("UNSLOTH_LLAMA_CPP_PATH") or configured
    if not root_text:
        return None
    root = Path(root_text).expanduser()
    convert = root / "convert_hf_to_gguf.py"
    quantize = next(
        (p for p in (root / "llama-quantize", root / "build" / "bin" / "llama-quantize") if p.exists()),
        None,
    ) or (Path(found) if (found := shutil.which("llama-quantize")) else None)
    if not convert.exists() or quantize is None:
        return None
    return LlamaCppTools(root, convert, quantize)


def merged_gguf_cpu(hf_dir: Path, adapter_dir: Path, tools: LlamaCppTools, out_path: Path) -> Path:
    """Merge the LoRA into the float base, convert with llama.cpp, quantise to Q4_K_M."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    with tempfile.TemporaryDirectory(dir=out_path.parent) as scratch:
        merged_dir = Path(scratch) / "merged"
        model = AutoModelForCausalLM.from_pretrained(hf_dir, dtype=torch.float32)
        model = PeftModel.from_pretrained(model, adapter_dir).merge_and_unload()
        model.save_pretrained(merged_dir)
        AutoTokenizer.from_pretrained(hf_dir).save_pretrained(merged_dir)
        f16 = Path(scratch) / "merged-f16.gguf"
        subprocess.run(
            [sys.executable, str(tools.convert), str(merged_dir), "--outfile", str(f16), "--outtype", "f16"], check=True
        )
        partial = out_path.with_name(out_path.name + ".partial")
        subprocess.run([str(tools.quantize), str(f16), str(partial), "Q4_K_M"], check=True)
        os.replace(partial, out_path)
    return out_path


def merged_gguf_unsloth(model, tokenizer, tools: LlamaCppTools, out_dir: Path) -> Path:
    """Unsloth's own merge + convert, pointed at the local llama.cpp (it would clone one otherwise)."""
    os.environ["UNSLOTH_LLAMA_CPP_PATH"] = str(tools.root)
    model.save_pretrained_gguf(str(out_dir), tokenizer, quantization_method="q4_k_m")
    found = sorted(out_dir.glob("*.gguf"), key=lambda p: p.stat().st_mtime)
    if not found:
        raise RuntimeError(f"Unsloth's save_pretrained_gguf wrote no GGUF into {out_dir}")
    return found[-1]
