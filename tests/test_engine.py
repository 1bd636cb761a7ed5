"""The engine on the real embedded GGUF and the real sample index: modes, triage first, one
disclaimer, budgets that hold with the real tokenizer, and clear errors for missing modes."""

import pytest
from typer.testing import CliRunner

from bedside.cli import app
from bedside.core.config import Settings
from bedside.core.engine import CARRY_TURNS, Chunk, Done, Engine, ModeUnavailable, Triaged
from bedside.core.modes import Mode
from bedside.core.prompts import Exchange
from bedside.core.safety import DISCLAIMER
from bedside.index.search import Hit, Retriever

QUESTION = "I have had a dull headache every evening after work for two weeks. What can I do?"


@pytest.fixture
def engine(tmp_path, backend, sample_index, embedder, adapter_gguf):
    settings = Settings(
        home=str(tmp_path),
        adapter_ft=str(adapter_gguf),
        adapter_hybrid=str(adapter_gguf),
        temperature=0.0,
        max_tokens=16,
        n_ctx=2048,
    )
    return Engine(settings, backend=backend, retriever=Retriever(sample_index[0], embedder))


def run(engine, question, mode, **options):
    chunks, answer, events = [], None, list(engine.stream(question, mode, **options))
    assert isinstance(events[0], Triaged)  # always first, before anything that can fail
    for event in events[1:]:
        if isinstance(event, Chunk):
            chunks.append(event.text)
        else:
            assert isinstance(event, Done)
            answer = event.answer
    return "".join(chunks), answer


@pytest.mark.parametrize("mode", list(Mode))
def test_every_mode_answers_deterministically(engine, mode):
    first_text, first = run(engine, QUESTION, mode)
    second_text, second = run(engine, QUESTION, mode)
    assert first.text and first.text == second.text and first_text == second_text
    assert first.used_retrieval is mode.retrieves
    assert bool(first.sources) is mode.retrieves
    assert first.stats.completion_tokens > 0 and first.stats.ttft_s > 0


def test_adapter_modes_differ_from_the_base_and_rag_numbers_its_sources(engine):
    base = engine.ask(QUESTION, Mode.BASE)
    tuned = engine.ask(QUESTION, Mode.FT)
    assert tuned.text != base.text
    rag = engine.ask(QUESTION, Mode.RAG)
    assert [s.number for s in rag.sources] == [1, 2, 3]
    assert "headache" in rag.sources[0].title.lower()
    assert all(s.cited == (s.number in rag.citations) for s in rag.sources)
    assert engine.backend.active is None  # RAG runs on the base weights


@pytest.mark.parametrize("mode", [Mode.BASE, Mode.RAG, Mode.FT])
def test_red_flags_come_first_and_the_disclaimer_once_at_the_end(engine, mode):
    text, answer = run(engine, "I have crushing chest pain and I am short of breath", mode)
    assert text.startswith("⚠") and "emergency" in text.split("\n")[0]
    assert answer.triage.urgent and text.count(DISCLAIMER) == 1 and text.rstrip().endswith(f"_{DISCLAIMER}_")
    ordinary_text, ordinary = run(engine, QUESTION, mode)
    assert not ordinary.triage.urgent and not ordinary_text.startswith("⚠")
    assert ordinary_text.count(DISCLAIMER) == 1
    assert answer.full_text.startswith("⚠") and answer.full_text.count(DISCLAIMER) == 1


def test_a_follow_up_after_a_red_flag_keeps_the_advice_first(engine):
    stroke = Exchange("My dad's smile looks lopsided since lunch and his words are coming out garbled", "Hi.")
    follow_up = "Should I give him an aspirin while we wait?"
    text, answer = run(engine, follow_up, Mode.BASE, history=[stroke])
    assert answer.triage.urgent and "stroke" in answer.triage.advice and text.startswith("⚠")
    # Alone, or once the red flag is more than CARRY_TURNS questions back, it is an ordinary question.
    _, alone = run(engine, follow_up, Mode.BASE)
    assert not alone.triage.urgent
    later = [stroke] + [Exchange(f"What helps a dry cough number {i}?", "Honey.") for i in range(CARRY_TURNS)]
    _, old = run(engine, follow_up, Mode.BASE, history=later)
    assert not old.triage.urgent


class HugeRetriever:
    """Returns enormous answers, to push the budget; the real index never holds anything this long."""

    def search(self, query, k, kind, query_vector=None):
        text = "Rest, fluids and regular meals help most headaches. " * 400
        return [Hit(i, 1.0 / i, f"d{i}", f"Q. huge {i}", "q", text, text[:200]) for i in range(1, k + 1)]


def test_budget_holds_with_the_real_tokenizer_huge_hits_and_long_history(backend, adapter_gguf, tmp_path):
    settings = Settings(
        home=str(tmp_path),
        temperature=0.0,
        max_tokens=64,
        n_ctx=2048,
        history_turns=10,
        adapter_hybrid=str(adapter_gguf),
    )
    engine = Engine(settings, backend=backend, retriever=HugeRetriever())
    history = [
        Exchange("Earlier question about sleep " + "and more " * 150, "An earlier answer " * 80) for _ in range(6)
    ]
    for mode in (Mode.RAG, Mode.HYBRID):
        answer = engine.ask(QUESTION, mode, history, max_tokens=64)
        assert answer.stats.prompt_tokens + 64 <= backend.n_ctx
        assert answer.dropped_hits >= 1 and answer.sources and answer.sources[0].truncated
        assert answer.text


def test_missing_adapter_says_how_to_train(tmp_path, backend, base_gguf, sample_index, embedder):
    engine = Engine(  # a model of the user's own: the adapters shipped for the embedded one do not apply
        Settings(home=str(tmp_path), llm_gguf=str(base_gguf), temperature=0.0, max_tokens=8),
        backend=backend,
        retriever=Retriever(sample_index[0], embedder),
    )
    for mode in (Mode.FT, Mode.HYBRID):
        with pytest.raises(ModeUnavailable, match="bedside export-adapter PEFT_DIR --slot"):
            engine.ask(QUESTION, mode)
    assert engine.available_modes() == [Mode.RAG, Mode.BASE]


def test_history_is_used_for_follow_ups_and_bounded(engine, backend, tmp_path):
    history = [Exchange("I have a headache every evening.", "It sounds like a tension headache.")]
    answer = engine.ask("Could my glasses cause it?", Mode.BASE, history)
    alone = engine.ask("Could my glasses cause it?", Mode.BASE)
    assert answer.stats.prompt_tokens > alone.stats.prompt_tokens
    forgetful = Engine(Settings(home=str(tmp_path), temperature=0.0, max_tokens=4, history_turns=0), backend=backend)
    assert (
        forgetful.ask("Could my glasses cause it?", Mode.BASE, history).stats.prompt_tokens == alone.stats.prompt_tokens
    )


def test_ask_command_json_and_all_modes(home, base_gguf, adapter_gguf, monkeypatch):
    import json

    monkeypatch.setenv("BEDSIDE_LLM_GGUF", str(base_gguf))
    monkeypatch.setenv("BEDSIDE_TEMPERATURE", "0")
    runner = CliRunner()
    assert runner.invoke(app, ["index", "--limit", "40"]).exit_code == 0
    result = runner.invoke(app, ["ask", QUESTION, "--mode", "rag", "--max-tokens", "8", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output.strip().splitlines()[-1])
    assert payload["mode"] == "rag" and payload["used_retrieval"] and len(payload["sources"]) == 3
    for key in ("answer", "citations", "prompt_tokens", "completion_tokens", "ttft_s", "tokens_per_s"):
        assert key in payload
    missing = runner.invoke(app, ["ask", QUESTION, "--mode", "ft"])
    assert missing.exit_code == 2 and "bedside export-adapter" in " ".join(missing.output.split())
    monkeypatch.setenv("BEDSIDE_ADAPTER_FT", str(adapter_gguf))
    every = runner.invoke(app, ["ask", QUESTION, "--all-modes", "--max-tokens", "4", "--json"])
    assert every.exit_code == 0, every.output
    modes = [json.loads(line)["mode"] for line in every.output.strip().splitlines()]
    assert modes == ["rag", "ft", "base"]  # hybrid has no adapter configured, so it is skipped


def test_answers_open_with_the_primer_and_stop_at_a_new_patient_turn(engine, backend, tmp_path):
    text, answer = run(engine, QUESTION, Mode.BASE)
    assert text.startswith("Hi, thanks for your query.") and answer.text.startswith("Hi, thanks for your query.")
    assert "\nPatient:" not in answer.text
    bare = Engine(Settings(home=str(tmp_path), temperature=0.0, max_tokens=16, answer_primer=""), backend=backend)
    assert not bare.ask(QUESTION, Mode.BASE).text.startswith("Hi, thanks")


def test_export_adapter_command_writes_into_the_data_home(home, base_gguf, tmp_path, monkeypatch):
    from bedside.core.gguf_info import read_gguf_info
    from bedside.train.random_adapter import random_peft_adapter

    monkeypatch.setenv("BEDSIDE_LLM_GGUF", str(base_gguf))
    peft = random_peft_adapter(tmp_path / "peft", base_gguf, targets=("q_proj",))
    unknown = CliRunner().invoke(app, ["export-adapter", str(peft), "--slot", "hybrid"])
    assert unknown.exit_code == 2 and "--prompt-format" in " ".join(unknown.output.split())
    args = ["export-adapter", str(peft), "--slot", "hybrid", "--prompt-format", "transcript/2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    written = home / "models" / "adapters" / "hybrid.gguf"
    metadata = read_gguf_info(written).metadata
    assert metadata["adapter.type"] == "lora" and metadata["bedside.prompt_format"] == "transcript/2"
    assert "BEDSIDE_ADAPTER_HYBRID=" in " ".join(result.output.split())
    bad = CliRunner().invoke(app, ["export-adapter", str(tmp_path), "--slot", "ft"])
    assert bad.exit_code == 2 and "adapter_config.json is missing" in " ".join(bad.output.split())


def test_an_adapter_trained_on_another_prompt_format_is_refused_and_only_its_mode_goes(home, base_gguf, tmp_path):
    from bedside.train.export import export_peft_to_gguf
    from bedside.train.random_adapter import random_peft_adapter

    peft = random_peft_adapter(tmp_path / "peft", base_gguf, targets=("q_proj",))
    old = export_peft_to_gguf(peft, base_gguf, tmp_path / "old.gguf", prompt_format="gemma/1").path
    unrecorded = export_peft_to_gguf(peft, base_gguf, tmp_path / "unrecorded.gguf").path
    engine = Engine(
        Settings(
            home=str(home),
            llm_gguf=str(base_gguf),
            adapter_ft=str(old),
            adapter_hybrid=str(unrecorded),
            embed_model=str(tmp_path / "none"),
            temperature=0.0,
            max_tokens=4,
        )  # fmt: skip
    )
    with pytest.raises(ModeUnavailable, match="trained on prompt format 'gemma/1'.*'transcript/2'"):
        engine.check_mode(Mode.FT)
    with pytest.raises(ModeUnavailable, match="does not record"):
        engine.check_mode(Mode.HYBRID)
    assert engine.ask(QUESTION, Mode.BASE).text  # Base (and RAG) never depend on an adapter


def test_a_base_model_rag_answer_no_longer_copies_its_prompt(tmp_path, backend, sample_index, embedder):
    """The new user's first question from the issue, greedy: no instructions, no sources list copied."""
    backend.use_adapter(None)
    engine = Engine(
        Settings(home=str(tmp_path), temperature=0.0, max_tokens=120, n_ctx=2048),
        backend=backend,
        retriever=Retriever(sample_index[0], embedder),
    )
    answer = engine.ask("I have a mild headache since this morning, what can I do?", Mode.RAG)
    assert engine.template.name == "transcript"
    assert answer.verdict.usable, (answer.verdict.findings, answer.text)
    assert "Patient (question" not in answer.text and "(Q." not in answer.text and "You are Bedside" not in answer.text
    assert answer.stats.stop_reason != "echo"
