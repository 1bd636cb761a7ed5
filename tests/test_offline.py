"""Bedside never opens a network connection on its default paths: prove it with sockets blocked."""

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bedside.cli import app


class NetworkUsed(AssertionError):
    pass


def test_index_and_search_with_sockets_blocked(home, monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    # The lazy first-use setup must also stay offline: let it build the embedder itself.
    monkeypatch.delenv("BEDSIDE_EMBED_MODEL")

    runner = CliRunner()
    indexed = runner.invoke(app, ["index", "--limit", "30", "--json"])
    assert indexed.exit_code == 0, indexed.output
    searched = runner.invoke(app, ["search", "headache every evening", "--json"])
    assert searched.exit_code == 0, searched.output
    assert json.loads(searched.output)["hits"]
    assert attempts == []


def test_importing_bedside_switches_hub_libraries_offline(tmp_path):
    probe = textwrap.dedent(
        """
        import os
        for name in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE", "TRANSFORMERS_OFFLINE"):
            os.environ.pop(name, None)
        import bedside
        import huggingface_hub.constants as c
        print(os.environ["HF_HUB_OFFLINE"], c.HF_HUB_OFFLINE)
        """
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert out.stdout.split() == ["1", "True"]


def test_hub_dataset_is_the_one_path_allowed_to_try_the_network(monkeypatch, tmp_path):
    """Asked for a hub dataset, Bedside really goes online (even though the hub client was imported
    offline), and without a network the user gets a clear error suggesting --input."""
    import pytest
    from huggingface_hub import constants as hub_constants

    from bedside.index.sources import SourceError, load_hub_dataset

    # Let monkeypatch restore what load_hub_dataset switches on.
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setattr(hub_constants, "HF_HUB_OFFLINE", True)
    import datasets.config as datasets_config

    monkeypatch.setattr(datasets_config, "HF_HUB_OFFLINE", True)
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    with pytest.raises(SourceError, match="needs network access.*--input"):
        load_hub_dataset("ruslanmv/ai-medical-chatbot", limit=5)
    assert attempts, "the hub path never tried to connect: it is still switched offline"


# ---- on the wire: every connect and DNS lookup of every thread and child, native code included ----
CHAT_SCRIPT = """
import asyncio
from bedside.core.config import load_settings
from bedside.tui.app import BedsideApp

async def main():
    app = BedsideApp(load_settings())
    async with app.run_test(size=(140, 40)) as pilot:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 120
        while getattr(app, "chat", None) is None or app.chat.query("#prompt").first().disabled:
            assert loop.time() < deadline, "chat never became ready"
            await pilot.pause(0.1)
        chat = app.chat
        chat.query_one("#prompt").text = "I have a mild headache since this morning, what can I do?"
        chat.query_one("#prompt").focus()
        await pilot.press("enter")
        while chat.last_answer is None or chat.generating:
            assert loop.time() < deadline, "no answer in time"
            await pilot.pause(0.1)
        print("ANSWERED", bool(chat.last_answer.text.strip()))

asyncio.run(main())
"""


def _wire_log(trace: Path) -> list[str]:
    """Lines of an strace log that reach for the network: a connect to an IP address, a send to
    one, or a connect to a local resolver socket (nscd, systemd-resolved: a DNS lookup)."""
    suspicious = []
    for line in trace.read_text(errors="replace").splitlines():
        if "SIG" in line and "---" in line:
            continue
        if "AF_INET" in line or "nscd" in line or "resolve" in line:
            suspicious.append(line)
    return suspicious


def _traced(command: list[str], trace: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace), *command],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=os.environ.copy(),
    )


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed on this machine")
def test_no_connect_and_no_dns_lookup_on_the_wire(home, monkeypatch, tmp_path, base_gguf):
    """With the network available, index, search, ask (every mode that loads), eval and the chat open
    no connection and look nothing up: seen by strace on every thread and child process, so native
    code (onnxruntime's telemetry once looked up mobile.events.data.microsoft.com) is covered too."""
    monkeypatch.setenv("BEDSIDE_LLM_GGUF", str(base_gguf))
    monkeypatch.setenv("BEDSIDE_MAX_TOKENS", "16")
    monkeypatch.delenv("ORT_DISABLE_TELEMETRY", raising=False)  # Bedside must set it itself
    bedside = [sys.executable, "-m", "bedside"]
    runs = {
        "index": [*bedside, "index", "--limit", "40", "--json"],
        "search": [*bedside, "search", "headache every evening", "--json"],
        "ask": [*bedside, "ask", "I have a sore knee after running, what helps?", "--all-modes", "--json"],
        "eval": [*bedside, "eval", "--limit", "2", "--modes", "base,rag", "--max-tokens", "16",
                 "--out", str(tmp_path / "eval")],
        "chat": [sys.executable, "-c", CHAT_SCRIPT],
    }  # fmt: skip
    for name, command in runs.items():
        trace = tmp_path / f"{name}.strace"
        result = _traced(command, trace)
        assert result.returncode == 0, f"{name}: {result.stderr[-2000:]}"
        if name == "chat":
            assert "ANSWERED True" in result.stdout, result.stdout
        assert _wire_log(trace) == [], f"{name} reached for the network"


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed on this machine")
def test_the_wire_audit_sees_a_connection_when_there_is_one(tmp_path):
    # The control: the same audit on a process that does connect (to a closed loopback port).
    trace = tmp_path / "control.strace"
    code = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\nexcept OSError:\n    pass"
    _traced([sys.executable, "-c", code], trace)
    assert any("127.0.0.1" in line for line in _wire_log(trace))
