"""Bedside: a local-first, offline medical chat assistant (RAG, fine-tuned and hybrid modes)."""

import os

# Offline by default, before any Hugging Face library is imported: nothing may reach a hub unless
# the user explicitly asks for a hub dataset (see bedside.index.sources.load_hub_dataset).
for _name in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE", "TRANSFORMERS_OFFLINE"):
    os.environ.setdefault(_name, "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("DO_NOT_TRACK", "1")
# onnxruntime (under fastembed) sends usage events to Microsoft unless this is set before it loads;
# onnxruntime.disable_telemetry_events() after loading does not stop the lookups.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

__version__ = "0.1.0"
