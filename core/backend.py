"""llama-cpp-python backend: one base GGUF loaded once, LoRA adapters switched on the live context.

Adapters are loaded once through llama.cpp's adapter API (`llama_adapter_lora_init`) and swapped
with `llama_set_adapters_lora`: no model reload. Every switch resets the context's token history,
otherwise llama-cpp-python's prefix matching would reuse KV states computed under the other
adapter. Within one mode, consecutive prompts share their system-prompt prefix, and that prefix's
KV state is reused automatically.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import llama_cpp
import numpy as np
from llama_cpp import llama_cpp as lowlevel

from bedside.core.embedded import check_gguf_file
from bedside.core.generation import AdapterError, Sampling, StreamStats
from bedside.core.gguf_info import GGUFFormatError, read_gguf_info


def physical_cores() -> int:
    """Physical cores (hyper-threads share one core's compute, llama.cpp gains nothing from them)."""
    try:
        pairs = set()
        physical = core = None
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("physical id"):
                physical = line.split(":")[1].strip()
            elif line.startswith("core id"):
                core = line.split(":")[1].strip()
                pairs.add((physical, core))
        if pairs:
            return len(pairs)
    except OSError:
        pass
    return os.cpu_count() or 1


_QUIET = None


def silence_llama_logs() -> None:
    """llama.cpp logs to stderr even with verbose=False; keep only errors."""
    global _QUIET
    if _QUIET is not None:
        return

    error_level = 4  # ggml_log_level: NONE, DEBUG, INFO, WARN, ERROR

    @lowlevel.llama_log_callback
    def quiet(level, text, user_data):
        if level >= error_level and level != 5:  # 5 is CONT, a continuation of any level
            os.write(2, text)

    _QUIET = quiet  # keep a reference: llama.cpp calls it later
    lowlevel.llama_log_set(quiet, ctypes.c_void_p(0))


DEFAULT_N_CTX = 4096


def _fit_context(model_path: Path, n_ctx: int) -> int:
    """The context to ask llama.cpp for. Above what the model was trained for: the default is cut to
    fit (a model trained for 2048 tokens cannot use 4096), and a larger request is refused before
    llama.cpp tries to allocate it (n_ctx = 99999999 asked for 293 GB and the error blamed the GGUF)."""
    try:
        info = read_gguf_info(model_path)
    except GGUFFormatError:
        return n_ctx  # llama.cpp's own load reports a damaged file
    trained = info.get(f"{info.get('general.architecture', '')}.context_length")
    if not isinstance(trained, int) or n_ctx <= trained:
        return n_ctx
    if n_ctx <= DEFAULT_N_CTX:
        return trained
    raise ValueError(
        f"n_ctx {n_ctx} is more than {model_path.name} was trained for ({trained} tokens); "
        f"set n_ctx (BEDSIDE_N_CTX) to {trained} or less"
    )


class LlamaBackend:
    def __init__(
        self,
        model_path: Path,
        *,
        n_ctx: int = DEFAULT_N_CTX,
        n_threads: int = 0,
        n_gpu_layers: int = -1,
        adapters: dict[str, Path] | None = None,
    ):
        check_gguf_file(Path(model_path))
        n_ctx = _fit_context(Path(model_path), n_ctx)
        silence_llama_logs()
        self.gpu_offload = bool(lowlevel.llama_supports_gpu_offload()) and n_gpu_layers != 0
        self.n_threads = n_threads or physical_cores()
        try:
            self.llm = llama_cpp.Llama(
                model_path=str(model_path),
                n_ctx=n_ctx,
                n_threads=self.n_threads,
                n_threads_batch=self.n_threads,
                n_gpu_layers=n_gpu_layers if self.gpu_offload else 0,
                verbose=False,
            )
        except ValueError as err:  # llama-cpp-python's "Failed to load model from file"
            raise ValueError(
                f"llama.cpp could not load {model_path}: {err}; is it a complete, supported GGUF?"
            ) from err
        self.model_path = Path(model_path)
        self.architecture = self.llm.metadata.get("general.architecture", "?")
        self.n_layers = int(self.llm.metadata.get(f"{self.architecture}.block_count", 0))
        self.n_ctx = self.llm.n_ctx()
        self._adapters: dict[str, ctypes.c_void_p] = {}
        self.adapter_paths: dict[str, Path] = {}
        self.active: str | None = None
        self._lock = threading.RLock()  # a stream holds it; a switch waits for the stream to end
        self._line_ends = np.zeros(0, dtype=np.int64)
        self._line_end_scan = threading.Thread(target=self._scan_line_ends, name="line-end-scan", daemon=True)
        self._line_end_scan.start()
        for name, path in (adapters or {}).items():
            self.load_adapter(name, path)

    @property
    def offload_report(self) -> str:
        if self.gpu_offload:
            return f"GPU: all {self.n_layers} layers offloaded"
        return f"CPU only ({self.n_threads} threads); this llama.cpp build has no GPU offload"

    def chat_template_source(self) -> str | None:
        return self.llm.metadata.get("tokenizer.chat_template")

    def eos_text(self) -> str:
        return self.llm.detokenize([self.llm.token_eos()], special=True).decode("utf-8", errors="replace")

    def count_tokens(self, text: str) -> int:
        return len(self.llm.tokenize(text.encode("utf-8"), add_bos=True, special=True))

    def load_adapter(self, name: str, path: Path, prompt_format: str = "") -> None:
        """Load an adapter into slot `name`. With `prompt_format`, refuse one trained on another
        prompt layout: a silent mismatch is how adapters quietly go bad."""
        path = Path(path).expanduser()
        if not path.is_file():
            raise AdapterError(
                f"adapter '{name}' not found at {path}; convert one with `bedside export-adapter PEFT_DIR "
                f"--slot {name}` or fix adapter_{name} in the config"
            )
        try:
            meta = read_gguf_info(path).metadata
        except GGUFFormatError as err:
            raise AdapterError(f"{path} is not a readable GGUF adapter ({err}); re-export it") from err
        if meta.get("general.type") != "adapter" or meta.get("adapter.type") != "lora":
            raise AdapterError(f"{path} is not a LoRA adapter GGUF (general.type={meta.get('general.type')!r})")
        recorded = meta.get("bedside.prompt_format")
        if prompt_format and recorded != prompt_format:
            trained = (
                f"prompt format {recorded!r}" if recorded else "a prompt format it does not record (an older Bedside)"
            )
            raise AdapterError(
                f"adapter {path.name} was trained on {trained}, but this Bedside prompts the model as "
                f"{prompt_format!r}: its answers would quietly go bad. Retrain it with `bedside train --mode {name}`, "
                f"or re-export a PEFT adapter that was trained on {prompt_format!r} with `bedside export-adapter "
                f"PEFT_DIR --slot {name} --prompt-format {prompt_format}`"
            )
        if meta.get("general.architecture") != self.architecture:
            raise AdapterError(
                f"adapter {path.name} was made for {meta.get('general.architecture')!r} but the base model is "
                f"{self.architecture!r}; use an adapter trained on this base"
            )
        pointer = lowlevel.llama_adapter_lora_init(self.llm.model, str(path).encode("utf-8"))
        if not pointer:
            raise AdapterError(f"llama.cpp refused the adapter {path} (tensor shapes do not match the base model?)")
        self._adapters[name] = pointer
        self.adapter_paths[name] = path

    def use_adapter(self, name: str | None) -> float:
        """Switch the live context to adapter `name` (None: base weights). Returns seconds taken."""
        if name == self.active:
            return 0.0
        if name is not None and name not in self._adapters:
            raise AdapterError(f"no adapter '{name}' is loaded")
        started = time.perf_counter()
        with self._lock:
            if name is None:
                lowlevel.llama_set_adapters_lora(self.llm.ctx, None, 0, None)
            else:
                adapters = (lowlevel.llama_adapter_lora_p_ctypes * 1)(self._adapters[name])
                scales = (ctypes.c_float * 1)(1.0)
                lowlevel.llama_set_adapters_lora(self.llm.ctx, adapters, 1, scales)
            # Forget the evaluated tokens: the next prompt is evaluated from scratch under new weights.
            self.llm.reset()
            self.active = name
        return time.perf_counter() - started

    def _reuse_stable_prefix(self, tokens: list[int], stable: int) -> None:
        """Keep (or compute, alone) the KV state of the prompt's stable prefix and nothing else.

        llama-cpp-python would otherwise reuse the longest cached prefix, and re-evaluate a prompt's
        last token on its own: batched and single-token evaluation differ in float rounding, which
        flips greedy choices between near-tied tokens. Evaluating the prefix alone, once, and the
        rest always as one batch from the same position makes greedy output reproducible while
        the system prompt is still never re-evaluated within a mode.
        """
        cached = list(self.llm.input_ids[: self.llm.n_tokens])
        if stable and cached[:stable] == tokens[:stable]:
            self.llm.n_tokens = stable  # generate() drops the KV cells after it
            return
        self.llm.reset()
        if stable:
            self.llm.eval(tokens[:stable])

    def _scan_line_ends(self) -> None:
        """Every token that ends generation or holds a new line, found once per model (0.7 s over
        Gemma's 262k tokens, so it runs in the background from load). Tokens are read as the
        vocabulary stores them: a new line is "\n", "Ċ" (byte-level BPE) or "<0x0A>" (SentencePiece
        byte fallback)."""
        vocab = lowlevel.llama_model_get_vocab(self.llm.model)
        marks = (b"\n", "Ċ".encode(), b"<0x0A>")
        found = []
        for token in range(self.llm.n_vocab()):
            text = lowlevel.llama_vocab_get_text(vocab, token) or b""
            if lowlevel.llama_vocab_is_eog(vocab, token) or any(mark in text for mark in marks):
                found.append(token)
        self._line_ends = np.asarray(found, dtype=np.int64)

    def _no_stop_before(self, prompt_tokens: int, sampling: Sampling, stops: tuple[str, ...]):
        """A logits processor that bans, until `sampling.min_tokens` tokens are generated, every
        end-of-generation token, every token holding a new line, and the control tokens a stop is
        made of ("<end_of_turn>"): the ways an answer can end before it starts."""
        self._line_end_scan.join()
        vocab = lowlevel.llama_model_get_vocab(self.llm.model)
        control = {
            token
            for stop in stops
            for token in self.llm.tokenize(stop.encode("utf-8"), add_bos=False, special=True)
            if lowlevel.llama_vocab_is_control(vocab, token)
        }
        banned_ids = np.union1d(self._line_ends, np.fromiter(control, dtype=np.int64))
        until = prompt_tokens + sampling.min_tokens

        def processor(input_ids, scores):
            if len(input_ids) < until:
                scores = scores.copy()
                scores[banned_ids] = -np.inf
            return scores

        return processor

    def stream(
        self,
        prompt: str,
        sampling: Sampling,
        stops: tuple[str, ...],
        cancel: threading.Event | None = None,
        stats: StreamStats | None = None,
        stable_chars: int = 0,
    ) -> Iterator[str]:
        """Yield text pieces as they are generated; stop early when `cancel` is set.
        `prompt[:stable_chars]` is the part every prompt of this mode shares (see above)."""
        stats = stats if stats is not None else StreamStats()
        started = time.perf_counter()
        tokens = self.llm.tokenize(prompt.encode("utf-8"), add_bos=True, special=True)
        stats.prompt_tokens = len(tokens)
        with self._lock:
            stable = 0
            if stable_chars:
                head = self.llm.tokenize(prompt[:stable_chars].encode("utf-8"), add_bos=True, special=True)
                while stable < min(len(head), len(tokens) - 1) and head[stable] == tokens[stable]:
                    stable += 1
            self._reuse_stable_prefix(tokens, stable)
            processors = None
            if sampling.min_tokens > 0:
                processors = llama_cpp.LogitsProcessorList([self._no_stop_before(len(tokens), sampling, stops)])
            # The token list, not the text: it is tokenised already (BOS included, so none is added).
            chunks = self.llm.create_completion(
                tokens,
                max_tokens=sampling.max_tokens,
                temperature=sampling.temperature,
                top_p=sampling.top_p,
                repeat_penalty=sampling.repeat_penalty,
                min_p=sampling.min_p,
                seed=sampling.seed,
                stop=list(stops),
                stream=True,
                logits_processor=processors,
            )
            pieces: list[str] = []
            try:
                for chunk in chunks:
                    choice = chunk["choices"][0]
                    if choice.get("finish_reason"):
                        stats.stop_reason = choice["finish_reason"]
                    text = choice["text"]
                    if not text:
                        continue
                    if not pieces:
                        stats.ttft_s = time.perf_counter() - started
                    pieces.append(text)
                    yield text
                    if cancel is not None and cancel.is_set():
                        stats.cancelled = True
                        stats.stop_reason = "cancelled"
                        break
            finally:
                chunks.close()
                stats.total_s = time.perf_counter() - started
                # Chunks are not tokens (stop-sequence buffering merges them): count the real tokens.
                text = "".join(pieces)
                stats.completion_tokens = len(self.llm.tokenize(text.encode("utf-8"), add_bos=False)) if text else 0

    def close(self) -> None:
        self._line_end_scan.join()  # it reads the vocabulary: let it finish before the model is freed
        # Adapters are freed together with their model by llama.cpp.
        self.use_adapter(None)
        self._adapters.clear()
        self.llm.close()
