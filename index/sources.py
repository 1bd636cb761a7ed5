"""Read patient/doctor dialogues from the shipped samples, a local file, or a hub dataset.

Every reader returns the same shape: a list of RawDialogue, columns already mapped to
title / patient / doctor. Bad input raises SourceError naming the problem and the fix.
"""

from __future__ import annotations

import csv as csv_module
import os
import sys
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import pyarrow as pa

# Column names of ruslanmv/ai-medical-chatbot, the reference data set.
QUESTION_COL = "Patient"
ANSWER_COL = "Doctor"
TITLE_COL = "Description"
SAMPLE_FILES = {"sample": "sample_dialogues.jsonl", "heldout": "heldout_dialogues.jsonl"}
READERS = {".parquet": "parquet", ".csv": "csv", ".jsonl": "json", ".ndjson": "json", ".json": "json"}


class SourceError(ValueError):
    """A corpus that cannot be read as dialogues."""


@dataclass(frozen=True)
class ColumnMap:
    question: str = QUESTION_COL
    answer: str = ANSWER_COL
    title: str | None = TITLE_COL  # None: the source has no title column


@dataclass(frozen=True)
class RawDialogue:
    title: str
    patient: str
    doctor: str
    source: str


def sample_path(which: str = "sample") -> Path:
    """The shipped sample corpus ('sample') or the held-out evaluation set ('heldout')."""
    if which not in SAMPLE_FILES:
        raise SourceError(f"unknown sample {which!r}; choose one of {', '.join(SAMPLE_FILES)}")
    return Path(str(files("bedside.index").joinpath("data", SAMPLE_FILES[which])))


def _block_size(path: Path) -> int:
    """Arrow reads text in blocks and refuses a row longer than one ("straddling object straddles
    two block boundaries" for one 2 MB answer): blocks as large as the file, within 1 MiB-1 GiB."""
    return max(1 << 20, min(path.stat().st_size + 1, 1 << 30))


def _read_arrow(path: Path) -> pa.Table:
    if not path.exists():
        raise SourceError(f"{path} does not exist; check the path given to --input")
    if path.is_dir():
        raise SourceError(f"{path} is a folder; give one .parquet, .csv or .jsonl file")
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        raise SourceError(f"{path.name}: unsupported file type {path.suffix or '(none)'}; use .parquet, .csv or .jsonl")
    try:
        if kind == "parquet":
            import pyarrow.parquet as pq

            return pq.read_table(path)
        if kind == "csv":
            # Every column as text: ids like 007 or "NA" answers must not be reinterpreted.
            import csv

            import pyarrow.csv as pcsv

            with path.open(newline="", encoding="utf-8-sig") as handle:
                header = next((row for row in csv.reader(handle) if row), [])
            types = dict.fromkeys(header, pa.string())
            return pcsv.read_csv(
                path,
                read_options=pcsv.ReadOptions(block_size=_block_size(path)),
                parse_options=pcsv.ParseOptions(newlines_in_values=True),  # answers have line breaks
                convert_options=pcsv.ConvertOptions(column_types=types),
            )
        import pyarrow.json as pjson

        return pjson.read_json(path, read_options=pjson.ReadOptions(block_size=_block_size(path)))
    except (pa.ArrowInvalid, OSError, UnicodeDecodeError, csv_module.Error) as err:
        fix = {
            "csv": "save it as UTF-8 CSV with a header row",
            "json": "give one JSON object per line (JSON Lines), UTF-8",
            "parquet": "check that the file is complete, or export it again",
        }[kind]
        if isinstance(err, UnicodeDecodeError):
            fix = "it is not UTF-8 text: save it as UTF-8"
        raise SourceError(f"cannot read {path} as {kind}: {err}; {fix}") from err


def _check_text(table: pa.Table, name: str, flag: str, source: str, words: bool = True) -> None:
    """Refuse a column that holds numbers, not text: a numeric answer column was indexed as "12345"
    answers. With `words`, text without a single word is refused too (answers only: a question
    column may hold codes like "007" in a file the user keeps for other reasons)."""
    kind = table.schema.field(name).type
    if pa.types.is_dictionary(kind):
        kind = kind.value_type  # pandas categoricals
    if pa.types.is_null(kind):
        return  # every value missing: those rows count as empty, as before
    textual = pa.types.is_string(kind) or pa.types.is_large_string(kind) or str(kind) == "string_view"
    if not textual:
        raise SourceError(
            f"{source}: column '{name}' ({flag}) holds {kind} values, not text; map the text column with {flag}"
        )
    if not words:
        return
    values = [str(v) for v in table.column(name).slice(0, 200).to_pylist() if v]
    if values and not any(any(ch.isalpha() for ch in value) for value in values):
        raise SourceError(
            f"{source}: column '{name}' ({flag}) holds no words (first values: {', '.join(values[:3])}); "
            f"map the text column with {flag}"
        )


def _to_dialogues(table: pa.Table, columns: ColumnMap, source: str, limit: int | None) -> list[RawDialogue]:
    found = table.column_names
    wanted = {"--question-col": columns.question, "--answer-col": columns.answer}
    if columns.title:
        wanted["--title-col"] = columns.title
    missing = [f"'{name}' ({flag})" for flag, name in wanted.items() if name not in found]
    if missing:
        raise SourceError(
            f"{source}: column {', '.join(missing)} not found; columns found: {', '.join(found) or '(none)'}. "
            "Map them with --question-col/--answer-col/--title-col (--title-col '' for none)."
        )
    if limit is not None:
        table = table.slice(0, limit)
    if table.num_rows == 0:
        raise SourceError(f"{source} has no rows: nothing to index")
    _check_text(table, wanted["--question-col"], "--question-col", source, words=False)
    _check_text(table, wanted["--answer-col"], "--answer-col", source)

    def column(name: str | None) -> list[str]:
        if not name:
            return [""] * table.num_rows
        return ["" if value is None else str(value) for value in table.column(name).to_pylist()]

    return [
        RawDialogue(title=t, patient=q, doctor=a, source=source)
        for t, q, a in zip(column(columns.title), column(columns.question), column(columns.answer), strict=True)
    ]


def read_file(path: Path, columns: ColumnMap = ColumnMap(), limit: int | None = None) -> list[RawDialogue]:
    """A parquet, CSV or JSONL file with question/answer (and optional title) columns."""
    path = Path(path).expanduser()
    return _to_dialogues(_read_arrow(path), columns, f"file:{path.name}", limit)


def read_sample(which: str = "sample", limit: int | None = None) -> list[RawDialogue]:
    return _to_dialogues(_read_arrow(sample_path(which)), ColumnMap(), which, limit)


def load_hub_dataset(
    name: str, split: str = "train", columns: ColumnMap = ColumnMap(), limit: int | None = None
) -> list[RawDialogue]:
    """A Hugging Face dataset. The only code path that may use the network, and only on request."""
    # bedside/__init__ switched the hub off; the user asked for a download, so switch it back on for
    # this process before `datasets` (and its hub client) read the flag at import time.
    for flag in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE"):
        os.environ[flag] = "0"
    # Libraries imported earlier in this process (fastembed imports the hub client) froze the flag.
    for module_name in ("huggingface_hub.constants", "datasets.config"):
        module = sys.modules.get(module_name)
        if module is not None and hasattr(module, "HF_HUB_OFFLINE"):
            module.HF_HUB_OFFLINE = False
    import datasets

    spec = split if limit is None else f"{split}[:{limit}]"
    try:
        dataset = datasets.load_dataset(name, split=spec)
    except Exception as err:  # datasets raises many unrelated types for a missing name or no network
        raise SourceError(
            f"could not load dataset {name!r} ({type(err).__name__}: {err}). It needs network access; "
            "offline, download it elsewhere and use --input with a parquet/CSV/JSONL file."
        ) from err
    return _to_dialogues(dataset.data.table, columns, f"hf:{name}", None)
