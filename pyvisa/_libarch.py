"""Architecture of shared libraries, read from their PE, ELF or Mach-O headers.

This private module holds the implementation; the public names are re-exported by
:mod:`pyvisa.util`. Only the first bytes of the file are read and nothing is executed,
so the library does not need to be loadable by the current interpreter.

:func:`get_arch` gives the architectures PyVISA 1.16.2 reports. That version asks the
``file`` command on Linux and macOS; the headers are read here instead, and the results
are the ones ``file`` leads to: on Linux the ELF (or PE) machine is one of i386, x86-64
and aarch64, on macOS only executables (not dynamic libraries or bundles) are reported.
"""

from __future__ import annotations

import enum
import struct
import sys
from pathlib import Path
from typing import BinaryIO

from ._exports import public_at
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
    Exception
        "Not an executable" when the file does not start with "MZ", "Not a PE executable"
        when the PE signature is missing.

    """
    with open(filename, "rb") as handle:
        dos_header = handle.read(64)
        if dos_header[:2] != b"MZ":
            raise Exception("Not an executable")
        (pe_offset,) = struct.unpack_from("<i", dos_header.ljust(64, b"\0"), 60)
        if pe_offset < 0:
            raise Exception("Not a PE executable")
        handle.seek(pe_offset)
        pe_header = handle.read(6)
    if pe_header[:2] != b"PE" or len(pe_header) < 6:
        raise Exception("Not a PE executable")
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
    OSError
        On another platform ("Unsupported platform: ..."), or if the file cannot be read
        on Windows.
    Exception
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
    raise OSError(f"Unsupported platform: {platform}")


# --- what the ``file`` command leads to ----------------------------------------------------

_HEAD_SIZE = 4096

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

_CPU_ARCH_ABI64 = 0x01000000
_MH_EXECUTE = 2
_MACHO_EXECUTABLE_ARCH = {
    7: ArchitectureType.I386,  # "executable i386"
    7 | _CPU_ARCH_ABI64: ArchitectureType.X86_64,  # "executable x86_64"
    12 | _CPU_ARCH_ABI64: ArchitectureType.AARCH64,  # "executable arm64"
}
_DARWIN_ORDER = (ArchitectureType.I386, ArchitectureType.X86_64, ArchitectureType.AARCH64)
#: Magic numbers of universal ("fat") Mach-O files, 32 and 64 bit offsets.
_FAT_MAGICS = (b"\xca\xfe\xba\xbe", b"\xca\xfe\xba\xbf")


def _read_head(filename: str | Path) -> bytes | None:
    try:
        with open(filename, "rb") as handle:
            return handle.read(_HEAD_SIZE)
    except OSError:
        return None


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
        except Exception:
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


#: Java class files share the fat magic; their "slice count" (a version) is far larger.
_MACHO_MAX_SLICES = 30


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


# --- bitness, whatever the platform (diagnostics of the package) ---------------------------

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
