"""Architecture of shared libraries, read from their PE, ELF or Mach-O headers.

This private module holds the implementation; the public names are re-exported by
:mod:`pyvisa.util`. Only the first bytes of the file are read and nothing is executed,
so the library does not need to be loadable by the current interpreter.

:func:`get_arch` gives the architectures PyVISA 1.16.2 reports. That version asks the
``file`` command on Linux and macOS; the headers are read here instead, and the results
are the ones ``file`` leads to: on Linux the ELF (or PE) machine is one of i386, x86-64
and aarch64, on macOS only executables (not dynamic libraries or bundles) are reported.

The bitness of a library, whatever the platform, and the header tables it shares with
this module are read by :mod:`pyvisa._libheaders`, a leaf module that
:mod:`pyvisa.errors` can import.
"""

from __future__ import annotations

import enum
import struct
import sys
from pathlib import Path
from typing import BinaryIO

from . import errors
from ._exports import public_at
from ._libheaders import _CPU_ARCH_ABI64, _FAT_MAGICS, _HEAD_SIZE, _MACHO_MAX_SLICES, _read_head

# pyvisa.diagnostics and pyvisa.ctwrapper.highlevel import these two from here.
from ._logging import logger


class ArchitectureType(enum.Enum):
    """Instruction set and bitness of a binary (or of the running interpreter)."""

    #: 32 bit x86.
    I386 = ("x86", 32)
    #: 64 bit x86.
    X86_64 = ("x86", 64)
    #: 64 bit ARM.
    AARCH64 = ("arm", 64)

    @classmethod
    def from_platform_machine(cls, machine: str) -> ArchitectureType | None:
        """Convert the machine name of ``platform.machine()`` to an architecture.

        Parameters
        ----------
        machine : str
            Machine name: "i386", "i686", "x86_64", "amd64", "arm64" or "aarch64" (in any
            case, Windows says "AMD64").

        Returns
        -------
        ArchitectureType | None
            The architecture, None for any other machine.

        """
        return _MACHINES.get(machine.lower())


_MACHINES = {
    "i386": ArchitectureType.I386,
    "i686": ArchitectureType.I386,
    "x86_64": ArchitectureType.X86_64,
    "amd64": ArchitectureType.X86_64,
    "arm64": ArchitectureType.AARCH64,
    "aarch64": ArchitectureType.AARCH64,
}


class PEMachineType(enum.Enum):
    """Machine types of the Portable Executable (PE/COFF) format of Windows."""

    UNKNOWN = 0x0
    I386 = 0x014C
    R3000 = 0x0162
    R4000 = 0x0166
    R10000 = 0x0168
    WCEMIPSV2 = 0x0169
    ALPHA = 0x0184
    SH3 = 0x01A2
    SH3DSP = 0x01A3
    SH3E = 0x01A4
    SH4 = 0x01A6
    SH5 = 0x01A8
    ARM = 0x01C0
    AARCH64 = 0xAA64
    THUMB = 0x01C2
    ARMNT = 0x01C4
    AM33 = 0x01D3
    POWERPC = 0x01F0
    POWERPCFP = 0x01F1
    IA64 = 0x0200
    MIPS16 = 0x0266
    ALPHA64 = 0x0284
    MIPSFPU = 0x0366
    MIPSFPU16 = 0x0466
    TRICORE = 0x0520
    CEF = 0x0CEF
    EBC = 0x0EBC
    AMD64 = 0x8664
    M32R = 0x9041
    CEE = 0xC0EE


_PE_MACHINES = {member.value: member for member in PEMachineType}


def get_shared_library_arch(filename: str | Path) -> PEMachineType:
    """Get the machine type of a Windows (PE) shared library from its header.

    Parameters
    ----------
    filename : str | Path
        Path to the shared library.

    Returns
    -------
    PEMachineType
        Machine type stated in the PE header, UNKNOWN for a code missing from the enum.

    Raises
    ------
    OSError
        If the file cannot be read.
    pyvisa.errors.InvalidArgument
        "Not an executable" when the file does not start with "MZ", "Not a PE executable"
        when the PE signature is missing.

    """
    with open(filename, "rb") as handle:
        dos_header = handle.read(64)
        if dos_header[:2] != b"MZ":
            raise errors.InvalidArgument("Not an executable")
        (pe_offset,) = struct.unpack_from("<i", dos_header.ljust(64, b"\0"), 60)
        if pe_offset < 0:
            raise errors.InvalidArgument("Not a PE executable")
        handle.seek(pe_offset)
        pe_header = handle.read(6)
    if pe_header[:2] != b"PE" or len(pe_header) < 6:
        raise errors.InvalidArgument("Not a PE executable")
    (machine,) = struct.unpack_from("<H", pe_header, 4)
    return _PE_MACHINES.get(machine, PEMachineType.UNKNOWN)


_WINDOWS_ARCH = {
    PEMachineType.I386: ArchitectureType.I386,
    PEMachineType.AMD64: ArchitectureType.X86_64,
    PEMachineType.AARCH64: ArchitectureType.AARCH64,
}


def get_arch(filename: str | Path) -> list[ArchitectureType]:
    """Get the architectures a shared library was compiled for.

    The platform (``sys.platform``, read at each call) tells how: on Windows from the
    machine of the PE header (:func:`get_shared_library_arch`); on Linux from the ELF (or
    PE) header; on macOS from the Mach-O header of each image of an executable (several
    for a universal one, in the order I386, X86_64, AARCH64).

    Parameters
    ----------
    filename : str | Path
        Path to the shared library.

    Returns
    -------
    list[ArchitectureType]
        The architectures, empty when they are not known (e.g. an unreadable file on Linux
        and macOS, another instruction set).

    Raises
    ------
    pyvisa.errors.PlatformNotSupported
        On another platform ("Unsupported platform: ..."); like PyVISA 1.16.2's error
        there, it is an ``OSError``.
    OSError
        If the file cannot be read on Windows.
    pyvisa.errors.InvalidArgument
        On Windows, for a file that is not a PE executable.

    """
    platform = sys.platform
    if platform.startswith("win"):
        machine = get_shared_library_arch(filename)
        arch = _WINDOWS_ARCH.get(machine)
        return [] if arch is None else [arch]
    if platform.startswith("linux"):
        return _linux_arch(filename)
    if platform == "darwin":
        return _darwin_arch(filename)
    raise errors.PlatformNotSupported(f"Unsupported platform: {platform}")


# --- what the ``file`` command leads to ----------------------------------------------------

_ELF_LINUX_ARCH = {
    3: ArchitectureType.I386,  # "Intel 80386"
    62: ArchitectureType.X86_64,  # "x86-64"
    183: ArchitectureType.AARCH64,  # "ARM aarch64"
}
#: ``file`` names the PE machines "Intel 80386" and "x86-64" (but "Aarch64").
_PE_LINUX_ARCH = {
    PEMachineType.I386.value: ArchitectureType.I386,
    PEMachineType.AMD64.value: ArchitectureType.X86_64,
}

_MH_EXECUTE = 2
_MACHO_EXECUTABLE_ARCH = {
    7: ArchitectureType.I386,  # "executable i386"
    7 | _CPU_ARCH_ABI64: ArchitectureType.X86_64,  # "executable x86_64"
    12 | _CPU_ARCH_ABI64: ArchitectureType.AARCH64,  # "executable arm64"
}
_DARWIN_ORDER = (ArchitectureType.I386, ArchitectureType.X86_64, ArchitectureType.AARCH64)


def _linux_arch(filename: str | Path) -> list[ArchitectureType]:
    head = _read_head(filename)
    if head is None:
        return []
    arch = None
    if head[:4] == b"\x7fELF" and len(head) >= 20 and head[5] in (1, 2):
        (machine,) = struct.unpack_from("<H" if head[5] == 1 else ">H", head, 18)
        arch = _ELF_LINUX_ARCH.get(machine)
    elif head[:2] == b"MZ":
        try:
            arch = _PE_LINUX_ARCH.get(get_shared_library_arch(filename).value)
        except (OSError, errors.InvalidArgument):
            arch = None
    return [] if arch is None else [arch]


def _macho_slice(
    handle: BinaryIO, offset: int, head: bytes | None = None
) -> ArchitectureType | None:
    """Architecture of the Mach-O image at ``offset`` when it is an executable."""
    if head is None:
        handle.seek(offset)
        head = handle.read(16)
    if len(head) < 16:
        return None
    magic = head[:4]
    if magic in (b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf"):
        order = ">"
    elif magic in (b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe"):
        order = "<"
    else:
        return None
    cpu_type, _, file_type = struct.unpack_from(order + "iiI", head, 4)
    if file_type != _MH_EXECUTE:
        return None
    return _MACHO_EXECUTABLE_ARCH.get(cpu_type)


def _darwin_arch(filename: str | Path) -> list[ArchitectureType]:
    try:
        with open(filename, "rb") as handle:
            head = handle.read(_HEAD_SIZE)
            found = set()
            if head[:4] in _FAT_MAGICS:
                wide = head[3] == 0xBF
                entry_size = 32 if wide else 20
                (count,) = struct.unpack_from(">I", head.ljust(8, b"\0"), 4)
                if not 0 < count <= _MACHO_MAX_SLICES:
                    return []
                for index in range(count):
                    entry = head[8 + index * entry_size : 8 + (index + 1) * entry_size]
                    if len(entry) < entry_size:
                        break
                    (offset,) = struct.unpack_from(">Q" if wide else ">I", entry, 8)
                    arch = _macho_slice(handle, offset)
                    if arch is not None:
                        found.add(arch)
            else:
                arch = _macho_slice(handle, 0, head[:16])
                if arch is not None:
                    found.add(arch)
    except OSError:
        return []
    return [arch for arch in _DARWIN_ORDER if arch in found]


@public_at("pyvisa.util")
class LibraryPath(str):
    """Path to a shared library, remembering how it was found.

    It is a ``str`` (equal to the path) with extra information.

    Parameters
    ----------
    path : str
        Path to the library (backends also use a plain name, such as "py").
    found_by : str, optional
        How the library was found: "auto", "user" (configuration file), "explicit"...
        By default "auto".

    """

    #: Path to the library.
    path: str

    #: How the library was found.
    found_by: str

    def __new__(cls, path: str, found_by: str = "auto") -> LibraryPath:
        obj = super().__new__(cls, path)
        obj.path = path
        obj.found_by = found_by
        return obj

    @property
    def arch(self) -> list[ArchitectureType]:
        """Architectures the library was compiled for (see :func:`get_arch`).

        Computed once; an empty list when they cannot be determined.
        """
        cached: list[ArchitectureType] | None = self.__dict__.get("_arch")
        if cached is None:
            try:
                cached = get_arch(self.path)
            except Exception as exc:
                logger.debug("Could not determine the architecture of %s: %s", self.path, exc)
                cached = []
            self.__dict__["_arch"] = cached
        return cached
