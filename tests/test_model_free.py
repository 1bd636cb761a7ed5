"""Triage never depends on the model: with the model file broken, an adapter missing, the index
missing or the embedder missing, a red-flag question still gets its emergency advice first, in
every front end (engine, `ask`, eval, chat, compare). Real components, each broken for real."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from bedside.cli import app as cli
from bedside.core.config import load_settings
from bedside.core.engine import Chunk, Engine, ModeUnavailable, Triaged
from bedside.core.evaluate import red_flag_check
from bedside.core.modes import Mode
from bedside.index.search import Retriever
from bedside.tui.app import BedsideApp
from bedside.tui.message_view import MessageView

STROKE = "My father's face drooped on one side an hour ago and his speech is slurred."


@pytest.fixture
def broken_model(home, tmp_path, monkeypatch):
    fake = tmp_path / "model.gguf"
    fake.write_text("this is a text file, not a GGUF model\n")
    monkeypatch.setenv("BEDSIDE_LLM_GGUF", str(fake))
    return load_settings()


def first_events(engine: Engine, mode: Mode):
    """(triage, text shown before the failure, the failure)."""
    triaged, shown = None, []
    with pytest.raises(Exception) as failure:  # noqa: PT011 - each breakage raises its own type
        for event in engine.stream(STROKE, mode):
            if isinstance(event, Triaged):
                triaged = event.triage
            elif isinstance(event, Chunk):
                shown.append(event.text)
    return triaged, "".join(shown), failure.value


def test_broken_model_file(broken_model, sample_index, embedder):
    engine = Engine(broken_model, retriever=Retriever(sample_index[0], embedder))
    for mode in (Mode.BASE, Mode.RAG):
        triaged, shown, _ = first_events(engine, mode)
        assert "stroke" in triaged.keys and shown.startswith(triaged.advice)


def test_missing_adapter(settings, backend, base_gguf, sample_index, embedder):
    own_model = replace(settings, llm_gguf=str(base_gguf))  # shipped adapters are for the embedded model only
    engine = Engine(own_model, backend=backend, retriever=Retriever(sample_index[0], embedder))
    triaged, shown, failure = first_events(engine, Mode.FT)
    assert isinstance(failure, ModeUnavailable) and shown.startswith(triaged.advice) and triaged.urgent


def test_missing_index(settings, backend):
    engine = Engine(settings, backend=backend)  # a fresh home: nothing indexed
    triaged, shown, _ = first_events(engine, Mode.RAG)
    assert triaged.semantic and shown.startswith(triaged.advice)


def test_missing_embedder_falls_back_to_the_rules(home, backend, monkeypatch, tmp_path):
    monkeypatch.setenv("BEDSIDE_EMBED_MODEL", str(tmp_path / "no-such-model"))
    engine = Engine(load_settings(), backend=backend)
    triaged, shown, _ = first_events(engine, Mode.RAG)
    assert not triaged.semantic and "stroke" in triaged.keys and shown.startswith(triaged.advice)
    assert "rules only" in engine.triage_note


def test_ask_command_prints_the_advice_then_the_error(broken_model):
    runner = CliRunner()
    plain = runner.invoke(cli, ["ask", STROKE, "--mode", "base"])
    assert plain.exit_code == 2 and plain.output.lstrip().split("\n", 2)[1].startswith("⚠")
    assert plain.output.index("⚠") < plain.output.index("error:")
    data = runner.invoke(cli, ["ask", STROKE, "--mode", "base", "--json"])
    assert data.exit_code == 2
    payload = json.loads(data.output.strip().splitlines()[0])
    assert payload["emergency_advice"].startswith("⚠") and "stroke" in payload["red_flags"] and payload["error"]


def test_eval_red_flag_check_with_a_broken_model(broken_model):
    row = red_flag_check(Engine(broken_model), STROKE, Mode.BASE)
    assert row["flagged"] and row["advice_first"] and row["disclaimer"] and row["error"]


async def test_chat_and_compare_give_the_advice_with_a_broken_model(broken_model, sample_index, embedder):
    engine = Engine(broken_model, retriever=Retriever(sample_index[0], embedder))
    app = BedsideApp(broken_model, engine=engine, check_setup=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await _until(pilot, lambda: app.offload == "model not loaded")  # the chat stays up
        chat = app.chat
        chat.query_one("#prompt").text = STROKE
        chat.query_one("#prompt").focus()
        await pilot.press("enter")
        views = lambda: list(chat.query(MessageView))  # noqa: E731
        await _until(pilot, lambda: len(views()) == 2 and "Could not answer" in views()[1].markdown.source)
        shown = views()[1].markdown.source
        assert shown.startswith("⚠") and "stroke" in shown.lower() and "not a diagnosis" in shown
        assert chat.query_one("#banner").display
        saved = app.history.messages(app.session_id)
        assert saved[-1].role == "assistant" and saved[-1].content.startswith("⚠")
        await pilot.press("f6")
        await _until(pilot, lambda: type(app.screen).__name__ == "CompareScreen" and not app.screen.running)
        columns = [v.markdown.source for v in app.screen.query(MessageView)]
        assert columns and all(text.startswith("⚠") for text in columns)


async def _until(pilot, predicate, timeout: float = 60.0) -> None:
    import asyncio

    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "condition not reached in time"
        await pilot.pause(0.05)


def test_advice_comes_while_the_model_is_busy_loading(broken_model, sample_index, embedder):
    """The engine's lock guards the model only: triage and its advice never wait for it."""
    import threading

    engine = Engine(broken_model, retriever=Retriever(sample_index[0], embedder))
    engine.screen("warm up the embedder")
    first: list = []
    with engine.lock:  # as while the model loads in another thread
        worker = threading.Thread(target=lambda: first.extend(_first_two(engine)))
        worker.start()
        worker.join(timeout=30)
        assert not worker.is_alive() and isinstance(first[0], Triaged) and first[1].text.startswith("⚠")


def _first_two(engine: Engine) -> list:
    events = engine.stream(STROKE, Mode.BASE)
    return [next(events), next(events)]  # the generator is left before it takes the lock
