"""`--debug-prompts`: what the model is really given, on the real model, for a follow-up after an
emergency answer (the advice and disclaimer the user saw never go back to the model)."""

import os

from typer.testing import CliRunner

from bedside.cli import app
from bedside.core.chat import Conversation
from bedside.core.engine import Engine
from bedside.core.history import HistoryStore
from bedside.core.modes import Mode
from bedside.core.prompt_log import ENV
from bedside.core.safety import DISCLAIMER

END = "===== end of prompt ====="


def prompts(path) -> list[str]:
    return [p for p in path.read_text(encoding="utf-8").split(END) if p.strip()]


def test_a_follow_up_prompt_carries_the_models_words_not_the_advice_or_disclaimer(settings, tmp_path, monkeypatch):
    log = tmp_path / "prompts.txt"
    monkeypatch.setenv(ENV, str(log))
    conversation = Conversation(Engine(settings), HistoryStore(tmp_path / "history.db"), mode=Mode.BASE)
    first = conversation.ask("Crushing chest pain going into my left arm and jaw", max_tokens=24, temperature=0.0)
    assert first.triage.urgent and first.answer is not None
    shown = conversation.history.messages(conversation.session_id)[1].content
    assert first.triage.advice in shown and DISCLAIMER in shown  # the user saw both
    conversation.ask("Should I take an aspirin?", max_tokens=8, temperature=0.0)
    before, follow_up = prompts(log)
    assert "mode base" in before and "Should I take an aspirin?" in follow_up
    assert f"Doctor: {first.answer.text.strip()}" in follow_up  # the model's own earlier words
    assert first.triage.advice not in follow_up and DISCLAIMER not in follow_up
    assert os.stat(log).st_mode & 0o077 == 0  # prompts hold health questions: owner-only


def test_ask_debug_prompts_flag_appends_each_prompt(home, tmp_path, monkeypatch):
    monkeypatch.setenv(ENV, "")  # off; and the flag's setting is undone after the test
    log = tmp_path / "ask-prompts.txt"
    question = "My ankle is swollen after a fall"
    args = ["ask", question, "--mode", "base", "--max-tokens", "4", "--debug-prompts", str(log)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    [prompt] = prompts(log)
    assert f"Patient: {question}\nDoctor:" in prompt
