"""Training on the real embedded model, on the CPU: a few steps on a few dialogues.

The training base is the embedded GGUF dequantised once per session by Bedside's own code; the
runs then pass it as --base-model (a local HF folder), which also exercises the compatibility check.
"""

from __future__ import annotations

import csv
import os
import signal
import tomllib

import pytest
from transformers import TrainerCallback

from bedside.core.config import load_settings
from bedside.index.sources import RawDialogue, read_sample
from bedside.train.config import TrainConfig
from bedside.train.pipeline import train_run, training_dialogues
from bedside.train.runs import RunFolder, unfinished_run

TINY = dict(mode="ft", max_steps=6, batch=2, seq_len=256, lr=1e-3, eval_steps=3, save_steps=3, warmup=0.0)


@pytest.fixture(scope="session")
def training_base(session_paths, base_gguf):
    from bedside.train.base import dequantised_base

    return dequantised_base(base_gguf, session_paths.models / "train-base", progress=lambda _: None)


@pytest.fixture
def train_home(home, monkeypatch, base_gguf):
    monkeypatch.setenv("BEDSIDE_LLM_GGUF", str(base_gguf))
    monkeypatch.setenv("BEDSIDE_MAX_TOKENS", "40")
    return home


def run_tiny(training_base, base_gguf, callbacks=(), **overrides):
    config = TrainConfig(**(TINY | overrides)).validate()
    return train_run(
        load_settings(),
        config,
        read_sample("sample", limit=12),
        base_model=str(training_base),
        base_gguf=base_gguf,
        say=lambda _: None,
        callbacks=callbacks,
    )


@pytest.fixture
def tiny_run(train_home, training_base, base_gguf):
    return run_tiny(training_base, base_gguf)


def test_dequantised_base_is_plain_float_safetensors(training_base):
    import json

    config = json.loads((training_base / "config.json").read_text())
    assert "quantization_config" not in config
    assert config["model_type"] == "gemma3_text"
    assert (training_base / "model.safetensors").stat().st_size > 500_000_000  # float32, not 4-bit
    assert (training_base / "tokenizer.json").exists()


def test_tokens_mask_the_prompt_and_match_llama_cpp(training_base, base_gguf, backend):
    from transformers import AutoTokenizer

    from bedside.core.prompts import GemmaTemplate
    from bedside.index.clean import clean_dialogues
    from bedside.train.data import ft_examples
    from bedside.train.tokens import IGNORE, tokenize_examples

    tokenizer = AutoTokenizer.from_pretrained(training_base)
    examples = ft_examples(clean_dialogues(read_sample("sample", limit=5)), GemmaTemplate())
    tokenized = tokenize_examples(examples, tokenizer, seq_len=1024)
    for example, tokens in zip(examples, tokenized.examples, strict=True):
        prompt_ids = backend.llm.tokenize(example.prompt.encode(), add_bos=True, special=True)
        assert tokens.input_ids[: len(prompt_ids)] == prompt_ids  # the exact ids llama.cpp will see
        assert set(tokens.labels[: len(prompt_ids)]) == {IGNORE}  # no loss on the prompt
        assert tokens.labels[len(prompt_ids) :] == tokens.input_ids[len(prompt_ids) :]  # loss on every answer token
        assert tokenizer.decode(tokens.input_ids[-1:]) == "<end_of_turn>"  # the model learns to stop
    short = tokenize_examples(examples, tokenizer, seq_len=120)
    assert short.truncated + short.dropped == len(examples)
    assert all(len(e.input_ids) <= 120 for e in short.examples)


def test_heldout_dialogues_never_reach_training():
    heldout = read_sample("heldout", limit=3)
    mixed = list(read_sample("sample", limit=5)) + list(heldout)
    kept, excluded = training_dialogues(mixed)
    assert excluded == 3 and len(kept) == 5
    assert not {d.doctor for d in kept} & {d.doctor for d in heldout}


def test_tiny_run_learns_exports_registers_and_changes_answers(tiny_run, train_home):
    from bedside.core.engine import Engine
    from bedside.core.modes import Mode

    run = tiny_run.run
    assert not tiny_run.interrupted and tiny_run.steps == 6
    with run.metrics.open() as handle:
        rows = list(csv.DictReader(handle))
    train_losses = [float(r["loss"]) for r in rows if r["loss"]]
    eval_losses = [float(r["eval_loss"]) for r in rows if r["eval_loss"]]
    assert len(train_losses) == 6 and len(eval_losses) == 2
    assert sum(train_losses[-2:]) < sum(train_losses[:2])  # it learns
    assert eval_losses[-1] < eval_losses[0]  # and it generalises to unseen validation dialogues
    assert run.plot.stat().st_size > 10_000 and run.finished
    assert (run.adapter / "adapter_model.safetensors").exists()

    # Registered in the config file: FT mode finds it with no further step.
    config = tomllib.loads((train_home.parent / "config.toml").read_text())
    assert config["adapter_ft"] == str(tiny_run.adapter_gguf)
    settings = load_settings()
    assert settings.adapter_ft == str(tiny_run.adapter_gguf)

    engine = Engine(settings)
    question = "I have had a blocked nose and a cough for three days. What can I do?"
    base = engine.ask(question, Mode.BASE, max_tokens=40, temperature=0.0)
    tuned = engine.ask(question, Mode.FT, max_tokens=40, temperature=0.0)
    assert tuned.text != base.text
    engine.backend.close()

    # And one merged GGUF beside the run, made in GGUF space (no llama.cpp tools configured here).
    merged_note = next(note for note in tiny_run.notes if note.startswith("merged GGUF"))
    assert tiny_run.merged == run.path / "merged.gguf" and tiny_run.merged.stat().st_size > 200_000_000, merged_note
    assert "of the adapter kept" in merged_note


def test_ctrl_c_checkpoints_and_resume_continues_at_the_next_step(train_home, training_base, base_gguf):
    class InterruptAtStep2(TrainerCallback):
        def on_step_begin(self, args, state, control, **kwargs):
            if state.global_step == 1:  # during step 2: the handler saves at its end
                os.kill(os.getpid(), signal.SIGINT)

    first = run_tiny(training_base, base_gguf, callbacks=[InterruptAtStep2()], max_steps=4, save_steps=100)
    assert first.interrupted and first.steps == 2
    assert first.run.last_checkpoint().name == "checkpoint-2" and not first.run.finished
    assert "adapter_ft" not in _config_keys(train_home)  # nothing registered by a stopped run

    settings = load_settings()
    pending = unfinished_run(settings.paths.runs, "ft")
    assert pending == RunFolder(first.run.path)
    config = TrainConfig.from_file(pending.config)
    second = train_run(settings, config, None, resume=pending, say=lambda _: None)
    assert second.steps == 4 and not second.interrupted and second.run.finished
    with second.run.metrics.open() as handle:
        steps = [int(r["step"]) for r in csv.DictReader(handle) if r["loss"]]
    assert steps == [1, 2, 3, 4]  # no step trained twice, none skipped
    assert unfinished_run(settings.paths.runs, "ft") is None


def _config_keys(home) -> set[str]:
    path = home.parent / "config.toml"
    return set(tomllib.loads(path.read_text())) if path.exists() else set()


def test_base_model_of_another_shape_is_refused(tmp_path, base_gguf, training_base):
    import json
    import shutil

    from bedside.train.base import TrainingBaseError, check_compatible, resolve_training_base

    other = tmp_path / "other"
    other.mkdir()
    config = json.loads((training_base / "config.json").read_text())
    (other / "config.json").write_text(json.dumps(config | {"num_hidden_layers": 26, "hidden_size": 1152}))
    with pytest.raises(TrainingBaseError, match="num_hidden_layers is 26 .*block_count is 18"):
        check_compatible(other, base_gguf)
    (other / "config.json").write_text(json.dumps(config | {"model_type": "llama"}))
    with pytest.raises(TrainingBaseError, match="architecture mismatch.*'llama'.*'gemma3'"):
        resolve_training_base(base_gguf, tmp_path, str(other))
    with pytest.raises(TrainingBaseError, match="--download"):
        resolve_training_base(base_gguf, tmp_path, "google/gemma-3-1b-it")
    shutil.rmtree(other)


def test_too_little_data_is_a_clear_error(train_home, training_base, base_gguf):
    from bedside.train.pipeline import TrainDataError

    one = [RawDialogue("t", "A question about a cough?", "An answer about coughs, long enough to keep.", "x")]
    with pytest.raises(TrainDataError, match="training dialogue"):
        train_run(
            load_settings(), TrainConfig(**TINY), one, base_model=str(training_base), base_gguf=base_gguf,
            say=lambda _: None,
        )  # fmt: skip


def test_cuda_path_is_import_guarded_and_builds_unsloth_arguments(tmp_path):
    import sys

    import torch

    from bedside.train.config import TARGET_MODULES, TrainConfigError, device_defaults, resolve_device
    from bedside.train.cuda import CudaUnavailableError, load_cuda, unsloth_load_kwargs, unsloth_peft_kwargs

    config = TrainConfig(**(device_defaults("cuda") | {"rank": 8, "alpha": 16, "seed": 3})).validate()
    load = unsloth_load_kwargs(tmp_path, config)
    assert load == {
        "model_name": str(tmp_path),
        "max_seq_length": 1024,
        "load_in_4bit": True,
        "dtype": None,
        "local_files_only": True,
    }
    peft = unsloth_peft_kwargs(config)
    assert peft["r"] == 8 and peft["lora_alpha"] == 16 and peft["random_state"] == 3
    assert peft["use_gradient_checkpointing"] == "unsloth" and peft["target_modules"] == list(TARGET_MODULES)
    if not torch.cuda.is_available():
        with pytest.raises(CudaUnavailableError, match="--device cpu"):
            load_cuda(tmp_path, config)
        with pytest.raises(TrainConfigError, match="no CUDA GPU"):
            resolve_device("cuda")
        assert resolve_device("auto") == "cpu"
    assert "unsloth" not in sys.modules  # never imported on a machine without CUDA


def test_config_values_are_set_in_place_keeping_comments(tmp_path):
    from bedside.core.config import ConfigError, set_config_values

    path = tmp_path / "config.toml"
    path.write_text('# my settings\nrag_k = 4  # more context\nadapter_ft = "/old.gguf"\n\n[extra]\nx = 1\n')
    set_config_values(path, {"adapter_ft": "/new.gguf", "adapter_hybrid": 'C:\\a "b".gguf'})
    text = path.read_text()
    assert text.startswith("# my settings\nrag_k = 4  # more context\n")
    data = tomllib.loads(text)
    assert (
        data["adapter_ft"] == "/new.gguf" and data["adapter_hybrid"] == 'C:\\a "b".gguf' and data["extra"] == {"x": 1}
    )
    before = path.read_text()
    with pytest.raises(ConfigError, match="unknown setting"):
        set_config_values(path, {"adapterft": "x"})
    assert path.read_text() == before
