"""The engine in a child process (the chat UI's default): the same answers as in-process, cancel by
id, errors that keep their type, and a child that dies mid-turn: advice still first, a clear error,
and the next question starts a fresh child. Real model, real child process."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from bedside.core.config import load_settings
from bedside.core.engine import Engine, run_turn
from bedside.core.engine_process import EngineProcess, EngineProcessDied
from bedside.core.modes import Mode
from bedside.index.store import StoreError

QUESTION = "My ankle is swollen after a fall"
URGENT = "Crushing chest pain going into my left arm and jaw"


@pytest.fixture
def process_settings(home, monkeypatch, base_gguf):
    monkeypatch.setenv("BEDSIDE_LLM_GGUF", str(base_gguf))
    monkeypatch.setenv("BEDSIDE_TEMPERATURE", "0")
    return load_settings()


@pytest.fixture
def engine_process(process_settings):
    engine = EngineProcess(process_settings)
    yield engine
    engine.close()
    assert engine._process is None or not engine._process.is_alive()  # close() leaves no child behind


def test_the_child_answers_exactly_as_the_engine_in_process(engine_process, process_settings, backend):
    child = run_turn(engine_process.stream(QUESTION, Mode.BASE, max_tokens=24))
    here = run_turn(Engine(process_settings, backend=backend).stream(QUESTION, Mode.BASE, max_tokens=24))
    assert child.error is None and here.error is None
    assert child.answer.text == here.answer.text and child.shown == here.shown  # greedy: identical
    assert child.answer.stats.completion_tokens == 24


def test_cancel_reaches_the_child_and_the_answer_so_far_comes_back(engine_process):
    engine_process.warm_up()  # loaded: the cancel lands while it generates
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    turn = run_turn(engine_process.stream(QUESTION, Mode.BASE, max_tokens=400, cancel=cancel))
    assert turn.error is None and turn.answer.stats.stop_reason == "cancelled"
    assert 0 < turn.answer.stats.completion_tokens < 400


def test_errors_keep_their_type_across_the_process(engine_process):
    with pytest.raises(StoreError, match="run `bedside index` first"):  # a fresh home has no index
        engine_process.use_mode(Mode.RAG)
    assert Mode.RAG not in engine_process.available_modes() and Mode.BASE in engine_process.available_modes()


def test_a_child_killed_before_triage_still_gives_the_advice_first_and_the_next_question_restarts_it(
    engine_process,
):
    events: list = []
    turn_holder: list = []

    def ask() -> None:
        turn_holder.append(run_turn(engine_process.stream(URGENT, Mode.BASE, max_tokens=8), None, events.append))

    worker = threading.Thread(target=ask)
    worker.start()
    deadline = time.monotonic() + 10
    while not engine_process._waiting and time.monotonic() < deadline:  # the request is on its way
        time.sleep(0.002)
    os.kill(engine_process._process.pid, signal.SIGKILL)  # still importing: it has triaged nothing
    worker.join(30)
    [turn] = turn_holder
    assert events and events[0].urgent  # the rules' advice, given here, with no model and no child
    assert turn.triage.urgent and turn.advice in turn.shown
    assert "model process stopped unexpectedly" in turn.error_text and "-9" in turn.error_text
    again = run_turn(engine_process.stream(QUESTION, Mode.BASE, max_tokens=4))
    assert again.error is None and again.answer.text  # a fresh child


def test_a_child_killed_mid_answer_ends_the_turn_with_a_clear_error(engine_process):
    engine_process.warm_up()
    texts: list[str] = []

    def kill_on_the_models_first_words(text: str) -> None:
        texts.append(text)
        if len(texts) == 2:  # the first text is the advice; the second, the model's own
            os.kill(engine_process._process.pid, signal.SIGKILL)

    turn = run_turn(engine_process.stream(URGENT, Mode.BASE, max_tokens=200), kill_on_the_models_first_words)
    assert turn.triage.urgent and turn.shown.startswith(turn.advice)  # advice first, from the child
    assert len(texts) >= 2 and texts[1].strip()  # it died while the model was writing
    assert isinstance(turn.error, RuntimeError) and "next question starts it again" in turn.error_text


def test_a_cancel_reaches_the_child_even_while_chunks_keep_coming(engine_process):
    """The cancel is looked at on every pass, not only when the child goes quiet for POLL_S."""
    engine_process.warm_up()
    cancel = threading.Event()
    seen: list[str] = []

    def cancel_after_two(text: str) -> None:
        seen.append(text)
        if len(seen) == 2:
            cancel.set()

    turn = run_turn(engine_process.stream(QUESTION, Mode.BASE, max_tokens=400, cancel=cancel), cancel_after_two)
    assert turn.answer.stats.stop_reason == "cancelled" and turn.answer.stats.completion_tokens < 400


def test_after_close_no_request_starts_another_child(process_settings):
    engine = EngineProcess(process_settings)
    engine.warm_up()
    engine.close()
    with pytest.raises(EngineProcessDied, match="closed"):
        engine.available_modes()
    assert not engine._process.is_alive()
