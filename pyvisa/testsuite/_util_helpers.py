"""Builders of shared library headers (ELF, PE, Mach-O) for the architecture tests."""

from __future__ import annotations

import struct


def elf(bits: int, big: bool, machine: int) -> bytes:
    """An ELF header of the given class, byte order and machine."""
    ident = b"\x7fELF" + bytes([1 if bits == 32 else 2, 2 if big else 1, 1]) + bytes(9)
    return ident + struct.pack(">HH" if big else "<HH", 3, machine) + bytes(40)


def pe(machine: int, optional_magic: int | None, pe_offset: int = 0x80) -> bytes:
    """A DOS stub, PE signature, COFF header and (optionally) the optional header magic."""
    dos = bytearray(pe_offset)
    dos[:2] = b"MZ"
    dos[0x3C:0x40] = struct.pack("<I", pe_offset)
    optional = b"" if optional_magic is None else struct.pack("<H", optional_magic) + bytes(222)
    coff = struct.pack("<HHIIIHH", machine, 1, 0, 0, 0, len(optional), 0x2022)
    return bytes(dos) + b"PE\0\0" + coff + optional


def macho_thin(magic: int, cpu_type: int, big: bool, filetype: int = 0) -> bytes:
    """A single-architecture Mach-O header (filetype 2 is an executable, 6 a dylib)."""
    return struct.pack(">IiiI" if big else "<IiiI", magic, cpu_type, 3, filetype) + bytes(16)


def macho_fat(cpu_types: list[int], wide: bool = False) -> bytes:
    """A universal Mach-O header holding one slice per CPU type."""
    header = struct.pack(">II", 0xCAFEBABF if wide else 0xCAFEBABE, len(cpu_types))
    for index, cpu in enumerate(cpu_types):
        if wide:
            header += struct.pack(">iiQQII", cpu, 0, 4096 * (index + 1), 64, 12, 0)
        else:
            header += struct.pack(">iiIII", cpu, 0, 4096 * (index + 1), 64, 12)
    return header


def macho_fat_file(slices: list[tuple[int, int]]) -> bytes:
    """A universal Mach-O file whose slices (cpu type, filetype) have their own headers."""
    data = bytearray(macho_fat([cpu for cpu, _ in slices]))
    for index, (cpu, filetype) in enumerate(slices):
        offset = 4096 * (index + 1)
        data.extend(bytes(offset - len(data)))
        magic = 0xFEEDFACF if cpu & 0x01000000 else 0xFEEDFACE
        data.extend(macho_thin(magic, cpu, False, filetype))
    return bytes(data)
