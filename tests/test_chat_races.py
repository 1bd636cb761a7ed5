"""Races the real model cannot be timed to provoke: a new chat, a reopened or deleted chat, or a closed
compare view while an answer is still streaming. A scripted engine stands in for the model here (it
streams only when the test lets it); the real-engine pilot tests in test_tui.py stay beside these.
Each race runs 20 times: 0 crashes, 0 answers shown or filed in the wrong chat."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from bedside.core.chat import Conversation, Finished, Text
from bedside.core.engine import Answer, Chunk, Done, Triaged
from bedside.core.history import HistoryStore
from bedside.core.modes import ORDER, Mode
from bedside.core.safety import DISCLAIMER, triage
from bedside.tui.app import BedsideApp
from bedside.tui.compare_screen import CompareScreen
from bedside.tui.message_view import MessageView

RUNS = 20


class ScriptedBackend:
    offload_report = "scripted (no model)"
    model_path = None

    def use_adapter(self, name):
        return 0.0


class ScriptedEngine:
    """Streams `words` one at a time; after the first, each waits for `step` (or `cancel`)."""

    def __init__(self, words=("Hi, thanks for your query. ", "Rest ", "and ", "fluids."), fail: str = ""):
        self.words, self.fail = words, fail
        self.lock = threading.RLock()
        self.step = threading.Event()
        self.calls: list[tuple[str, Mode, list]] = []
        self.released_at: list[float] = []
        self.backend = ScriptedBackend()
        self.template = None
        self.settings = None

    def check_mode(self, mode):
        return None

    def use_mode(self, mode):
        with self.lock:
            self.backend.use_adapter(mode.adapter)

    def warm_up(self):
        return self.backend.offload_report

    def available_modes(self):
        return list(ORDER)

    def stream(self, question, mode, history=(), *, cancel=None, **options):
        self.calls.append((question, mode, list(history)))
        found = triage(question, "112")
        yield Triaged(found)
        if found.urgent:
            yield Chunk(found.advice + "\n\n")
        with self.lock:
            answer = Answer(question, mode, triage=found)
            shown = []
            for number, word in enumerate(self.words):
                if number:
                    while not self.step.wait(0.01):
                        if cancel is not None and cancel.is_set():
                            break
                if cancel is not None and cancel.is_set():
                    answer.stats.stop_reason = "cancelled"
                    break
                if self.fail and number == 2:
                    raise RuntimeError(self.fail)
                shown.append(word)
                yield Chunk(word)
            answer.text = "".join(shown)
            yield Chunk(f"\n\n_{DISCLAIMER}_")
            self.released_at.append(time.monotonic())
        yield Done(answer)


@pytest.fixture
def scripted(settings):
    engine = ScriptedEngine()
    app = BedsideApp(settings, engine=engine, check_setup=False)
    return app, engine


async def wait_for(pilot, predicate, timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError("condition not reached in time")
        await pilot.pause(0.01)


async def type_question(pilot, app, question: str) -> None:
    box = app.chat.query_one("#prompt")
    box.text = question
    box.focus()
    await pilot.press("enter")


def shown_texts(app) -> list[str]:
    return [view.text for view in app.chat.query(MessageView)]


# -- the conversation alone -------------------------------------------------------------------------


def test_follow_ups_carry_the_models_words_not_the_advice_or_the_disclaimer(settings, tmp_path):
    engine = ScriptedEngine(words=("Sit down ", "and wait for help."))
    engine.step.set()
    conversation = Conversation(engine, HistoryStore(tmp_path / "history.db"))
    first = conversation.ask("Crushing chest pain going into my left arm")
    assert first.triage.urgent and first.advice in conversation.history.messages(conversation.session_id)[1].content
    conversation.ask("Should I take an aspirin?")
    [(_, _, history)] = engine.calls[1:]
    assert [e.answer for e in history] == ["Sit down and wait for help."]  # no ⚠ advice, no disclaimer


def test_a_retired_turn_delivers_nothing_and_is_filed_in_its_own_chat(settings, tmp_path):
    engine = ScriptedEngine()
    store = HistoryStore(tmp_path / "history.db")
    conversation = Conversation(engine, store)
    seen: list = []
    pending = conversation.start("My knee hurts after running")
    first_session = conversation.session_id
    worker = threading.Thread(target=conversation.run, args=(pending, seen.append))
    worker.start()
    while not any(isinstance(e, Text) for e in seen):
        time.sleep(0.005)
    conversation.new_session()  # Ctrl+N while it streams
    engine.step.set()
    worker.join(5)
    assert not worker.is_alive()
    assert not any(isinstance(e, Finished) for e in seen)  # nothing after the chat was left
    assert [m.role for m in store.messages(first_session)] == ["user", "assistant"]
    assert conversation.session_id is None and not conversation.busy


# -- the chat UI ------------------------------------------------------------------------------------


@pytest.mark.parametrize("leave", ["new chat", "open another chat", "delete this chat"])
async def test_leaving_a_chat_mid_answer_never_shows_or_misfiles_it(scripted, leave):
    app, engine = scripted
    async with app.run_test(size=(140, 40)) as pilot:
        other = app.history.new_session()
        app.history.add_message(other, "user", "An older question")
        done: list[int | None] = []  # the chats of earlier runs, each with its own answer
        for run in range(RUNS):
            engine.step.clear()
            question = f"Question {run}: my ankle is swollen"
            await type_question(pilot, app, question)
            await wait_for(pilot, lambda: any("Hi, thanks" in t for t in shown_texts(app)))
            asked_in = app.session_id
            if leave == "new chat":
                await pilot.press("ctrl+n")
            elif leave == "open another chat":
                await app.chat.load_session(other)
            else:
                app.conversation.delete_session(asked_in)
                await app.chat.action_new_chat()
            engine.step.set()  # the rest of the answer comes now, for a chat that is gone
            await wait_for(pilot, lambda: not app.conversation.busy)
            await pilot.pause(0.05)
            assert not any("fluids" in text for text in shown_texts(app)), (leave, run)
            assert not app.chat.generating
            filed = {s.id: [m.content for m in app.history.messages(s.id)] for s in app.history.sessions()}
            if leave == "delete this chat":
                assert asked_in not in filed
            else:
                # Leaving stopped the answer; what it had written is filed in its own chat.
                assert filed[asked_in][-2] == question and "Hi, thanks" in filed[asked_in][-1]
            answered = (asked_in, *done)
            assert not any("Hi, thanks" in m for s, ms in filed.items() if s not in answered for m in ms)
            done.append(asked_in)
        assert app.is_running  # no exception ended the app


async def test_escape_stops_the_answer_and_keeps_what_was_written(scripted):
    app, engine = scripted
    async with app.run_test(size=(140, 40)) as pilot:
        await type_question(pilot, app, "My ear hurts")
        await wait_for(pilot, lambda: any("Hi, thanks" in t for t in shown_texts(app)))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not app.chat.generating)
        view = app.chat.query(MessageView).last()
        assert "stopped" in view.heading and "Hi, thanks" in view.markdown.source
        assert app.chat.last_answer.stats.stop_reason == "cancelled"


async def test_a_failing_stream_shows_the_advice_and_the_error(settings):
    engine = ScriptedEngine(fail="the model ran out of memory")
    engine.step.set()
    app = BedsideApp(settings, engine=engine, check_setup=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await type_question(pilot, app, "My father's face drooped and his speech is slurred")
        await wait_for(pilot, lambda: not app.chat.generating and len(app.chat.query(MessageView)) == 2)
        text = app.chat.query(MessageView).last().markdown.source
        assert text.startswith("⚠") and "Could not answer:** the model ran out of memory" in text
        stored = app.history.messages(app.session_id)[-1]
        assert stored.content == text and stored.model_text == ""


async def test_closing_compare_mid_answer_frees_the_model_for_the_next_question(scripted):
    app, engine = scripted
    async with app.run_test(size=(140, 40)) as pilot:
        for _ in range(RUNS):
            engine.step.clear()
            released_before = len(engine.released_at)
            app.push_screen(CompareScreen("Is a rash after amoxicillin an allergy?"))
            await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.query(MessageView))
            await wait_for(pilot, lambda: any(v.written for v in app.screen.query(MessageView)))
            closed = time.monotonic()
            await pilot.press("escape")
            # The run stops at once: the model's lock is given back without the rest being generated.
            await wait_for(pilot, lambda before=released_before: len(engine.released_at) > before, timeout=10)
            assert engine.released_at[-1] > closed  # let go because of Esc, not because it ran out of words
            assert not engine.step.is_set() and len(engine.calls) == len(engine.released_at)  # no later mode
        engine.step.set()
        await type_question(pilot, app, "And now my question")
        await wait_for(pilot, lambda: app.chat.last_answer is not None)
        assert "fluids" in app.chat.last_answer.text


async def test_enter_and_new_line_are_remappable_like_every_key(settings, tmp_path, monkeypatch):
    from dataclasses import replace

    engine = ScriptedEngine()
    engine.step.set()
    remapped = replace(settings, keys={"prompt.submit": "ctrl+s", "prompt.newline": "enter"})
    app = BedsideApp(remapped, engine=engine, check_setup=False)
    async with app.run_test(size=(140, 40)) as pilot:
        box = app.chat.query_one("#prompt")
        box.focus()
        await pilot.press("m", "y", "enter", "k", "n", "e", "e")  # Enter now adds a line
        await pilot.pause(0.1)
        assert box.text == "my\nknee" and not engine.calls
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.chat.last_answer is not None)
        assert engine.calls[0][0] == "my knee"  # the question is sent with its spacing collapsed


async def test_questions_typed_during_first_run_setup_are_answered_after_it(settings, monkeypatch):
    from bedside.core import first_run

    engine = ScriptedEngine()
    engine.step.set()
    setup_may_end = threading.Event()

    def slow_setup(settings, needed, say, progress):  # the real one copies 300 MB and indexes the sample
        say("copying and checking the embedded models…")
        setup_may_end.wait(10)

    monkeypatch.setattr(first_run, "setup_needed", lambda settings: ["models"])
    monkeypatch.setattr(first_run, "run_setup", slow_setup)
    app = BedsideApp(settings, engine=engine, check_setup=True)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SetupScreen")
        await pilot.click("#setup-run")
        await wait_for(pilot, lambda: app.screen is app.chat and app.setting_up)
        await type_question(pilot, app, "First question while it sets up")
        await type_question(pilot, app, "Second one")
        await pilot.pause(0.2)
        assert not engine.calls and "setting up" in str(app.chat.query_one("#status").render())
        setup_may_end.set()
        await wait_for(pilot, lambda: len(engine.calls) == 2 and not app.chat.generating and not app.chat.waiting)
        assert [call[0] for call in engine.calls] == ["First question while it sets up", "Second one"]
        users = [v.text for v in app.chat.query(MessageView) if v.role == "user"]
        assert users == ["First question while it sets up", "Second one"]  # each shown once


def test_a_follow_up_asked_the_moment_an_answer_ends_sees_it_and_comes_after_it(settings, tmp_path):
    """The front end may ask again as soon as it hears an answer is over (a queued question does):
    that answer must already be filed, in order, and in the follow-up's context."""
    engine = ScriptedEngine(words=("Ice it ", "and rest."))
    engine.step.set()
    store = HistoryStore(tmp_path / "history.db")
    conversation = Conversation(engine, store)
    follow_up: list = []

    def on_event(event):
        if isinstance(event, Finished) and not follow_up:
            follow_up.append(conversation.start("And if it still hurts tomorrow?"))

    conversation.ask("I sprained my wrist", on_event)
    conversation.run(follow_up[0])
    assert [e.answer for e in engine.calls[1][2]] == ["Ice it and rest."]
    roles = [(m.role, m.content[:12]) for m in store.messages(conversation.session_id)]
    assert [r for r, _ in roles] == ["user", "assistant", "user", "assistant"], roles
