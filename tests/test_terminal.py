"""Real-terminal smoke test: `bedside chat` in tmux, a typed question, a mode switch, the pane's text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from helpers import start_in_tmux, wait_pane

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_chat_in_a_real_terminal(settings, base_gguf, embedder, tmp_path):
    from bedside.index.ingest import ingest
    from bedside.index.sources import read_sample
    from bedside.index.store import DialogueStore

    ingest(read_sample(limit=20), DialogueStore(settings.paths.index, settings.table), embedder, overlap=48)
    env = {
        **os.environ,
        "BEDSIDE_LLM_GGUF": str(base_gguf),
        "BEDSIDE_MAX_TOKENS": "16",
        "BEDSIDE_TEMPERATURE": "0",
        "TERM": "xterm-256color",
    }
    session = f"bedside-smoke-{os.getpid()}"
    command = f"{sys.executable} -m bedside chat"
    start_in_tmux(session, command, env)
    try:
        wait_pane(session, "CPU only")  # engine loaded, status line filled
        subprocess.run(["tmux", "send-keys", "-t", session, "-l", "I twisted my ankle playing football"], check=True)
        subprocess.run(["tmux", "send-keys", "-t", session, "Enter"], check=True)
        pane = wait_pane(session, "TTFT")
        assert "Mode: RAG" in pane and "I twisted my ankle" in pane and "not a diagnosis" in pane
        assert "[1]" in pane  # the sources panel lists what was retrieved
        subprocess.run(["tmux", "send-keys", "-t", session, "F5"], check=True)
        pane = wait_pane(session, "Mode: Base")
        (tmp_path / "pane.txt").write_text(pane)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
