"""Read a GGUF file's metadata and tensor shapes without loading it.

gguf.GGUFReader builds Python objects for every field, including a model's whole vocabulary
(262k strings for Gemma 3: ~15 s). This reader walks the header with struct over a memory map and
skips arrays, which takes milliseconds; it returns scalar and string values, and tensor shapes.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass, field
from pathlib import Path

MAGIC = b"GGUF"
# GGUF value types -> struct format of a scalar (8: string, 9: array are handled apart).
SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
STRING, ARRAY = 8, 9
DEFAULT_ALIGNMENT = 32  # GGUF's, unless general.alignment says otherwise


class GGUFFormatError(ValueError):
    """Not a GGUF file, or a damaged one."""


@dataclass(frozen=True)
class GGUFInfo:
    version: int
    metadata: dict[str, object]  # arrays are left out
    tensors: dict[str, tuple[int, ...]]  # name -> shape in GGUF order (ne0 = input features first)
    # name -> (ggml type, absolute byte offset of its data in the file)
    layout: dict[str, tuple[int, int]] = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.metadata.get(key, default)


def read_gguf_info(path: Path) -> GGUFInfo:
    try:
        with Path(path).open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return _parse(data)
    except (struct.error, IndexError, UnicodeDecodeError, ValueError) as err:
        if isinstance(err, GGUFFormatError):
            raise
        raise GGUFFormatError(f"{path} is damaged or truncated: {err}") from err


def _parse(data) -> GGUFInfo:
    if data[:4] != MAGIC:
        raise GGUFFormatError("no GGUF header")
    version, n_tensors, n_kv = struct.unpack_from("<IQQ", data, 4)
    offset = 24

    def read(fmt: str):
        nonlocal offset
        values = struct.unpack_from("<" + fmt, data, offset)
        offset += struct.calcsize("<" + fmt)
        return values[0] if len(values) == 1 else values

    def read_string() -> str:
        nonlocal offset
        length = read("Q")
        text = bytes(data[offset : offset + length]).decode("utf-8")
        offset += length
        return text

    def skip(kind: int, count: int = 1) -> None:
        nonlocal offset
        if kind == STRING:
            for _ in range(count):
                length = read("Q")  # advances past the length prefix; then skip the bytes
                offset += length
        elif kind in SCALARS:
            offset += struct.calcsize("<" + SCALARS[kind]) * count
        else:
            raise GGUFFormatError(f"unknown value type {kind}")

    metadata: dict[str, object] = {}
    for _ in range(n_kv):
        key = read_string()
        kind = read("I")
        if kind == STRING:
            metadata[key] = read_string()
        elif kind == ARRAY:
            element, count = read("I"), read("Q")
            if element == ARRAY:
                raise GGUFFormatError(f"{key}: nested arrays are not supported")
            skip(element, count)
        elif kind in SCALARS:
            metadata[key] = read(SCALARS[kind])
        else:
            raise GGUFFormatError(f"{key}: unknown value type {kind}")

    tensors: dict[str, tuple[int, ...]] = {}
    placed: dict[str, tuple[int, int]] = {}
    for _ in range(n_tensors):
        name = read_string()
        dims = read("I")
        shape = tuple(read("Q") for _ in range(dims))
        kind = read("I")  # ggml type
        placed[name] = (kind, read("Q"))  # offset from the start of the data section
        tensors[name] = shape
    alignment = int(metadata.get("general.alignment", DEFAULT_ALIGNMENT))
    data_start = -(-offset // alignment) * alignment
    layout = {name: (kind, data_start + relative) for name, (kind, relative) in placed.items()}
    return GGUFInfo(version, metadata, tensors, layout)
