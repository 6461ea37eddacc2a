"""Bitness of shared libraries, read from the first bytes of their PE, ELF or Mach-O file.

A leaf module (it imports nothing of the package): :mod:`pyvisa.errors` uses it to tell
the bitness of a library that could not be loaded, :mod:`pyvisa._libarch` reads the
architectures with its shared tables. Nothing is executed and only the start of the file
is read, so the library does not need to be loadable by the current interpreter.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO

#: Bytes read from the start of a file: enough for every header looked at.
_HEAD_SIZE = 4096

_CPU_ARCH_ABI64 = 0x01000000
#: Magic numbers of universal ("fat") Mach-O files, 32 and 64 bit offsets.
_FAT_MAGICS = (b"\xca\xfe\xba\xbe", b"\xca\xfe\xba\xbf")
#: Java class files share the fat magic; their "slice count" (a version) is far larger.
_MACHO_MAX_SLICES = 30

_ELF_CLASS_BITS = {1: 32, 2: 64}
_PE32_MAGIC = 0x10B
_PE32_PLUS_MAGIC = 0x20B
_PE_64BIT_MACHINES = frozenset({0x8664, 0xAA64, 0x200})
_MACHO_THIN_BITS = {
    b"\xfe\xed\xfa\xce": 32,
    b"\xce\xfa\xed\xfe": 32,
    b"\xfe\xed\xfa\xcf": 64,
    b"\xcf\xfa\xed\xfe": 64,
}


def _read_head(filename: str | Path) -> bytes | None:
    """The first :data:`_HEAD_SIZE` bytes of a file, None when it cannot be read."""
    try:
        with open(filename, "rb") as handle:
            return handle.read(_HEAD_SIZE)
    except OSError:
        return None


def _bitnesses(filename: str | Path) -> tuple[int, ...]:
    """Distinct bitnesses of the images of a PE, ELF or Mach-O file, () when unknown."""
    try:
        with open(filename, "rb") as handle:
            head = handle.read(_HEAD_SIZE)
            if head[:2] == b"MZ":
                return _pe_bitness(head, handle)
    except (OSError, struct.error):
        return ()
    magic = head[:4]
    if magic == b"\x7fELF" and len(head) > 4 and head[4] in _ELF_CLASS_BITS:
        return (_ELF_CLASS_BITS[head[4]],)
    if magic in _MACHO_THIN_BITS:
        return (_MACHO_THIN_BITS[magic],)
    if magic in _FAT_MAGICS and len(head) >= 8:
        entry_size = 32 if magic[3] == 0xBF else 20
        (count,) = struct.unpack_from(">I", head, 4)
        if not 0 < count <= _MACHO_MAX_SLICES or len(head) < 8 + count * entry_size:
            return ()
        cpus = [struct.unpack_from(">i", head, 8 + i * entry_size)[0] for i in range(count)]
        return tuple(sorted({64 if cpu & _CPU_ARCH_ABI64 else 32 for cpu in cpus}))
    return ()


def _pe_bitness(head: bytes, handle: BinaryIO) -> tuple[int, ...]:
    """Bitness of a PE image: from its optional header's magic, else from its machine."""
    (pe_offset,) = struct.unpack_from("<I", head, 0x3C)
    handle.seek(pe_offset)
    data = handle.read(26)
    if data[:4] != b"PE\0\0" or len(data) < 6:
        return ()
    machine, optional_size = struct.unpack_from("<H14xH", data.ljust(24, b"\0"), 4)
    bits = 64 if machine in _PE_64BIT_MACHINES else 32
    if optional_size >= 2 and len(data) >= 26:
        (magic,) = struct.unpack_from("<H", data, 24)
        bits = {_PE32_MAGIC: 32, _PE32_PLUS_MAGIC: 64}.get(magic, bits)
    return (bits,)


def _bitness_text(filename: str | Path) -> str:
    """Bitness of a library as text: "32", "64", "32, 64" (universal) or "n/a" (unknown)."""
    bits = _bitnesses(filename)
    return ", ".join(map(str, bits)) if bits else "n/a"
