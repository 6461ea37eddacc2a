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


def macho_thin(magic: int, cpu_type: int, big: bool) -> bytes:
    """A single-architecture Mach-O header."""
    return struct.pack(">Iii" if big else "<Iii", magic, cpu_type, 3) + bytes(20)


def macho_fat(cpu_types: list[int], wide: bool = False) -> bytes:
    """A universal Mach-O header holding one slice per CPU type."""
    header = struct.pack(">II", 0xCAFEBABF if wide else 0xCAFEBABE, len(cpu_types))
    for index, cpu in enumerate(cpu_types):
        if wide:
            header += struct.pack(">iiQQII", cpu, 0, 4096 * (index + 1), 64, 12, 0)
        else:
            header += struct.pack(">iiIII", cpu, 0, 4096 * (index + 1), 64, 12)
    return header
