"""The llama.cpp backend on the real embedded GGUF: streaming, stops, greedy determinism, and LoRA
hot-swap without reload (with the KV reset proven by identical base output after a switch)."""

import threading

import pytest

from bedside.core.backend import AdapterError, LlamaBackend, Sampling, StreamStats

PROMPT = (
    "<start_of_turn>user\nI have had a headache for three days. What should I do?<end_of_turn>\n<start_of_turn>model\n"
)
GREEDY = Sampling(max_tokens=20)
STOPS = ("<end_of_turn>",)


def generate(backend, prompt=PROMPT, sampling=GREEDY, stops=STOPS, **kwargs):
    return "".join(backend.stream(prompt, sampling, stops, **kwargs))


def test_streams_pieces_and_reports_stats(backend):
    backend.use_adapter(None)
    stats = StreamStats()
    pieces = list(backend.stream(PROMPT, Sampling(max_tokens=12), STOPS, stats=stats))
    assert len(pieces) > 3 and all(isinstance(p, str) for p in pieces)
    assert stats.prompt_tokens > 10 and 0 < stats.completion_tokens <= 12
    assert 0 < stats.ttft_s <= stats.total_s and stats.stop_reason == "length"


def test_greedy_output_is_deterministic(backend):
    backend.use_adapter(None)
    assert generate(backend) == generate(backend)


def test_stop_sequence_ends_generation_and_is_not_returned(backend):
    backend.use_adapter(None)
    free = generate(backend, sampling=Sampling(max_tokens=30))
    word = free.split()[2]  # a word the model certainly produces
    stopped = generate(backend, sampling=Sampling(max_tokens=30), stops=(word,))
    assert word not in stopped and free.startswith(stopped)


def test_no_line_break_or_end_before_min_tokens(backend):
    # A base model asked to continue a greeting line tends to end the line at once: the transcript's
    # stops then leave an empty answer. min_tokens bans new lines and end of text until it is reached.
    backend.use_adapter(None)
    prompt = "Count with me.\n1\n2\n3\n4\n5\n"  # greedy writes "6" and a new line
    stops = ("\n",)
    free = StreamStats()
    generate(backend, prompt, Sampling(max_tokens=30), stops, stats=free)
    held = StreamStats()
    text = generate(backend, prompt, Sampling(max_tokens=30, min_tokens=10), stops, stats=held)
    assert free.completion_tokens < 4 and free.stop_reason == "stop"  # the control: it does stop early
    assert held.completion_tokens >= 10 and "\n" not in text


def test_cancel_stops_the_stream(backend):
    backend.use_adapter(None)
    cancel = threading.Event()
    stats = StreamStats()
    pieces = []
    for piece in backend.stream(PROMPT, Sampling(max_tokens=50), STOPS, cancel, stats):
        pieces.append(piece)
        if len(pieces) == 3:
            cancel.set()
    assert len(pieces) == 3 and stats.cancelled and stats.stop_reason == "cancelled"


def test_adapter_changes_output_and_switching_off_restores_base_exactly(backend):
    llm_before = backend.llm
    backend.use_adapter(None)
    base = generate(backend)
    backend.use_adapter("ft")
    tuned = generate(backend)
    assert tuned != base
    backend.use_adapter(None)
    assert generate(backend) == base  # KV reset: no state computed under the adapter leaks back
    backend.use_adapter("hybrid")
    assert generate(backend) == tuned  # a second slot works the same way
    backend.use_adapter(None)
    assert backend.llm is llm_before  # switching never reloads the model


def test_switch_is_fast_and_idempotent(backend):
    backend.use_adapter(None)
    assert backend.use_adapter("ft") < 0.05
    assert backend.use_adapter("ft") == 0.0  # already active: nothing to do
    backend.use_adapter(None)


def test_a_context_beyond_the_models_training_is_refused_before_allocating(base_gguf):
    # n_ctx = 99999999 asked llama.cpp for 293 GB and the error blamed the GGUF.
    with pytest.raises(ValueError, match=r"n_ctx 99999999 is more than .* trained for \(\d+ tokens\)"):
        LlamaBackend(base_gguf, n_ctx=99_999_999)


def test_missing_and_corrupt_adapter_and_model_errors(backend, tmp_path, base_gguf):
    with pytest.raises(AdapterError, match="not found.*bedside export-adapter"):
        backend.load_adapter("x", tmp_path / "nope.gguf")
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"GGUF" + b"\x00" * 64)
    with pytest.raises(AdapterError, match="not a readable GGUF adapter|not a LoRA adapter"):
        backend.load_adapter("x", junk)
    with pytest.raises(AdapterError, match="not a LoRA adapter"):
        backend.load_adapter("x", base_gguf)  # a model, not an adapter
    with pytest.raises(AdapterError, match="no adapter 'missing'"):
        backend.use_adapter("missing")
    truncated = tmp_path / "cut.gguf"
    truncated.write_bytes(base_gguf.read_bytes()[:2_000_000])
    with pytest.raises(ValueError, match="could not load"):
        LlamaBackend(truncated, n_ctx=512)


def test_adapter_for_another_architecture_is_refused(backend, tmp_path, adapter_gguf):
    import gguf

    reader = gguf.GGUFReader(str(adapter_gguf))
    other = tmp_path / "llama-adapter.gguf"
    writer = gguf.GGUFWriter(str(other), "llama")
    writer.add_string("general.type", "adapter")
    writer.add_string("adapter.type", "lora")
    writer.add_float32("adapter.lora.alpha", 16.0)
    tensor = reader.tensors[0]
    writer.add_tensor(tensor.name, tensor.data.copy())
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    with pytest.raises(AdapterError, match="made for 'llama' but the base model is 'gemma3'"):
        backend.load_adapter("x", other)


def test_offload_is_reported(backend):
    assert "layers offloaded" in backend.offload_report or "CPU only" in backend.offload_report
