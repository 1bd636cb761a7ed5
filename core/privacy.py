"""The data home is private: chats, the index of the user's own dialogues and training runs are
nobody else's business on a shared machine (history.db was created 0644 in a 0755 home).

Owner-only folders keep every file below them private, so only Bedside's own folders are checked
(cheap on every start): the home when it is Bedside's (created by it, or named "bedside"), and its
models, index and runs folders. Nothing else is touched: BEDSIDE_HOME may point at a folder the
user shares for other reasons, and what Bedside writes elsewhere (an exported GGUF, an eval --out
folder, a shared Hugging Face cache) keeps the user's own permissions.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_DIR = 0o700
OWN_FOLDERS = ("models", "index", "runs", "exports")


def secure_home(home: Path) -> list[str]:
    """Create the home owner-only, and tighten Bedside's folders when others can read them. Returns
    one notice per folder tightened, or that could not be (a file system without permissions)."""
    home = Path(home)
    created = not home.exists()
    home.parent.mkdir(parents=True, exist_ok=True)  # the parents keep the user's usual permissions
    home.mkdir(exist_ok=True, mode=PRIVATE_DIR)
    ours = created or home.name.lower() == "bedside"
    for name in OWN_FOLDERS:
        (home / name).mkdir(exist_ok=True, mode=PRIVATE_DIR)  # before any library creates it 755
    # Bedside's own folders are tightened quietly (a library may have made them 755); the home
    # itself, which the user may have seen readable, with a note.
    notices = _tighten(home) if ours else []
    for name in OWN_FOLDERS:
        notices += [n for n in _tighten(home / name) if n.startswith("could not")]
    return notices


def _tighten(folder: Path) -> list[str]:
    """Make one folder owner-only when others can read it; what was done, as a notice."""
    try:
        status = folder.stat()
        mode = stat.S_IMODE(status.st_mode)
        if not mode & 0o077 or status.st_uid != os.getuid():
            return []  # already private, or not ours to change
        folder.chmod(mode & ~0o077 | PRIVATE_DIR)
        if stat.S_IMODE(folder.stat().st_mode) & 0o077:
            return [f"could not make {folder} private: this file system ignores permissions"]
        return [f"made {folder} private (was {mode:o}, now 700): other users could read it"]
    except OSError:
        return []  # not ours to change; reading it still works


def write_private(path: Path, text: str) -> None:
    """Write a text file only its owner can read (a chat export holds the whole conversation)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(path, 0o600)  # an older export made readable by others is tightened too
