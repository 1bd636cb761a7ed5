"""`--debug-prompts FILE`: every prompt the engine sends to the model, appended to FILE.

For seeing what the model is really given (a follow-up's earlier turns carry only the model's own
words, never the advice or disclaimer shown around them). Off unless asked for; the file is
owner-only, since prompts hold the user's health questions.
"""

from __future__ import annotations

import os
import sys
import time

ENV = "BEDSIDE_DEBUG_PROMPTS"  # set by the CLI flag; inherited by anything the process starts


def log_prompt(mode: str, text: str) -> None:
    path = os.environ.get(ENV)
    if not path:
        return
    header = f"===== prompt, mode {mode}, {time.strftime('%H:%M:%S')} =====\n"
    try:
        # No following a link planted at the path; a file that was readable by others is tightened.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
            handle.write(f"{header}{text}\n===== end of prompt =====\n\n")
    except OSError as error:
        # A debugging aid must never cost the user an answer: say it once, then stop logging.
        os.environ.pop(ENV, None)
        print(f"--debug-prompts: cannot write {path} ({error}); prompts are not logged", file=sys.stderr)
