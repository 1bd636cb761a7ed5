"""Small helpers for tests that write their own corpora."""

from __future__ import annotations

import json
import shlex
import subprocess
import time
from pathlib import Path


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def dialogues(n: int, answer_words: int = 40, prefix: str = "") -> list[dict]:
    """n distinct dialogues with the reference data set's columns."""
    topics = ["knee", "cough", "rash", "sleep", "fever", "back", "ear", "tooth"]
    rows = []
    for i in range(n):
        topic = topics[i % len(topics)]
        filler = " ".join(f"{topic}{j % 7}" for j in range(answer_words))
        rows.append(
            {
                "Description": f"Q. {prefix}{topic} question {i}",
                "Patient": f"{prefix}My {topic} has bothered me for {i + 1} days. What should I do?",
                "Doctor": f"Hi, thanks for your query about your {topic}, case {prefix}{i}. {filler}. Take care.",
            }
        )
    return rows


def capture(session: str) -> str:
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout


def wait_pane(session: str, needle: str, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pane = capture(session)
        if needle in pane:
            return pane
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} never appeared; the pane shows:\n{capture(session)}")


def start_in_tmux(session: str, command: str, env: dict[str, str], width: int = 150, height: int = 45) -> None:
    """Run `command` in a new tmux session with exactly `env`. tmux starts a session's command with its
    server's environment, not the caller's, so a server already running (another test's, the user's)
    would hand it stale BEDSIDE_* settings: the variables are set on the command line instead."""
    assignments = " ".join(f"{shlex.quote(k)}={shlex.quote(v)}" for k, v in env.items() if k.isidentifier())
    full = f"env -i {assignments} {command}"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", str(width), "-y", str(height), full], check=True)
