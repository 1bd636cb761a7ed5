"""Training: data builders, trainer (Unsloth on CUDA, TRL + PEFT on CPU), adapter export."""
