"""Effective configuration: defaults < TOML file < BEDSIDE_* environment variables.

The TOML file lives in the platformdirs user config dir (``BEDSIDE_CONFIG`` points elsewhere).
Every field below can be set in the file by its name, or in the environment as
``BEDSIDE_<NAME>`` (upper case). All data lives under one data home (``BEDSIDE_HOME``).
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, get_type_hints

import platformdirs

APP_NAME = "bedside"
ENV_PREFIX = "BEDSIDE_"
# The smallest context Bedside runs in: the RAG prompt (about 350 tokens) plus an answer.
MIN_N_CTX = 512


class ConfigError(ValueError):
    """A config file or environment value that cannot be used."""


@dataclass(frozen=True)
class Settings:
    # Where everything lives; empty = the platformdirs user data dir.
    home: str = ""
    # Base GGUF; empty = the embedded Gemma 3 270M (materialised by `bedside setup`).
    llm_gguf: str = ""
    # fastembed model name or local folder; empty = the embedded all-MiniLM-L6-v2 int8 folder.
    embed_model: str = ""
    # fastembed's description (pooling, dimension) of the model in a local embed_model folder.
    embed_model_name: str = "sentence-transformers/all-MiniLM-L6-v2"
    # Token window of one embedded chunk; MiniLM was trained on <= 256 word pieces.
    chunk_tokens: int = 256
    chunk_overlap: int = 48
    embed_batch: int = 64
    table: str = "dialogues"
    search_k: int = 5
    search_kind: str = "hybrid"
    # Below this many chunks flat search is fast enough (hybrid p50 ~17 ms at 20k on 2 cores);
    # above it an ANN index is built after ingest.
    ann_min_rows: int = 10_000
    # Inference (llama.cpp). n_threads 0 = physical cores; n_gpu_layers -1 = all when the build can offload.
    n_ctx: int = 4096
    n_threads: int = 0
    n_gpu_layers: int = -1
    max_tokens: int = 320
    temperature: float = 0.3
    top_p: float = 0.9
    repeat_penalty: float = 1.15
    # Tokens less likely than min_p x the most likely one are never sampled (0 = off).
    min_p: float = 0.05
    seed: int = 0
    # auto: the GGUF's own chat template if it has one, else Gemma turns; or force 'gemma' / 'gguf'.
    chat_template: str = "auto"
    # Opening words of every answer, in the corpus's own style; a base model continues them as an
    # answer instead of echoing the instructions. Empty disables it.
    answer_primer: str = "Hi, thanks for your query."
    # Tokens an answer runs before it may stop: without it a base model often ended the line right
    # after the primer and answered nothing. 0 disables it.
    min_answer_tokens: int = 8
    # What emergency advice tells people to call; empty = "your local emergency number (for example
    # 911, 999 or 112)". Set it to your own, e.g. "112" or "999 (or 111 when it is less urgent)".
    emergency_number: str = ""
    # Retrieved answers per RAG/hybrid turn, and earlier exchanges kept for follow-up questions.
    rag_k: int = 3
    # Most tokens of one retrieved answer in the prompt (0 = whole answers): prompt length is most of
    # the time to the first token on a CPU (about 630 prompt tokens/s on 2 cores).
    rag_answer_tokens: int = 70
    history_turns: int = 4
    # LoRA adapter GGUFs (written by `bedside train`); empty = that mode is unavailable.
    adapter_ft: str = ""
    adapter_hybrid: str = ""
    # A local llama.cpp checkout with convert_hf_to_gguf.py and llama-quantize (or UNSLOTH_LLAMA_CPP_PATH):
    # lets `bedside train` also write a merged q4_k_m GGUF. Never cloned for you.
    llama_cpp_path: str = ""
    # Chat UI key remapping: binding id -> keys, e.g. [keys] "mode.rag" = "f2,alt+r" (see README).
    keys: dict[str, str] = field(default_factory=dict)
    # Where these settings came from, for `bedside config`.
    config_file: str = field(default="", compare=False)

    @property
    def paths(self) -> DataPaths:
        return DataPaths(Path(self.home).expanduser() if self.home else default_home())


@dataclass(frozen=True)
class DataPaths:
    """The data home layout (see DESIGN.md): one folder holds models, index, runs and history."""

    home: Path

    @property
    def models(self) -> Path:
        return self.home / "models"

    @property
    def index(self) -> Path:
        return self.home / "index"

    @property
    def runs(self) -> Path:
        return self.home / "runs"

    @property
    def history_db(self) -> Path:
        return self.home / "history.db"

    @property
    def base_gguf(self) -> Path:
        return self.models / "gemma-3-270m-q4_k_m.gguf"

    @property
    def embedder_dir(self) -> Path:
        return self.models / "all-MiniLM-L6-v2-int8"


def default_home() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def config_file_path(environ: dict[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    explicit = environ.get(ENV_PREFIX + "CONFIG")
    return Path(explicit).expanduser() if explicit else default_config_file()


def _coerce(name: str, raw: Any, kind: type, origin: str) -> Any:
    if isinstance(raw, kind) and not (kind is int and isinstance(raw, bool)):
        return raw
    if kind is float and isinstance(raw, int) and not isinstance(raw, bool):
        return float(raw)
    if isinstance(raw, str):
        try:
            return kind(raw)
        except ValueError:
            pass
    raise ConfigError(f"{origin}: '{name}' must be a {kind.__name__}, got {raw!r}")


def _keys(raw: Any, origin: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
        raise ConfigError(f'{origin}: [keys] must map binding ids to key names, e.g. "mode.rag" = "f2"')
    return dict(raw)


_warned: set[str] = set()


def unknown_variables(environ: Mapping[str, str], known: set[str]) -> list[str]:
    """One line per BEDSIDE_* variable that is no setting (a misspelling is silently ignored
    otherwise: BEDSIDE_TEMPRATURE=0 changed nothing), with the closest known name."""
    # Also read by name elsewhere: the config path, and --debug-prompts' file (core/prompt_log.py).
    names = {ENV_PREFIX + name.upper() for name in known - {"keys"}}
    names |= {ENV_PREFIX + "CONFIG", ENV_PREFIX + "DEBUG_PROMPTS"}
    lines = []
    for variable in sorted(v for v in environ if v.startswith(ENV_PREFIX) and v not in names):
        if variable == ENV_PREFIX + "KEYS":
            lines.append(f"{variable} is ignored: key bindings are set in the config file's [keys] table")
            continue
        # Compared without the shared prefix, which would make every name look close.
        bare = {name.removeprefix(ENV_PREFIX): name for name in names}
        close = difflib.get_close_matches(variable.removeprefix(ENV_PREFIX), list(bare), n=1, cutoff=0.75)
        hint = f"did you mean {bare[close[0]]}?" if close else "`bedside config` lists the settings"
        lines.append(f"{variable} is not a Bedside setting and is ignored; {hint}")
    return lines


def _warn_unknown_variables(environ: Mapping[str, str], known: set[str]) -> None:
    for line in unknown_variables(environ, known):
        if line not in _warned:  # once per process: settings are loaded by several layers
            _warned.add(line)
            print(f"bedside: warning: {line}", file=sys.stderr)


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Read defaults, then the TOML file, then BEDSIDE_* variables; validate types."""
    environ = os.environ if environ is None else environ
    path = config_file_path(environ)
    hints = get_type_hints(Settings)
    known = {f.name for f in fields(Settings) if f.name != "config_file"}
    values: dict[str, Any] = {}

    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise ConfigError(f"{path} is not valid TOML ({err}); fix or delete it") from err
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        for name, raw in data.items():
            values[name] = _keys(raw, str(path)) if name == "keys" else _coerce(name, raw, hints[name], str(path))

    for name in known - {"keys"}:
        env_name = ENV_PREFIX + name.upper()
        if env_name in environ:
            values[name] = _coerce(name, environ[env_name], hints[name], env_name)

    _warn_unknown_variables(environ, known)
    settings = Settings(**values, config_file=str(path))
    if settings.search_kind not in ("vector", "fts", "hybrid"):
        raise ConfigError(f"search_kind must be vector, fts or hybrid, got {settings.search_kind!r}")
    if not 0 <= settings.chunk_overlap < settings.chunk_tokens:
        raise ConfigError("chunk_overlap must be >= 0 and smaller than chunk_tokens")
    if settings.chat_template not in ("auto", "gemma", "gguf"):
        raise ConfigError(f"chat_template must be auto, gemma or gguf, got {settings.chat_template!r}")
    if settings.n_ctx < MIN_N_CTX:
        raise ConfigError(
            f"n_ctx (BEDSIDE_N_CTX) is {settings.n_ctx}: at least {MIN_N_CTX} tokens are needed for a "
            f"question, its sources and an answer; 4096 is the default"
        )
    if settings.max_tokens < 1 or settings.max_tokens >= settings.n_ctx:
        raise ConfigError(
            f"max_tokens ({settings.max_tokens}) must be at least 1 and smaller than n_ctx ({settings.n_ctx})"
        )
    for name, (low, high) in RANGES.items():
        value = getattr(settings, name)
        if not low <= value <= high:
            raise ConfigError(
                f"{name} ({ENV_PREFIX}{name.upper()}) must be between {low} and {high}, got {value}; "
                f"the default is {getattr(Settings, name)}"
            )
    return settings


# Values outside these make llama.cpp, LanceDB or the prompt misbehave quietly (a negative
# temperature samples greedily, a top_p of 0 or a chunk of 4 tokens give nonsense), so they are refused.
RANGES: dict[str, tuple[float, float]] = {
    "temperature": (0.0, 5.0),
    "top_p": (0.01, 1.0),
    "min_p": (0.0, 1.0),
    "repeat_penalty": (0.5, 3.0),
    "min_answer_tokens": (0, 256),
    "search_k": (1, 100),
    "rag_k": (1, 10),
    "rag_answer_tokens": (0, 4096),
    "history_turns": (0, 50),
    "chunk_tokens": (32, 8192),
    "embed_batch": (1, 4096),
    "n_threads": (0, 1024),
    "ann_min_rows": (0, 10**9),
}


def describe(settings: Settings) -> dict[str, Any]:
    """Effective settings plus resolved paths, for `bedside config`."""
    paths = settings.paths
    out = dataclasses.asdict(settings)
    out["config_file_exists"] = Path(settings.config_file).exists()
    out["paths"] = {
        "home": str(paths.home),
        "models": str(paths.models),
        "index": str(paths.index),
        "runs": str(paths.runs),
        "history_db": str(paths.history_db),
        "llm_gguf": str(resolve_llm_gguf(settings)),
        "embed_model": resolve_embed_model(settings),
    }
    return out


def resolve_llm_gguf(settings: Settings) -> Path:
    return Path(settings.llm_gguf).expanduser() if settings.llm_gguf else settings.paths.base_gguf


def resolve_embed_model(settings: Settings) -> str:
    return settings.embed_model or str(settings.paths.embedder_dir)


def _toml_scalar(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def set_config_values(path: Path, updates: dict[str, str | int | float | bool]) -> None:
    """Set top-level keys in the TOML config file, keeping every other line (comments included).

    Replaces an existing `name = ...` line before the first [table], else adds the line there. The
    result is parsed before it replaces the file (temp file + rename), so a failure leaves the
    user's file as it was.
    """
    known = {f.name for f in fields(Settings) if f.name != "config_file"}
    unknown = sorted(set(updates) - known)
    if unknown:
        raise ConfigError(f"unknown setting(s) {', '.join(unknown)}")
    path = Path(path)
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    first_table = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines))
    for name, value in updates.items():
        rendered = f"{name} = {_toml_scalar(value)}"
        for i in range(first_table):
            key = lines[i].split("=", 1)[0].strip()
            if "=" in lines[i] and key == name:
                lines[i] = rendered
                break
        else:
            lines.insert(first_table, rendered)
            first_table += 1
    text = "\n".join(lines) + "\n"
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path} would not be valid TOML after the update ({err}); left unchanged") from err
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)
