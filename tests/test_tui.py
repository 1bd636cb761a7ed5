"""The chat UI driven by Textual's pilot, with the real engine on the embedded model (few tokens)."""

from __future__ import annotations

import asyncio

import pytest

from bedside.core.config import load_settings
from bedside.core.engine import Engine
from bedside.core.modes import Mode
from bedside.index.search import Retriever
from bedside.tui.app import BedsideApp
from bedside.tui.message_view import MessageView
from bedside.tui.sources_panel import NO_RETRIEVAL, SourcesPanel

QUESTION = "I have had a dull headache every evening after work for two weeks."


@pytest.fixture
def tui_settings(home, monkeypatch, base_gguf, adapter_gguf):
    monkeypatch.setenv("BEDSIDE_LLM_GGUF", str(base_gguf))
    monkeypatch.setenv("BEDSIDE_ADAPTER_FT", str(adapter_gguf))
    monkeypatch.setenv("BEDSIDE_MAX_TOKENS", "12")
    monkeypatch.setenv("BEDSIDE_TEMPERATURE", "0")
    return load_settings()


def make_app(settings, backend, sample_index, embedder, **kwargs) -> BedsideApp:
    engine = Engine(settings, backend=backend, retriever=Retriever(sample_index[0], embedder))
    backend.use_adapter(None)  # the session backend may have been left in another mode
    return BedsideApp(settings, engine=engine, check_setup=False, **kwargs)


async def wait_for(pilot, predicate, timeout: float = 60.0) -> None:
    """Poll instead of sleeping a fixed time; fail with a clear message on timeout."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError("condition not reached in time")
        await pilot.pause(0.05)


async def ask(pilot, app, question: str = QUESTION):
    chat = app.chat
    before = chat.last_answer
    chat.query_one("#prompt").text = question
    chat.query_one("#prompt").focus()
    await pilot.press("enter")
    await wait_for(pilot, lambda: chat.last_answer is not before and not chat.generating)
    return chat.last_answer


@pytest.fixture
def app_factory(tui_settings, backend, sample_index, embedder):
    def build(**kwargs):
        return make_app(kwargs.pop("settings", tui_settings), backend, sample_index, embedder, **kwargs)

    return build


async def test_question_streams_an_answer_with_stats(app_factory, monkeypatch):
    monkeypatch.setenv("BEDSIDE_MAX_TOKENS", "60")
    app = app_factory(settings=load_settings())
    async with app.run_test(size=(140, 40)) as pilot:
        answer = await ask(pilot, app)
        views = list(app.chat.query(MessageView))
        assert [v.role for v in views] == ["user", "assistant"]
        assert len(views[1].written) >= 3  # arrived in pieces (batched every 0.1 s), not as one block
        rendered = views[1].markdown.source
        assert answer.text.strip()[:20] in rendered and "not a diagnosis" in rendered
        status = str(app.chat.query_one("#status").render())
        assert "Mode: RAG" in status and "TTFT" in status and "tok/s" in status and "gemma-3-270m" in status


async def test_mode_keys_switch_the_engine_and_the_indicator(app_factory, backend):
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.mode == Mode.BASE)
        assert "Mode: Base" in str(app.chat.query_one("#status").render()) and backend.active is None
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.mode == Mode.FT)
        assert backend.active == "ft" and "adapter: ft" in str(app.chat.query_one("#status").render())
        answer = await ask(pilot, app)
        assert answer.mode == Mode.FT
        await pilot.press("ctrl+t")  # cycle: FT -> Hybrid, which has no adapter here
        await wait_for(pilot, lambda: "bedside train --mode hybrid" in app.last_refusal)
        assert app.mode == Mode.FT  # refused: stays where it was, and says how to get Hybrid


async def test_sources_panel_after_rag_and_in_base_mode(app_factory):
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        answer = await ask(pilot, app)
        panel = app.chat.query_one(SourcesPanel)
        assert answer.sources and f"[1] {answer.sources[0].title}" in panel.plain
        assert "score" in panel.plain
        await pilot.press("ctrl+o")
        assert not panel.display
        await pilot.press("ctrl+o")
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.mode == Mode.BASE)
        await ask(pilot, app, "What helps a mild sunburn?")
        assert NO_RETRIEVAL in panel.plain


async def test_compare_view_fills_a_column_per_available_mode(app_factory):
    app = app_factory()
    async with app.run_test(size=(160, 45)) as pilot:
        await ask(pilot, app)
        await pilot.press("f6")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "CompareScreen")
        screen = app.screen
        await wait_for(pilot, lambda: not screen.running and len(screen.done) == 3, timeout=120)
        assert set(screen.done) == {"rag", "ft", "base"}  # hybrid has no adapter here
        for mode in screen.done:
            assert screen.query_one(f"#cmp-{mode}", MessageView).markdown.source.strip()
            assert "TTFT" in str(screen.query_one(f"#cmp-stats-{mode}").render())
        await pilot.press("escape")
        assert app.screen is app.chat


async def test_history_survives_a_restart_and_reopens(app_factory, tui_settings):
    first = app_factory()
    async with first.run_test(size=(140, 40)) as pilot:
        answer = await ask(pilot, first)
    second = app_factory()
    async with second.run_test(size=(140, 40)) as pilot:
        sessions = second.history.sessions()
        assert len(sessions) == 1 and sessions[0].messages == 2 and sessions[0].title.startswith("I have had")
        await pilot.press("f7")
        await wait_for(pilot, lambda: type(second.screen).__name__ == "SessionsScreen")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(list(second.chat.query(MessageView))) == 2)
        views = list(second.chat.query(MessageView))
        assert views[0].text == QUESTION and answer.text.strip()[:20] in views[1].text
        assert second.session_id == sessions[0].id


async def test_export_writes_the_chat_as_markdown_with_sources(app_factory, tui_settings):
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        answer = await ask(pilot, app)
        await pilot.press("f8")
        exports = list((tui_settings.paths.home / "exports").glob("*.md"))
        assert len(exports) == 1
        text = exports[0].read_text()
        assert text.startswith("# I have had a dull headache")
        assert f"## You\n\n{QUESTION}" in text and "## Bedside (rag)" in text
        assert f"- [1] {answer.sources[0].title}" in text
        assert exports[0].stat().st_mode & 0o777 == 0o600  # the whole conversation: owner only


async def test_remapped_key_from_config(app_factory, tui_settings, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[keys]\n"mode.base" = "f9"\n')
    import os

    os.environ["BEDSIDE_CONFIG"] = str(config)  # the home fixture restores it after the test
    settings = load_settings()
    app = app_factory(settings=settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f5")  # the default key no longer does it
        await pilot.pause(0.3)
        assert app.mode == Mode.RAG
        await pilot.press("f9")
        await wait_for(pilot, lambda: app.mode == Mode.BASE)


async def test_escape_cancels_and_keeps_the_partial_answer(app_factory, tui_settings, monkeypatch):
    monkeypatch.setenv("BEDSIDE_MAX_TOKENS", "300")
    app = app_factory(settings=load_settings())
    async with app.run_test(size=(140, 40)) as pilot:
        chat = app.chat
        await pilot.press("f3")  # FT answers run long; text is released a sentence at a time
        await wait_for(pilot, lambda: app.mode == Mode.FT)
        chat.query_one("#prompt").text = QUESTION
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(list(chat.query(MessageView))) == 2)
        view = list(chat.query(MessageView))[1]
        await wait_for(pilot, lambda: len(view.written) >= 2)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not chat.generating)
        answer = chat.last_answer
        assert answer.stats.stop_reason == "cancelled" and 0 < answer.stats.completion_tokens < 300
        stored = app.history.messages(app.session_id)[-1]
        assert stored.role == "assistant" and answer.text.strip() in stored.content
        assert "stopped" in str(view.query_one("Label").render())


async def test_start_up_offers_setup_when_the_index_is_empty(tui_settings, backend):
    app = BedsideApp(tui_settings, engine=Engine(tui_settings, backend=backend), check_setup=True)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SetupScreen")
        assert app.screen.needed == ["index"]
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.chat)


async def test_a_damaged_history_file_leaves_the_chat_usable(app_factory, tui_settings):
    path = tui_settings.paths.history_db
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database, someone's notes" * 50)
    before = path.read_bytes()
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: bool(app._notifications))
        shown = [n.message for n in app._notifications]
        assert any("left untouched" in message for message in shown), shown
        answer = await ask(pilot, app)
        assert answer.text.strip()
        stored = app.history.messages(app.session_id)
        assert [m.role for m in stored] == ["user", "assistant"] and stored[0].content == QUESTION
    assert path.read_bytes() == before
