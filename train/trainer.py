"""TRL SFTTrainer set up for one run: the same trainer on both devices; only the model differs
(train/cpu.py: fp32 + PEFT LoRA; train/cuda.py: Unsloth 4-bit QLoRA).

On the CPU the loss is computed on answer tokens only *before* the vocabulary projection: Gemma's
262k-word output layer is the costliest matrix in the model, and the prompt positions (most of a
RAFT example) have no label, so their logits are never computed. Measured: 74 -> 114 tokens/s on
2 cores for 256-token FT examples (more on longer RAFT prompts). The loss value is the same mean
cross-entropy over answer tokens as the standard path.
"""

from __future__ import annotations

from pathlib import Path

import torch
from transformers import PrinterCallback
from trl import SFTConfig, SFTTrainer
from trl.trainer.sft_trainer import DataCollatorForLanguageModeling

from bedside.train.config import TrainConfig
from bedside.train.tokens import IGNORE


class AnswerOnlyLossTrainer(SFTTrainer):
    loss_is_scaled_for_ga = False  # a per-micro-batch mean; the Trainer divides by grad_accum

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        causal_lm = model.get_base_model() if hasattr(model, "get_base_model") else model
        hidden = causal_lm.model(input_ids=inputs["input_ids"], attention_mask=inputs.get("attention_mask"))
        hidden = hidden.last_hidden_state[:, :-1]
        labels = inputs["labels"][:, 1:]
        keep = labels != IGNORE
        logits = causal_lm.lm_head(hidden[keep])
        softcap = getattr(causal_lm.config, "final_logit_softcapping", None)
        if softcap:
            logits = torch.tanh(logits / softcap) * softcap
        loss = torch.nn.functional.cross_entropy(logits.float(), labels[keep])
        return (loss, {"loss": loss}) if return_outputs else loss


def sft_config(cfg: TrainConfig, output_dir: Path, has_validation: bool) -> SFTConfig:
    return SFTConfig(
        output_dir=str(output_dir),
        num_train_epochs=cfg.epochs,
        max_steps=cfg.max_steps,
        learning_rate=cfg.lr,
        per_device_train_batch_size=cfg.batch,
        per_device_eval_batch_size=cfg.batch,
        gradient_accumulation_steps=cfg.grad_accum,
        warmup_steps=cfg.warmup,
        lr_scheduler_type="cosine",
        # Batches of similar lengths: padding is compute thrown away (RAFT prompts vary by ~2x).
        train_sampling_strategy="group_by_length",
        weight_decay=0.0,
        max_length=cfg.seq_len,
        logging_steps=1,
        include_num_input_tokens_seen="non_padding",  # tokens/s for the progress bar and metrics.csv
        eval_strategy="steps" if has_validation else "no",
        eval_steps=cfg.eval_steps,
        save_strategy="steps",
        save_steps=cfg.save_steps,
        save_total_limit=2,
        prediction_loss_only=True,
        report_to="none",
        disable_tqdm=True,
        seed=cfg.seed,
        data_seed=cfg.seed,
        use_cpu=cfg.device == "cpu",
        bf16=cfg.device == "cuda" and torch.cuda.is_available() and torch.cuda.is_bf16_supported(),
        fp16=cfg.device == "cuda" and torch.cuda.is_available() and not torch.cuda.is_bf16_supported(),
        optim="adamw_8bit" if cfg.device == "cuda" else "adamw_torch",
        dataloader_num_workers=0,
        remove_unused_columns=False,
        dataset_kwargs={"skip_prepare_dataset": True},  # already tokenized, labels masked (train/tokens.py)
    )


def build_trainer(model, tokenizer, train_set, eval_set, cfg: TrainConfig, output_dir: Path, callbacks):
    collator = DataCollatorForLanguageModeling(pad_token_id=tokenizer.pad_token_id or 0)
    trainer_cls = AnswerOnlyLossTrainer if cfg.device == "cpu" else SFTTrainer
    trainer = trainer_cls(
        model=model,
        args=sft_config(cfg, output_dir, eval_set is not None),
        train_dataset=train_set,
        eval_dataset=eval_set,
        processing_class=tokenizer,
        data_collator=collator,
        callbacks=callbacks,
    )
    trainer.remove_callback(PrinterCallback)  # progress and metrics have their own callbacks
    return trainer
