"""The data home is private: chats, the index of the user's own dialogues and training runs are
nobody else's business on a shared machine (history.db was created 0644 in a 0755 home).

Owner-only folders are enough to keep every file below them private, so only the home and its
first-level folders are checked (cheap on every start); new files get a private umask as well.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_UMASK = 0o077


def secure_home(home: Path) -> list[str]:
    """Create the home owner-only, tighten it and its folders when others can read them, and set a
    private umask for this process. Returns one notice per folder tightened."""
    os.umask(PRIVATE_UMASK)
    notices = []
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    for folder in (home, *sorted(p for p in home.iterdir() if p.is_dir() and not p.is_symlink())):
        try:
            mode = stat.S_IMODE(folder.stat().st_mode)
            if mode & 0o077 and folder.stat().st_uid == os.getuid():
                folder.chmod(mode & ~0o077 | 0o700)
                notices.append(f"made {folder} private (was {mode:o}, now 700): other users could read it")
        except OSError:
            pass  # not ours to change; reading it still works
    return notices
