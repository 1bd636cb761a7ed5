"""Bedside never opens a network connection on its default paths: prove it with sockets blocked."""

import json
import socket
import subprocess
import sys
import textwrap

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
