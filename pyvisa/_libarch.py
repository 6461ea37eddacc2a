"""Architecture of shared libraries, read from their PE, ELF or Mach-O headers.

This private module holds the implementation; the public names are re-exported by
:mod:`pyvisa.util`. Only the first bytes of the file are read and nothing is executed,
so the library does not need to be loadable by the current interpreter.
"""

from __future__ import annotations

import enum
import struct
from typing import BinaryIO

#: How many bytes are read to find the headers (PE may need a second read).
_HEAD_SIZE = 4096


class PEMachineType(enum.IntEnum):
    """Machine types of the Portable Executable (PE/COFF) format."""

    UNKNOWN = 0x0
    AM33 = 0x1D3
    AMD64 = 0x8664
    ARM = 0x1C0
    ARMNT = 0x1C4
    ARM64 = 0xAA64
    EBC = 0xEBC
    I386 = 0x14C
    IA64 = 0x200
    M32R = 0x9041
    MIPS16 = 0x266
    MIPSFPU = 0x366
    MIPSFPU16 = 0x466
    POWERPC = 0x1F0
    POWERPCFP = 0x1F1
    R4000 = 0x166
    SH3 = 0x1A2
    SH3DSP = 0x1A3
    SH4 = 0x1A6
    SH5 = 0x1A8
    THUMB = 0x1C2
    WCEMIPSV2 = 0x169


# Architecture names shared by the three formats.
_PE_NAMES = {
    PEMachineType.I386: "x86",
    PEMachineType.AMD64: "x86_64",
    PEMachineType.ARM: "arm",
    PEMachineType.ARMNT: "arm",
    PEMachineType.THUMB: "arm",
    PEMachineType.ARM64: "arm64",
    PEMachineType.IA64: "ia64",
    PEMachineType.POWERPC: "ppc",
    PEMachineType.POWERPCFP: "ppc",
}
_PE_64BIT_MACHINES = frozenset({PEMachineType.AMD64, PEMachineType.ARM64, PEMachineType.IA64})
_PE32_MAGIC = 0x10B
_PE32_PLUS_MAGIC = 0x20B

_ELF_MACHINES = {
    2: "sparc",
    3: "x86",
    4: "m68k",
    8: "mips",
    20: "ppc",
    21: "ppc64",
    22: "s390",
    40: "arm",
    43: "sparc64",
    50: "ia64",
    62: "x86_64",
    183: "arm64",
    243: "riscv",
    258: "loongarch",
}
_ELF_CLASS_BITS = {1: 32, 2: 64}
_ELF_BYTE_ORDERS = {1: "<", 2: ">"}

_CPU_ARCH_ABI64 = 0x01000000
_CPU_ARCH_ABI64_32 = 0x02000000
_MACHO_CPU_NAMES = {
    6: "m68k",
    7: "x86",
    7 | _CPU_ARCH_ABI64: "x86_64",
    12: "arm",
    12 | _CPU_ARCH_ABI64: "arm64",
    12 | _CPU_ARCH_ABI64_32: "arm64_32",
    14: "sparc",
    18: "ppc",
    18 | _CPU_ARCH_ABI64: "ppc64",
}
_MACHO_THIN_MAGICS = {
    b"\xfe\xed\xfa\xce": (">", 32),
    b"\xce\xfa\xed\xfe": ("<", 32),
    b"\xfe\xed\xfa\xcf": (">", 64),
    b"\xcf\xfa\xed\xfe": ("<", 64),
}
#: Fat (universal) headers are big endian; the value is the size of one slice entry.
_MACHO_FAT_MAGICS = {b"\xca\xfe\xba\xbe": 20, b"\xca\xfe\xba\xbf": 32}
#: Java class files share the fat magic; their "slice count" (a version) is far larger.
_MACHO_MAX_SLICES = 30


def _unpack(fmt: str, data: bytes, offset: int, filename: str, what: str) -> tuple[int, ...]:
    """Unpack header fields, reporting a truncated file clearly."""
    try:
        return struct.unpack_from(fmt, data, offset)
    except struct.error:
        raise ValueError(
            f"{filename}: the {what} is truncated (file of {len(data)} bytes read)"
        ) from None


def _read_pe(head: bytes, handle: BinaryIO, filename: str) -> list[tuple[str, int]]:
    (pe_offset,) = _unpack("<I", head, 0x3C, filename, "DOS header")
    data = head
    if pe_offset + 26 > len(head):
        handle.seek(pe_offset)
        data = handle.read(26)
        pe_offset = 0
    if data[pe_offset : pe_offset + 4] != b"PE\0\0":
        raise ValueError(f"{filename}: MZ file without a PE signature (not a Windows library)")
    machine, optional_size = _unpack("<H14xH", data, pe_offset + 4, filename, "COFF header")
    try:
        machine_type = PEMachineType(machine)
    except ValueError:
        name = f"unknown PE machine 0x{machine:04x}"
    else:
        name = _PE_NAMES.get(machine_type, machine_type.name.lower())
    bits = 64 if machine in _PE_64BIT_MACHINES else 32
    if optional_size >= 2 and len(data) >= pe_offset + 26:
        (magic,) = _unpack("<H", data, pe_offset + 24, filename, "optional header")
        bits = {_PE32_MAGIC: 32, _PE32_PLUS_MAGIC: 64}.get(magic, bits)
    return [(name, bits)]


def _read_elf(head: bytes, filename: str) -> list[tuple[str, int]]:
    elf_class, byte_order = _unpack("4xBB", head, 0, filename, "ELF identification")
    if elf_class not in _ELF_CLASS_BITS or byte_order not in _ELF_BYTE_ORDERS:
        raise ValueError(f"{filename}: invalid ELF class {elf_class} or data encoding {byte_order}")
    (machine,) = _unpack(_ELF_BYTE_ORDERS[byte_order] + "H", head, 18, filename, "ELF header")
    name = _ELF_MACHINES.get(machine, f"unknown ELF machine {machine}")
    return [(name, _ELF_CLASS_BITS[elf_class])]


def _macho_name(cpu_type: int) -> str:
    return _MACHO_CPU_NAMES.get(cpu_type, f"unknown Mach-O CPU 0x{cpu_type:x}")


def _read_macho_fat(head: bytes, entry_size: int, filename: str) -> list[tuple[str, int]]:
    (count,) = _unpack(">I", head, 4, filename, "Mach-O universal header")
    if not 0 < count <= _MACHO_MAX_SLICES:
        raise ValueError(
            f"{filename}: not a Mach-O universal library ({count} architectures declared)"
        )
    slices = []
    for index in range(count):
        (cpu_type,) = _unpack(
            ">i", head, 8 + index * entry_size, filename, "Mach-O universal header"
        )
        bits = 64 if cpu_type & _CPU_ARCH_ABI64 else 32
        slices.append((_macho_name(cpu_type), bits))
    return slices


def _read_macho_thin(
    head: bytes, byte_order: str, bits: int, filename: str
) -> list[tuple[str, int]]:
    (cpu_type,) = _unpack(byte_order + "i", head, 4, filename, "Mach-O header")
    return [(_macho_name(cpu_type), bits)]


def _read_slices(filename: str) -> list[tuple[str, int]]:
    """Return (architecture name, bitness) for each image in a shared library."""
    with open(filename, "rb") as handle:
        head = handle.read(_HEAD_SIZE)
        magic = head[:4]
        if magic[:2] == b"MZ":
            return _read_pe(head, handle, filename)
    if magic == b"\x7fELF":
        return _read_elf(head, filename)
    if magic in _MACHO_THIN_MAGICS:
        return _read_macho_thin(head, *_MACHO_THIN_MAGICS[magic], filename)
    if magic in _MACHO_FAT_MAGICS:
        return _read_macho_fat(head, _MACHO_FAT_MAGICS[magic], filename)
    raise ValueError(
        f"{filename} is not a PE, ELF or Mach-O shared library (it starts with {head[:8]!r})"
    )


def get_shared_library_arch(filename: str) -> tuple[str, ...]:
    """Get the architectures of a shared library from its headers.

    Windows (PE), Linux (ELF) and macOS (Mach-O, including universal libraries) files
    are understood.

    Parameters
    ----------
    filename : str
        Path to the shared library.

    Returns
    -------
    tuple[str, ...]
        Name of the architecture of each image in the file: "x86", "x86_64", "arm",
        "arm64", "ppc", "ppc64", "ia64"... (several only for universal libraries).

    Raises
    ------
    OSError
        If the file cannot be read.
    ValueError
        If the file is not a library in one of the known formats, or is truncated.

    """
    return tuple(name for name, _ in _read_slices(filename))


def get_arch(filename: str) -> tuple[int, ...]:
    """Get the bitness of the images of a shared library.

    Parameters
    ----------
    filename : str
        Path to the shared library.

    Returns
    -------
    tuple[int, ...]
        The distinct bitnesses, in increasing order: (32,), (64,) or (32, 64) for a
        universal library holding both.

    Raises
    ------
    OSError
        If the file cannot be read.
    ValueError
        If the file is not a library in one of the known formats, or is truncated.

    """
    return tuple(sorted({bits for _, bits in _read_slices(filename)}))
