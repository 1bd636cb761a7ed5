"""Merge a LoRA adapter GGUF into its base GGUF, in GGUF space: one model file that needs no adapter.

With what Bedside already installs (the `gguf` package and llama-cpp-python's own library), so no
torch, no llama.cpp checkout and no download:

1. read the base and the adapter with `gguf`, and check that every lora_a/lora_b pair fits a base
   weight (another model's adapter is refused before anything is written);
2. stream a float32 intermediate: every weight the adapter touches dequantised and given
   `W + (alpha / r) · B·A` (what llama.cpp computes at scale 1.0, the scale the engine uses); every
   other tensor copied byte for byte, with every metadata key and the tokenizer;
3. quantise it with `llama_model_quantize` from llama-cpp-python's library. The untouched tensors are
   pinned to their own type (tensor overrides), so the quantiser copies them instead of re-quantising;
4. check that every untouched tensor came through bit-identical, then rename into place.

Work happens in a scratch folder beside the output and the output appears only when complete: an
interrupted export leaves no partial model (a killed one leaves a `.merging` folder, removed by the
next export to the same path).
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bedside.core.embedded import sha256_file
from bedside.core.gguf_info import GGUFFormatError, read_gguf_info
from bedside.train.export import lora_misfit

# Written into the merged file, so it says what it was made from.
MERGED_BASE_SHA = "bedside.merged.base_sha256"
MERGED_ADAPTER_SHA = "bedside.merged.adapter_sha256"
MERGED_QUANT = "bedside.merged.quant"
PROMPT_FORMAT_KEY = "bedside.prompt_format"  # as in adapter GGUFs (train/export.py)

# --quant -> the llama_ftype asked of the quantiser, for the tensors the adapter changes (every other
# tensor keeps the base's own type). q4_k_m lets llama.cpp choose per tensor as it would for the
# base (the same mix of q4_K/q5_0/q6_K/q8_0 on the embedded model), so the merged model decodes like
# the base. llama.cpp applies per-tensor type overrides only under a quantised ftype (under f16 it
# makes every tensor f16, and a quantised base tensor cannot be re-quantised), so f16 is asked for
# as q8_0 with the merged tensors overridden to f16.
FTYPE_FOR = {"q4_k_m": 15, "q8_0": 7, "f16": 7}
QUANTS = tuple(FTYPE_FOR)
GGML_F16 = 1
FLOAT_TYPES = {"F32", "F16", "BF16"}
# Below this share of the adapter's change kept, the merge is refused: a LoRA's change to a weight is
# about 1% of it, smaller than one 4-5 bit step, so re-quantising an already 4-bit base to 4 bits
# rounds most of it away (measured on the embedded model: 1-4% kept at q4_k_m).
MIN_KEPT = 0.8
SCRATCH_SUFFIX = ".merging"


class MergeError(ValueError):
    """An adapter that cannot be merged into this base, or a merge that did not come out right."""


@dataclass(frozen=True)
class MergeReport:
    path: Path
    quant: str
    merged: int  # base weights changed by the adapter
    copied: int  # tensors copied unchanged (verified bit-identical)
    rank: int
    scale: float
    kept: float  # share of the adapter's change the merged weights carry (see _check_result)
    base_sha256: str
    adapter_sha256: str
    bytes: int


def _reader(path: Path, what: str):
    import gguf

    if not path.is_file():
        raise MergeError(f"the {what} {path} does not exist")
    try:
        return gguf.GGUFReader(path)
    except Exception as err:  # the reader raises ValueError, IndexError, struct errors… on a bad file
        raise MergeError(f"the {what} {path} is not a readable GGUF ({err}); re-export or re-download it") from err


@dataclass(frozen=True)
class _Tensor:
    name: str
    shape: tuple[int, ...]  # GGUF order: ne0 (input features) first
    tensor_type: object  # gguf.GGMLQuantizationType
    data: np.ndarray  # as GGUFReader lays it out: float rows, or bytes per row for quantised types


def _tensors_fast(path: Path, what: str) -> tuple[dict[str, object], dict[str, _Tensor]]:
    """A GGUF's scalar metadata and its tensors as memory-mapped views (in file order), without parsing
    its vocabulary (GGUFReader takes ~15 s on Gemma's 262k tokens; this takes milliseconds)."""
    import gguf

    if not path.is_file():
        raise MergeError(f"the {what} {path} does not exist")
    try:
        info = read_gguf_info(path)
    except (GGUFFormatError, OSError) as err:
        raise MergeError(f"the {what} {path} is not a readable GGUF ({err}); re-export or re-download it") from err
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    floats = {gguf.GGMLQuantizationType.F32: np.float32, gguf.GGMLQuantizationType.F16: np.float16}
    tensors = {}
    for name, shape in info.tensors.items():
        kind, start = info.layout[name]
        qtype = gguf.GGMLQuantizationType(kind)
        block, size = gguf.GGML_QUANT_SIZES[qtype]
        rows = [int(n) for n in reversed(shape)]  # numpy order: ne0 last
        nbytes = int(np.prod(rows)) // block * size
        if start + nbytes > raw.size:
            raise MergeError(f"the {what} {path} is truncated (tensor {name} runs past the end); re-export it")
        data = raw[start : start + nbytes]
        if qtype in floats:
            data = data.view(floats[qtype]).reshape(rows)
        else:
            data = data.reshape(rows[:-1] + [rows[-1] // block * size])
        tensors[name] = _Tensor(name, tuple(shape), qtype, data)
    return info.metadata, tensors


def _field(reader, key: str):
    field = reader.fields.get(key)
    return None if field is None else field.contents()


@dataclass(frozen=True)
class _Pair:
    lora_a: np.ndarray  # (r, in)
    lora_b: np.ndarray  # (out, r)


def _adapter_pairs(
    adapter_meta: dict, adapter: dict[str, _Tensor], base_tensors: dict, adapter_path: Path
) -> tuple[dict[str, _Pair], int, float]:
    """The adapter's pairs by base weight name, its rank and alpha; refuses anything that does not fit."""
    parts: dict[str, dict[str, np.ndarray]] = {}
    for tensor in adapter.values():
        stem, _, part = tensor.name.rpartition(".")
        if part not in ("lora_a", "lora_b"):
            raise MergeError(f"{adapter_path}: unexpected tensor {tensor.name!r} in a LoRA adapter")
        parts.setdefault(stem, {})[part] = _as_float(tensor)
    if not parts:
        raise MergeError(f"{adapter_path} holds no LoRA tensors")
    ranks = set()
    pairs = {}
    for stem, found in sorted(parts.items()):
        if set(found) != {"lora_a", "lora_b"}:
            raise MergeError(f"{adapter_path}: {stem} has {', '.join(found)} without its partner; re-export it")
        base = base_tensors.get(stem)
        if base is None:
            raise MergeError(f"the base has no tensor {stem}: {adapter_path} was trained for another model")
        lora_a, lora_b = found["lora_a"], found["lora_b"]
        rank = lora_a.shape[0]
        misfit = lora_misfit(stem, lora_a, lora_b, base.shape, rank)
        if misfit:
            raise MergeError(f"{misfit}: {adapter_path} was trained for another model")
        if not (np.isfinite(lora_a).all() and np.isfinite(lora_b).all()):
            raise MergeError(f"{adapter_path}: {stem} holds NaN or infinite values; the adapter is corrupt")
        ranks.add(rank)
        pairs[stem] = _Pair(lora_a, lora_b)
    if len(ranks) != 1:
        raise MergeError(f"{adapter_path} mixes LoRA ranks {sorted(ranks)}; Bedside merges single-rank adapters only")
    rank = ranks.pop()
    alpha = adapter_meta.get("adapter.lora.alpha")
    return pairs, rank, float(alpha) if alpha else float(rank)


def _as_float(tensor) -> np.ndarray:
    from gguf import GGMLQuantizationType, quants

    if tensor.tensor_type == GGMLQuantizationType.F32:
        return np.asarray(tensor.data, dtype=np.float32)
    return quants.dequantize(tensor.data, tensor.tensor_type).astype(np.float32)


def _copy_metadata(writer, base, extra: dict[str, str]) -> None:
    from gguf import GGUFValueType

    for key, field in base.fields.items():
        if key.startswith("GGUF.") or key in ("general.architecture", "general.alignment") or key in extra:
            continue  # the writer writes the header, the architecture and its own (default) alignment
        main = field.types[0]
        sub = field.types[-1] if main == GGUFValueType.ARRAY else None
        writer.add_key_value(key, field.contents(), main, sub_type=sub)
    for key, value in extra.items():
        writer.add_string(key, value)


def _write_intermediate(
    path: Path, base_gguf: Path, base: dict[str, _Tensor], pairs: dict[str, _Pair], scale: float, extra: dict[str, str]
) -> None:
    """Stream base + scale·B·A as float32 for the touched weights, every other tensor as it is."""
    import gguf

    fields = _reader(base_gguf, "base model")  # the full metadata, vocabulary included
    writer = gguf.GGUFWriter(path, str(_field(fields, "general.architecture")))
    _copy_metadata(writer, fields, extra)
    for tensor in base.values():
        if tensor.name in pairs:
            shape = tuple(reversed(tensor.shape))
            writer.add_tensor_info(tensor.name, shape, np.dtype(np.float32), 4 * int(np.prod(shape)))
        else:
            writer.add_tensor_info(
                tensor.name, tensor.data.shape, tensor.data.dtype, tensor.data.nbytes, raw_dtype=tensor.tensor_type
            )
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_ti_data_to_file()
    for tensor in base.values():  # one merged tensor in memory at a time
        pair = pairs.get(tensor.name)
        if pair is None:
            writer.write_tensor_data(tensor.data)
        else:
            merged = _as_float(tensor) + scale * (pair.lora_b @ pair.lora_a)
            writer.write_tensor_data(np.ascontiguousarray(merged, dtype=np.float32))
    writer.close()


def _quantise(source: Path, target: Path, quant: str, pinned: dict[str, int], threads: int) -> None:
    """llama_model_quantize from llama-cpp-python's library; `pinned` tensors get exactly that type
    (their own, for the untouched ones: the quantiser then copies them)."""
    import llama_cpp

    from bedside.core.backend import silence_llama_logs

    patterns = [(f"^{re.escape(name)}$".encode(), kind) for name, kind in sorted(pinned.items())]
    overrides = (llama_cpp.llama_model_tensor_override * (len(patterns) + 1))()
    for slot, (pattern, kind) in zip(overrides, patterns, strict=False):
        slot.pattern, slot.type = pattern, kind
    overrides[len(patterns)].pattern = None  # the list ends at a null pattern
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = FTYPE_FOR[quant]
    params.nthread = threads
    # The quantiser's own choice for these two beats tensor overrides in some ftypes (f16): pin them too.
    for name, field in (("token_embd.weight", "token_embedding_type"), ("output.weight", "output_tensor_type")):
        if name in pinned:
            setattr(params, field, pinned[name])
    params.allow_requantize = False  # nothing quantised may be re-quantised: pinned tensors are copied
    params.tt_overrides = ctypes.cast(overrides, ctypes.POINTER(llama_cpp.llama_model_tensor_override))
    silence_llama_logs()  # one line per tensor otherwise; errors still show
    status = llama_cpp.llama_model_quantize(str(source).encode(), str(target).encode(), ctypes.byref(params))
    if status != 0 or not target.is_file():
        raise MergeError(f"llama_model_quantize failed on the merged model (status {status}); see the log above")


def _check_result(result: Path, base: dict[str, _Tensor], pairs: dict[str, _Pair], scale: float) -> tuple[int, float]:
    """Every untouched tensor bit-identical to the base; and how much of the adapter's change the
    merged weights kept: the projection of (merged - base) on scale·B·A, summed over all pairs
    (1.0 = all of it; rounding noise that is unrelated to the change does not count for or against)."""
    _, written = _tensors_fast(result, "merged model")
    copied, along, norm = 0, 0.0, 0.0
    for tensor in base.values():
        got = written.get(tensor.name)
        if got is None:
            raise MergeError(f"the merged model lost the tensor {tensor.name}")
        pair = pairs.get(tensor.name)
        if pair is not None:
            delta = scale * (pair.lora_b @ pair.lora_a)
            along += float(np.sum((_as_float(got) - _as_float(tensor)) * delta, dtype=np.float64))
            norm += float(np.sum(delta * delta, dtype=np.float64))
            continue
        if got.tensor_type != tensor.tensor_type or not np.array_equal(
            np.asarray(got.data).view(np.uint8), np.asarray(tensor.data).view(np.uint8)
        ):
            raise MergeError(f"{tensor.name} was changed by the quantiser although the adapter does not touch it")
        copied += 1
    return copied, (along / norm if norm else 1.0)


def _base_types(base: dict[str, _Tensor], pairs) -> str:
    return "/".join(sorted({t.tensor_type.name.lower() for t in base.values() if t.name in pairs}))


def auto_quant(base: dict[str, _Tensor], pairs) -> str:
    """q4_k_m from a float base (the usual merge-then-quantise); q8_0 over a base that is already
    quantised, where 4 bits would round the adapter away (see MIN_KEPT)."""
    floats = all(t.tensor_type.name in FLOAT_TYPES for t in base.values() if t.name in pairs)
    return "q4_k_m" if floats else "q8_0"


def clear_stale_scratch(out_path: Path) -> None:
    """A killed export leaves its scratch folder; the next export to the same path removes it."""
    for stale in out_path.parent.glob(f".{out_path.name}.*{SCRATCH_SUFFIX}"):
        shutil.rmtree(stale, ignore_errors=True)


def merge_adapter(
    base_gguf: Path,
    adapter_gguf: Path,
    out_path: Path,
    quant: str = "auto",
    threads: int = 0,
    after_intermediate: Callable[[Path], None] | None = None,
    min_kept: float = MIN_KEPT,
) -> MergeReport:
    """Write base + adapter as one GGUF at `out_path` (temp + rename). `after_intermediate` is a hook
    for tests and progress: it runs once the float intermediate is on disk. `min_kept` below
    MIN_KEPT is for speed benchmarks only, where what the file answers does not matter."""
    if quant not in QUANTS and quant != "auto":
        raise MergeError(f"unknown --quant {quant!r}; choose auto or one of {', '.join(QUANTS)}")
    base_gguf, adapter_gguf, out_path = Path(base_gguf), Path(adapter_gguf), Path(out_path)
    if out_path.resolve() in (base_gguf.resolve(), adapter_gguf.resolve()):
        raise MergeError(f"--out {out_path} is the base or the adapter itself; write the merged model elsewhere")
    base_meta, base = _tensors_fast(base_gguf, "base model")
    if MERGED_ADAPTER_SHA in base_meta:
        raise MergeError(
            f"{base_gguf} is already a merged model (it holds an adapter); merge into the original base "
            "(unset llm_gguf to use the embedded one)"
        )
    adapter_meta, adapter = _tensors_fast(adapter_gguf, "adapter")
    if adapter_meta.get("general.type") != "adapter" or adapter_meta.get("adapter.type") != "lora":
        raise MergeError(f"{adapter_gguf} is not a LoRA adapter GGUF (general.type/adapter.type); give an adapter")
    base_arch, adapter_arch = base_meta.get("general.architecture"), adapter_meta.get("general.architecture")
    if base_arch != adapter_arch:
        raise MergeError(f"the adapter is for {adapter_arch!r} but the base model is {base_arch!r}: another model")
    pairs, rank, alpha = _adapter_pairs(adapter_meta, adapter, base, adapter_gguf)
    scale = alpha / rank
    if quant == "auto":
        quant = auto_quant(base, pairs)

    base_sha, adapter_sha = sha256_file(base_gguf), sha256_file(adapter_gguf)
    extra = {MERGED_BASE_SHA: base_sha, MERGED_ADAPTER_SHA: adapter_sha, MERGED_QUANT: quant}
    prompt_format = adapter_meta.get(PROMPT_FORMAT_KEY)
    if prompt_format:
        extra[PROMPT_FORMAT_KEY] = str(prompt_format)
    # Only 2-D quantisable tensors reach the quantiser's type choice; pin every untouched one.
    pinned = {t.name: int(t.tensor_type) for t in base.values() if t.name not in pairs and len(t.shape) >= 2}
    if quant == "f16":
        pinned |= {name: GGML_F16 for name in pairs}

    out_path.parent.mkdir(parents=True, exist_ok=True)
    clear_stale_scratch(out_path)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out_path.name}.", suffix=SCRATCH_SUFFIX, dir=out_path.parent))
    try:
        intermediate = scratch / "merged-f32.gguf"
        _write_intermediate(intermediate, base_gguf, base, pairs, scale, extra)
        if after_intermediate is not None:
            after_intermediate(intermediate)
        quantised = scratch / "merged.gguf"
        _quantise(intermediate, quantised, quant, pinned, threads)
        copied, kept = _check_result(quantised, base, pairs, scale)
        if kept < min_kept:
            raise MergeError(
                f"at {quant} the merged model keeps only {kept:.0%} of what the adapter changes: its changes are "
                f"smaller than one quantisation step of this base ({_base_types(base, pairs)}), so the merged "
                "model would answer like the base. Use --quant q8_0 or f16"
            )
        os.replace(quantised, out_path)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return MergeReport(
        out_path, quant, len(pairs), copied, rank, scale, kept, base_sha, adapter_sha, out_path.stat().st_size
    )
