"""Every bad file or setting a user can give, looped through the real `bedside` process: one clear
message naming the file or setting and its fix, a non-zero exit where nothing could be done, the
modes that can still run still answering, and never a traceback."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from helpers import capture, dialogues, start_in_tmux, wait_pane, write_jsonl

QUESTION = "I have had a mild headache since this morning, what can I do?"
ASK = ["ask", QUESTION, "--mode", "base", "--max-tokens", "8"]


@dataclass(frozen=True)
class Case:
    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    exit_code: int = 2  # 0: the command still did its job (the bad input only cost one mode or a row)
    says: tuple[str, ...] = ()  # each must appear in the output, spaces collapsed


def bedside(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "COLUMNS": "400", **env}
    return subprocess.run(
        [sys.executable, "-m", "bedside", *args], capture_output=True, text=True, env=full_env, cwd=cwd, timeout=300
    )


def files(folder: Path, base_gguf: Path) -> dict[str, Path]:
    """The bad files, each made for real."""
    made = {
        "text.gguf": b"this is a text file, not a model\n",
        "truncated.gguf": base_gguf.read_bytes()[:1_000_000],
        "garbage.csv": bytes(range(256)) * 8,
        "garbage.jsonl": bytes(range(256)) * 8,
        "garbage.parquet": bytes(range(256)) * 8,
        "empty.jsonl": b"",
        "broken_line.jsonl": b'{"Patient": "a", "Doctor": "b"}\n{"Patient": broken\n',
        "bad_quote.csv": b'Patient,Doctor\n"unterminated,quote\n',
        "list.json": b"[1, 2, 3]\n",
        "sheet.xlsx": b"PK\x03\x04 not really a spreadsheet",
        "bad.toml": b"temperature = = 0.3\n",
        "adapter.gguf": b"GGUF" + bytes(64),  # a GGUF header and nothing after it
    }
    paths = {}
    for name, content in made.items():
        paths[name] = folder / name
        paths[name].write_bytes(content)
    (folder / "a_folder").mkdir()
    paths["a_folder"] = folder / "a_folder"
    huge = dialogues(3) + [{"Description": "Q. Huge", "Patient": "question", "Doctor": "Rest and fluids. " * 120_000}]
    paths["huge.jsonl"] = write_jsonl(folder / "huge.jsonl", huge)
    numeric = folder / "numeric.csv"
    with numeric.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Patient", "Doctor"])
        writer.writerows([[f"question {i}", str(10_000 + i)] for i in range(5)])
    paths["numeric.csv"] = numeric
    return paths


def cases(f: dict[str, Path]) -> dict[str, Case]:
    return {
        # the model
        "model is a text file": Case(
            ASK, {"BEDSIDE_LLM_GGUF": str(f["text.gguf"])}, says=("not a GGUF file", "text.gguf")
        ),
        "model is truncated": Case(ASK, {"BEDSIDE_LLM_GGUF": str(f["truncated.gguf"])}, says=("could not load",)),
        "model is missing": Case(ASK, {"BEDSIDE_LLM_GGUF": str(f["a_folder"] / "none.gguf")}, says=("does not exist",)),
        # adapters: only their own mode goes
        "FT adapter missing, Base asked": Case(ASK, {"BEDSIDE_ADAPTER_FT": "/nowhere/ft.gguf"}, 0),
        "FT adapter missing, FT asked": Case(
            [*ASK[:2], "--mode", "ft", "--max-tokens", "8"],
            {"BEDSIDE_ADAPTER_FT": "/nowhere/ft.gguf"},
            says=("FT mode is off", "adapter_ft"),
        ),
        "FT adapter damaged, Base asked": Case(ASK, {"BEDSIDE_ADAPTER_FT": str(f["adapter.gguf"])}, 0),
        "FT adapter damaged, FT asked": Case(
            [*ASK[:2], "--mode", "ft", "--max-tokens", "8"],
            {"BEDSIDE_ADAPTER_FT": str(f["adapter.gguf"])},
            says=("FT mode is off",),
        ),
        # settings
        "n_ctx 128": Case(ASK, {"BEDSIDE_N_CTX": "128"}, says=("BEDSIDE_N_CTX", "at least 512")),
        "n_ctx 64": Case([*ASK[:4], "--max-tokens", "48"], {"BEDSIDE_N_CTX": "64"}, says=("BEDSIDE_N_CTX",)),
        "n_ctx 99999999": Case(ASK, {"BEDSIDE_N_CTX": "99999999"}, says=("BEDSIDE_N_CTX", "or less")),
        "n_ctx not a number": Case(ASK, {"BEDSIDE_N_CTX": "lots"}, says=("BEDSIDE_N_CTX",)),
        "temperature negative": Case(ASK, {"BEDSIDE_TEMPERATURE": "-1"}, says=("temperature",)),
        "misspelt variable": Case(ASK, {"BEDSIDE_TEMPRATURE": "0.5"}, 0, says=("BEDSIDE_TEMPERATURE",)),
        "config file broken": Case(["config"], {"BEDSIDE_CONFIG": str(f["bad.toml"])}, says=("bad.toml",)),
        # corpora
        "binary file as CSV": Case(["index", "--input", str(f["garbage.csv"])], says=("garbage.csv", "UTF-8")),
        "binary file as JSONL": Case(["index", "--input", str(f["garbage.jsonl"])], says=("garbage.jsonl",)),
        "binary file as parquet": Case(["index", "--input", str(f["garbage.parquet"])], says=("garbage.parquet",)),
        "empty JSONL": Case(["index", "--input", str(f["empty.jsonl"])], says=("empty.jsonl",)),
        "broken JSONL line": Case(["index", "--input", str(f["broken_line.jsonl"])], says=("row 1",)),
        "unterminated CSV quote": Case(["index", "--input", str(f["bad_quote.csv"])], says=("bad_quote.csv",)),
        "JSON array, not lines": Case(["index", "--input", str(f["list.json"])], says=("JSON Lines",)),
        "spreadsheet": Case(["index", "--input", str(f["sheet.xlsx"])], says=("unsupported file type",)),
        "a folder": Case(["index", "--input", str(f["a_folder"])], says=("is a folder",)),
        "numeric answer column": Case(["index", "--input", str(f["numeric.csv"])], says=("Doctor",)),
        "a 2 MB answer": Case(["index", "--input", str(f["huge.jsonl"])], exit_code=0, says=("skipped",)),
    }


def test_no_bad_input_ends_in_a_traceback(home, tmp_path, base_gguf):
    folder = tmp_path / "bad"
    folder.mkdir()
    made = files(folder, base_gguf)
    failures = []
    for name, case in cases(made).items():
        env = {"BEDSIDE_LLM_GGUF": str(base_gguf), **case.env}
        result = bedside(case.args, env, tmp_path)
        output = " ".join((result.stdout + result.stderr).split())
        problems = (
            [f"exit {result.returncode}, expected {case.exit_code}"] if result.returncode != case.exit_code else []
        )
        problems += ["a traceback"] if "Traceback" in output or 'File "' in output else []
        problems += [f"no {text!r}" for text in case.says if text not in output]
        if problems:
            failures.append(f"{name}: {'; '.join(problems)}\n    {output[-600:]}")
    assert not failures, "\n".join(failures)


def test_a_damaged_embedded_model_says_to_run_setup_force(home, tmp_path):
    from bedside.core.config import load_settings

    paths = load_settings().paths
    paths.base_gguf.parent.mkdir(parents=True, exist_ok=True)
    paths.base_gguf.write_bytes(b"GGUF" + bytes(4096))  # what a disk error or a killed copy leaves
    result = bedside(ASK, {}, tmp_path)
    output = " ".join((result.stdout + result.stderr).split())
    assert result.returncode == 2 and "Traceback" not in output
    assert "bedside setup --force" in output, output[-600:]


STROKE = "My father's face drooped on one side an hour ago and his speech is slurred."


def chat_in_tmux(session: str, env: dict[str, str]) -> None:
    """`bedside chat` in a real terminal; if it ever exits, the pane keeps what it printed."""
    command = f"sh -c '{sys.executable} -m bedside chat; echo BEDSIDE-EXITED-$?; sleep 60'"
    full_env = {**os.environ, "TERM": "xterm-256color", "BEDSIDE_MAX_TOKENS": "12", **env}
    start_in_tmux(session, command, full_env, 160, 48)


def type_line(session: str, text: str) -> None:
    subprocess.run(["tmux", "send-keys", "-t", session, "-l", text], check=True)
    subprocess.run(["tmux", "send-keys", "-t", session, "Enter"], check=True)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_the_chat_stays_usable_with_each_bad_file(settings, base_gguf, embedder, tmp_path):
    from bedside.index.ingest import ingest
    from bedside.index.sources import read_sample
    from bedside.index.store import DialogueStore

    ingest(read_sample(limit=20), DialogueStore(settings.paths.index, settings.table), embedder, overlap=48)
    history = settings.paths.history_db
    text_model = tmp_path / "model.gguf"
    text_model.write_text("not a model\n")
    good = {"BEDSIDE_LLM_GGUF": str(base_gguf)}
    runs = {
        # (environment, what to type, what must then be on screen)
        "damaged history": (good, QUESTION, ["Chat history not saved", "not a diagnosis"]),
        "missing FT adapter": ({**good, "BEDSIDE_ADAPTER_FT": "/nowhere/ft.gguf"}, None, ["FT is not available"]),
        # The whole question, typed at once right after start-up: Enter once overtook the typing.
        "model is a text file": (
            {"BEDSIDE_LLM_GGUF": str(text_model)},
            STROKE,
            [STROKE, "emergency", "not a GGUF file"],
        ),
    }
    for name, (env, question, expected) in runs.items():
        history.parent.mkdir(parents=True, exist_ok=True)
        if name == "damaged history":
            history.write_bytes(b"someone's notes, not a database" * 40)
        else:
            history.unlink(missing_ok=True)
        session = f"bedside-bad-{os.getpid()}"
        chat_in_tmux(session, env)
        try:
            wait_pane(session, "Mode: RAG")
            if question:
                type_line(session, question)
            else:
                subprocess.run(["tmux", "send-keys", "-t", session, "F3"], check=True)
            for text in expected:
                wait_pane(session, text)
            time.sleep(0.5)
            pane = capture(session)
            assert "BEDSIDE-EXITED" not in pane and "Traceback" not in pane, f"{name}:\n{pane}"
        finally:
            subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
