"""Machine-readable diagnostics of an installation (``pyvisa-info --json``).

The plain text of ``pyvisa-info`` (the PyVISA 1.16.2 format) is produced here too, by
:func:`~pyvisa.util.get_debug_info`, :func:`~pyvisa.util.get_system_details` and
:func:`~pyvisa.util.system_details_to_str`,
which PyVISA documents (and this package makes importable) in :mod:`pyvisa.util`. This
module sits above the frontend: it asks :mod:`pyvisa.highlevel` for the backends. It
builds the same facts as one JSON-friendly dictionary (:func:`get_report`) and goes
further where the text stops:

- every candidate VISA library of the ``ivi`` backend is examined
  (:func:`diagnose_library`): can it be read, is it built for the architecture of the
  running Python, which of the libraries it imports (the ELF ``DT_NEEDED`` entries,
  the PE import table or the Mach-O ``LC_LOAD_DYLIB`` commands) cannot be found on the
  search path of the loader, and what the loader says when asked to load it;
- for pyvisa-py, each optional package is reported as installed or missing, with the
  resource types or features it provides (:func:`pyvisa_py_extras`).

Nothing here raises for a broken installation: each failure becomes a field of the
report.
"""

from __future__ import annotations

import ctypes
import glob
import importlib.util
import json
import os
import platform
import stat
import struct
import subprocess
import sys
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from . import highlevel, util
from ._exports import public_at
from ._libarch import _MACHO_EXECUTABLE_ARCH, ArchitectureType, get_arch
from ._libheaders import _MACHO_THIN_BITS
from ._version import package_version
from .util import DebugInfo

__all__ = [
    "PYVISA_PY_EXTRAS",
    "REPORT_FORMAT",
    "diagnose_library",
    "find_dependency",
    "get_report",
    "pyvisa_py_extras",
    "read_imports",
    "report_to_json",
]

#: Version of the layout of :func:`get_report`, increased when a key changes meaning.
REPORT_FORMAT = 1

#: Optional packages of pyvisa-py, as (distribution, module imported, what it enables).
PYVISA_PY_EXTRAS: tuple[tuple[str, str, str], ...] = (
    ("pyserial", "serial", "serial ports: ASRL INSTR and PRLGX_ASRL INTFC resources"),
    ("pyusb", "usb", "USBTMC and raw USB devices: USB INSTR and USB RAW resources"),
    ("gpib-ctypes", "gpib_ctypes", "GPIB boards through gpib-ctypes (Windows, Linux)"),
    ("linux-gpib", "gpib", "GPIB boards through the linux-gpib driver: GPIB INTFC resources"),
    ("psutil", "psutil", "discovery of VXI-11 instruments on every network interface"),
    ("zeroconf", "zeroconf", "discovery of HiSLIP instruments (mDNS)"),
    ("pyvicp", "pyvicp", "LeCroy VICP instruments: VICP INSTR resources"),
)

# ELF dynamic section tags.
_DT_NULL, _DT_NEEDED, _DT_STRTAB, _DT_RPATH, _DT_RUNPATH = 0, 1, 5, 15, 29
_PT_LOAD, _PT_DYNAMIC = 1, 2

# Mach-O load commands.
_LC_LOAD_DYLIB, _LC_LOAD_WEAK_DYLIB = 0xC, 0x80000018
_LC_REEXPORT_DYLIB, _LC_RPATH = 0x8000001F, 0x8000001C


# --- import lists ------------------------------------------------------------------


class _Image:
    """Bytes of a binary file with helpers to unpack them."""

    def __init__(self, data: bytes, little: bool = True) -> None:
        self.data = data
        self.order = "<" if little else ">"

    def unpack(self, fmt: str, offset: int) -> tuple[Any, ...]:
        return struct.unpack_from(self.order + fmt, self.data, offset)

    def cstring(self, offset: int) -> str:
        end = self.data.find(b"\0", offset)
        return self.data[offset : end if end >= 0 else len(self.data)].decode("utf-8", "replace")


def _elf_imports(image: _Image) -> tuple[list[str], list[str], list[str], int]:
    """DT_NEEDED names, DT_RPATH and DT_RUNPATH directories, and the ELF class (32/64)."""
    bits = 64 if image.data[4] == 2 else 32
    image.order = "<" if image.data[5] == 1 else ">"
    if bits == 64:
        phoff, phentsize, phnum = image.unpack("Q", 32)[0], *image.unpack("HH", 54)
        phdr, dyn = "IIQQQQQQ", "qQ"
    else:
        phoff, phentsize, phnum = image.unpack("I", 28)[0], *image.unpack("HH", 42)
        phdr, dyn = "IIIIIIII", "iI"
    loads: list[tuple[int, int, int]] = []
    dynamic: tuple[int, int] | None = None
    for index in range(phnum):
        fields = image.unpack(phdr, phoff + index * phentsize)
        if bits == 64:
            p_type, p_offset, p_vaddr, p_filesz = fields[0], fields[2], fields[3], fields[5]
        else:
            p_type, p_offset, p_vaddr, p_filesz = fields[0], fields[1], fields[2], fields[4]
        if p_type == _PT_LOAD:
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == _PT_DYNAMIC:
            dynamic = (p_offset, p_filesz)
    if dynamic is None:
        return [], [], [], bits
    entries: list[tuple[int, int]] = []
    size = struct.calcsize(image.order + dyn)
    for offset in range(dynamic[0], dynamic[0] + dynamic[1] - size + 1, size):
        tag, value = image.unpack(dyn, offset)
        if tag == _DT_NULL:
            break
        entries.append((tag, value))
    strtab = next((value for tag, value in entries if tag == _DT_STRTAB), None)
    if strtab is None:
        return [], [], [], bits
    # DT_STRTAB is an address: find the file offset of the segment holding it.
    base = strtab
    for vaddr, offset, filesz in loads:
        if vaddr <= strtab < vaddr + filesz:
            base = strtab - vaddr + offset
            break

    def strings(wanted: int) -> list[str]:
        return [image.cstring(base + value) for tag, value in entries if tag == wanted]

    rpath = [d for text in strings(_DT_RPATH) for d in text.split(":") if d]
    runpath = [d for text in strings(_DT_RUNPATH) for d in text.split(":") if d]
    return strings(_DT_NEEDED), rpath, runpath, bits


def _pe_imports(image: _Image) -> list[str]:
    """Names of the DLLs of the import directory of a PE file."""
    pe = image.unpack("I", 0x3C)[0]
    if image.data[pe : pe + 4] != b"PE\0\0":
        return []
    nsections, optsize = image.unpack("H", pe + 6)[0], image.unpack("H", pe + 20)[0]
    optional = pe + 24
    magic = image.unpack("H", optional)[0]
    directories = optional + (112 if magic == 0x20B else 96)
    import_rva = image.unpack("I", directories + 8)[0]
    if not import_rva:
        return []
    sections = [
        image.unpack("IIII", optional + optsize + index * 40 + 8) for index in range(nsections)
    ]

    def offset_of(rva: int) -> int:
        for vsize, vaddr, rawsize, rawptr in sections:
            if vaddr <= rva < vaddr + max(vsize, rawsize):
                return rva - vaddr + rawptr
        return rva

    names = []
    descriptor = offset_of(import_rva)
    while descriptor + 20 <= len(image.data):
        fields = image.unpack("IIIII", descriptor)
        if not any(fields):
            break
        names.append(image.cstring(offset_of(fields[3])))
        descriptor += 20
    return names


def _macho_imports(image: _Image, wanted: ArchitectureType | None) -> tuple[list[str], list[str]]:
    """Dylibs loaded and LC_RPATH directories of a (possibly universal) Mach-O file."""
    if image.data[:4] in (b"\xca\xfe\xba\xbe", b"\xbe\xba\xfe\xca"):
        image.order = ">" if image.data[:4] == b"\xca\xfe\xba\xbe" else "<"
        count = image.unpack("I", 4)[0]
        slices = [image.unpack("iiIII", 8 + index * 20) for index in range(count)]
        chosen = next((s for s in slices if _MACHO_EXECUTABLE_ARCH.get(s[0]) == wanted), None)
        chosen = chosen or (slices[0] if slices else None)
        if chosen is None:
            return [], []
        image = _Image(image.data[chosen[2] : chosen[2] + chosen[3]])
    magic = image.data[:4]
    image.order = "<" if magic in (b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe") else ">"
    is64 = _MACHO_THIN_BITS.get(magic) == 64
    ncmds = image.unpack("I", 16)[0]
    offset = 32 if is64 else 28
    dylibs: list[str] = []
    rpaths: list[str] = []
    for _ in range(ncmds):
        command, size = image.unpack("II", offset)
        if command in (_LC_LOAD_DYLIB, _LC_LOAD_WEAK_DYLIB, _LC_REEXPORT_DYLIB):
            dylibs.append(image.cstring(offset + image.unpack("I", offset + 8)[0]))
        elif command == _LC_RPATH:
            rpaths.append(image.cstring(offset + image.unpack("I", offset + 8)[0]))
        offset += max(size, 8)
    return dylibs, rpaths


def read_imports(path: str) -> dict[str, Any]:
    """Read the list of libraries a shared library needs, without loading it.

    Parameters
    ----------
    path : str
        Path to an ELF, PE or Mach-O file.

    Returns
    -------
    dict[str, Any]
        ``format`` ("ELF", "PE", "Mach-O" or None when the file is none of these),
        ``needed`` (the names as written in the file), and for ELF ``rpath``,
        ``runpath`` and ``bits``, for Mach-O ``rpath``.

    Raises
    ------
    OSError
        If the file cannot be read.

    """
    with open(path, "rb") as handle:
        data = handle.read()
    image = _Image(data)
    try:
        if data[:4] == b"\x7fELF":
            needed, rpath, runpath, bits = _elf_imports(image)
            return {
                "format": "ELF",
                "needed": needed,
                "rpath": rpath,
                "runpath": runpath,
                "bits": bits,
            }
        if data[:2] == b"MZ":
            return {"format": "PE", "needed": _pe_imports(image)}
        if data[:4] in _MACHO_THIN_BITS or data[:4] == b"\xca\xfe\xba\xbe":
            dylibs, rpaths = _macho_imports(image, _python_arch())
            return {"format": "Mach-O", "needed": dylibs, "rpath": rpaths}
    except (struct.error, IndexError):
        # A truncated or corrupt file: report what is known (the format), no list.
        pass
    return {"format": None, "needed": []}


# --- loader search path ------------------------------------------------------------


@lru_cache(maxsize=1)
def _ld_cache() -> dict[str, tuple[str, ...]]:
    """Library names of the dynamic loader cache (``ldconfig -p``) to their paths."""
    names: dict[str, list[str]] = {}
    for ldconfig in ("/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig"):
        try:
            output = subprocess.run(
                [ldconfig, "-p"], capture_output=True, text=True, timeout=10, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        for line in output.splitlines()[1:]:
            name, _, target = line.strip().partition(" => ")
            if target:
                names.setdefault(name.split(" (", 1)[0], []).append(target)
        break
    return {name: tuple(paths) for name, paths in names.items()}


def _ld_conf_dirs(conf: str = "/etc/ld.so.conf", depth: int = 0) -> list[str]:
    """Directories listed in ld.so.conf and the files it includes."""
    dirs: list[str] = []
    try:
        with open(conf, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return dirs
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line.startswith("include") and depth < 5:
            pattern = line.split(None, 1)[1] if " " in line else ""
            if pattern and not os.path.isabs(pattern):
                pattern = os.path.join(os.path.dirname(conf), pattern)
            for included in sorted(glob.glob(pattern)):
                dirs.extend(_ld_conf_dirs(included, depth + 1))
        elif line:
            dirs.append(line)
    return dirs


def _elf_bits(path: str) -> int | None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(5)
    except OSError:
        return None
    if head[:4] != b"\x7fELF":
        return None
    return 64 if head[4] == 2 else 32


def _elf_search_dirs(library: str, imports: dict[str, Any]) -> list[str]:
    """Directories searched by the GNU loader for the dependencies of ``library``."""
    origin = os.path.dirname(os.path.realpath(library))

    def expand(dirs: Iterable[str]) -> list[str]:
        return [d.replace("$ORIGIN", origin).replace("${ORIGIN}", origin) for d in dirs]

    dirs: list[str] = []
    if not imports.get("runpath"):
        dirs += expand(imports.get("rpath", ()))
    dirs += [d for d in os.environ.get("LD_LIBRARY_PATH", "").split(":") if d]
    dirs += expand(imports.get("runpath", ()))
    dirs += _ld_conf_dirs()
    machine = platform.machine()
    multiarch = [f"/lib/{machine}-linux-gnu", f"/usr/lib/{machine}-linux-gnu"]
    if imports.get("bits") == 64:
        dirs += ["/lib64", "/usr/lib64", *multiarch]
    dirs += ["/lib", "/usr/lib"]
    return list(dict.fromkeys(dirs))


def _windows_search_dirs(library: str) -> list[str]:
    """Directories searched for the DLLs of a library loaded by its full path."""
    root = os.environ.get("SystemRoot", r"C:\Windows")
    dirs = [
        os.path.dirname(os.path.abspath(library)),
        os.path.dirname(sys.executable),
        os.path.join(root, "System32"),
        root,
    ]
    try:
        parser, _ = util._read_config()
        extra = parser.get("Paths", "dll_extra_paths", fallback="")
        dirs += [d for d in extra.split(";") if d]
    except Exception:
        pass
    return dirs


def _macho_candidates(name: str, library: str, rpaths: list[str]) -> list[str]:
    loader = os.path.dirname(os.path.realpath(library))
    executable = os.path.dirname(sys.executable)

    def expand(text: str) -> str:
        return text.replace("@loader_path", loader).replace("@executable_path", executable)

    if name.startswith("@rpath/"):
        rest = name[len("@rpath/") :]
        return [os.path.join(expand(rpath), rest) for rpath in rpaths]
    return [expand(name)]


def find_dependency(name: str, library: str, imports: dict[str, Any]) -> str | None:
    """Locate a library needed by ``library`` the way the platform's loader would.

    Parameters
    ----------
    name : str
        The needed name, as read by :func:`read_imports`.
    library : str
        Path of the library needing it (for ``$ORIGIN``, ``@loader_path`` and the
        directory searched first on Windows).
    imports : dict[str, Any]
        The result of :func:`read_imports` for ``library``.

    Returns
    -------
    str | None
        Where the dependency was found, or None when the loader would not find it.
        Libraries provided by the system without a file (Windows API sets, the macOS
        shared cache) are reported as found, with their name.

    """
    kind = imports.get("format")
    if kind == "PE":
        lowered = name.lower()
        if lowered.startswith(("api-ms-win-", "ext-ms-")):
            return name
        for directory in _windows_search_dirs(library):
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                return candidate
        return None
    if kind == "Mach-O":
        for candidate in _macho_candidates(name, library, list(imports.get("rpath", ()))):
            if os.path.exists(candidate):
                return candidate
            if candidate.startswith(("/usr/lib/", "/System/Library/")):
                return candidate  # in the dyld shared cache since macOS 11
        return None
    if "/" in name:
        return name if os.path.isfile(name) else None
    bits = imports.get("bits")
    for directory in _elf_search_dirs(library, imports):
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate) and _elf_bits(candidate) in (bits, None):
            return candidate
    for candidate in _ld_cache().get(name, ()):
        if _elf_bits(candidate) in (bits, None):
            return candidate
    return None


# --- library diagnosis -------------------------------------------------------------


def _python_arch() -> ArchitectureType | None:
    """Architecture of the running interpreter (its instruction set and pointer size)."""
    arch = ArchitectureType.from_platform_machine(platform.machine())
    if arch is ArchitectureType.X86_64 and struct.calcsize("P") == 4:
        return ArchitectureType.I386
    return arch


def _arch_name(arch: ArchitectureType) -> str:
    return f"{arch.value[0]} {arch.value[1]} bit"


def _try_load(path: str) -> str | None:
    """Ask the platform loader to load ``path``; return its error message, None if it loads."""
    try:
        ctypes.CDLL(path)
    except OSError as exc:
        return str(exc)
    return None


def diagnose_library(path: str, found_by: str = "auto") -> dict[str, Any]:
    """Examine a candidate VISA library and explain why it cannot be loaded.

    Parameters
    ----------
    path : str
        Path (or bare name resolved by the loader) of the library.
    found_by : str, optional
        How the candidate was found ("auto" or "user"), by default "auto".

    Returns
    -------
    dict[str, Any]
        ``path``, ``found_by``, ``exists``, ``readable``, ``permissions`` (as ``ls -l``
        shows them), ``format``, ``architectures`` (of the file), ``python_architecture``,
        ``dependencies`` (each ``name`` with where it was ``found``, None when missing),
        ``missing_dependencies``, ``loads``, ``load_error`` (the loader's message) and
        ``problems``: sentences explaining each problem detected, empty when none.

    """
    report: dict[str, Any] = {"path": path, "found_by": found_by}
    python_arch = _python_arch()
    report["python_architecture"] = _arch_name(python_arch) if python_arch else None
    problems: list[str] = []
    is_file = os.path.isfile(path)
    report["exists"] = is_file
    report["readable"] = is_file and os.access(path, os.R_OK)
    report["permissions"] = None
    report["format"] = None
    report["architectures"] = []
    report["dependencies"] = []
    report["missing_dependencies"] = []
    if not is_file and os.sep in path:
        problems.append("The file does not exist.")
    if is_file:
        mode = os.stat(path).st_mode
        report["permissions"] = stat.filemode(mode)
        if not report["readable"]:
            problems.append(
                f"The file cannot be read by this user (permissions {stat.filemode(mode)})."
            )
    if report["readable"]:
        try:
            imports = read_imports(path)
        except OSError as exc:
            imports = {"format": None, "needed": []}
            problems.append(f"The file cannot be read: {exc}")
        report["format"] = imports["format"]
        if imports["format"] is None:
            problems.append("The file is not a shared library (not ELF, PE or Mach-O).")
        try:
            arches = get_arch(path)
        except Exception:
            arches = []
        report["architectures"] = [_arch_name(arch) for arch in arches]
        if arches and python_arch is not None and python_arch not in arches:
            problems.append(
                f"Architecture mismatch: the library is built for "
                f"{', '.join(report['architectures'])} but Python runs as "
                f"{_arch_name(python_arch)}; install the {_arch_name(python_arch)} "
                "VISA library or use a Python of the library's architecture."
            )
        for name in imports["needed"]:
            found = find_dependency(name, path, imports)
            report["dependencies"].append({"name": name, "found": found})
            if found is None:
                report["missing_dependencies"].append(name)
        if report["missing_dependencies"]:
            problems.append(
                "Missing dependencies (not found on the loader's search path): "
                + ", ".join(report["missing_dependencies"])
            )
    error = _try_load(path) if is_file or os.sep not in path else "file not found"
    report["loads"] = error is None
    report["load_error"] = error
    if error is not None and not problems:
        problems.append(f"The loader refuses the library: {error}")
    # A library the loader accepts has no problem worth reporting (a dependency this
    # module did not find was then found by the loader in a way it does not model).
    report["problems"] = problems if error is not None else []
    return report


# --- pyvisa-py ---------------------------------------------------------------------


def pyvisa_py_extras() -> list[dict[str, Any]]:
    """Tell which optional packages of pyvisa-py are installed and what each enables.

    Returns
    -------
    list[dict[str, Any]]
        One entry per package of :data:`PYVISA_PY_EXTRAS`: ``package`` (to give to
        pip), ``module``, ``installed`` and ``enables``.

    """
    extras = []
    for package, module, enables in PYVISA_PY_EXTRAS:
        try:
            installed = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            installed = False
        extras.append(
            {"package": package, "module": module, "installed": installed, "enables": enables}
        )
    return extras


def _unavailable_resource_types(debug_info: Any) -> dict[str, list[str]]:
    """Resource types that pyvisa-py's own debug information lists with an issue."""
    if not isinstance(debug_info, dict):
        return {}
    return {
        str(key): [str(line) for line in value]
        for key, value in debug_info.items()
        if isinstance(value, (list, tuple))
    }


# --- the report --------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    """Convert debug information to values the json module accepts."""
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(item) for item in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _backend_report(name: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"status": "ok", "module": None, "location": None}
    try:
        cls = highlevel.get_wrapper_class(name)
    except Exception as exc:
        entry.update(status="not loadable", error=f"{type(exc).__name__}: {exc}")
        return entry
    module = sys.modules.get(cls.__module__)
    entry["module"] = cls.__module__
    entry["location"] = getattr(module, "__file__", None)
    try:
        info = cls.get_debug_info()
    except Exception as exc:
        entry.update(status="no debug info", error=f"{type(exc).__name__}: {exc}")
        return entry
    entry["debug_info"] = _jsonable(info)
    if name == "ivi":
        libraries = []
        try:
            paths = cls.get_library_paths()
        except Exception as exc:
            entry["library_search_error"] = f"{type(exc).__name__}: {exc}"
            paths = ()
        for path in paths:
            libraries.append(diagnose_library(str(path), getattr(path, "found_by", "auto")))
        entry["libraries"] = libraries
    elif name == "py":
        entry["optional_packages"] = pyvisa_py_extras()
        entry["unavailable_resource_types"] = _unavailable_resource_types(info)
    return entry


def get_report(backends: bool = True) -> dict[str, Any]:
    """Gather everything ``pyvisa-info`` shows, and the library diagnosis, as a dictionary.

    Parameters
    ----------
    backends : bool, optional
        Also examine the installed backends, by default True.

    Returns
    -------
    dict[str, Any]
        ``format`` (:data:`REPORT_FORMAT`), ``machine``, ``python``, ``pyvisa``
        (``version`` and ``location``), ``configuration`` (the ``.pyvisarc`` files read
        and the library path they set) and ``backends``: for each backend its
        ``status`` ("ok", "not loadable" or "no debug info"), ``error`` when not
        "ok", ``debug_info``; for ``ivi`` the diagnosis of every candidate library
        (``libraries``), for ``py`` its ``optional_packages``. Only JSON types are
        used.

    """
    details = get_system_details(backends=False)
    report: dict[str, Any] = {
        "format": REPORT_FORMAT,
        "machine": {
            "platform": details["platform"],
            "processor": details["processor"],
            "machine": platform.machine(),
        },
        "python": {
            "implementation": details["implementation"],
            "executable": details["executable"],
            "version": details["python"],
            "compiler": details["compiler"],
            "bits": details["bits"],
            "build": {"number": details["buildno"], "date": details["builddate"]},
            "unicode": details["unicode"],
        },
        "pyvisa": {
            "version": package_version(),
            "location": os.path.dirname(os.path.abspath(util.__file__)),
        },
    }
    configuration: dict[str, Any] = {"files": [], "library_path": None}
    try:
        _, configuration["files"] = util._read_config()
        configuration["library_path"] = util.read_user_library_path()
    except Exception as exc:
        configuration["error"] = f"{type(exc).__name__}: {exc}"
    report["configuration"] = configuration
    report["backends"] = {}
    if backends:
        for name in highlevel.list_backends():
            for prefix in ("pyvisa_", "pyvisa-"):
                name = name.removeprefix(prefix)
            report["backends"][name] = _backend_report(name)
    return report


def report_to_json(report: dict[str, Any], indent: int | None = 2) -> str:
    """Serialise a report of :func:`get_report` as a JSON document.

    Parameters
    ----------
    report : dict[str, Any]
        The report.
    indent : int | None, optional
        Indentation of the document, by default 2 (None for one line).

    Returns
    -------
    str
        The JSON text.

    """
    return json.dumps(_jsonable(report), indent=indent, ensure_ascii=False)


# --- the text of pyvisa-info (PyVISA 1.16.2's format) -------------------------------------


@public_at("pyvisa.util")
def get_system_details(backends: bool = True) -> dict[str, Any]:
    """Return a dictionary describing the system, Python, PyVISA and the backends.

    Parameters
    ----------
    backends : bool, optional
        Also gather the debug information of every installed backend, by default True.

    Returns
    -------
    dict[str, Any]
        Keys "platform", "processor", "executable", "implementation", "python",
        "compiler", "buildno", "builddate", "unicode", "bits", "pyvisa" and "backends"
        (backend name to its debug information).

    """
    buildno, builddate = platform.python_build()
    details: dict[str, Any] = {
        "platform": platform.platform(),
        "processor": platform.processor(),
        "executable": sys.executable,
        "implementation": platform.python_implementation(),
        "python": platform.python_version(),
        "compiler": platform.python_compiler(),
        "buildno": buildno,
        "builddate": builddate,
        "unicode": "UCS2" if sys.maxunicode == 0xFFFF else "UCS4",
        "bits": platform.architecture()[0],
        "pyvisa": package_version(),
        "backends": {},
    }
    if backends:
        details["backends"] = _backends_debug_info()
    return details


def _backends_debug_info() -> dict[str, DebugInfo]:
    """Collect the debug information of every installed backend."""
    infos: dict[str, DebugInfo] = {}
    for name in highlevel.list_backends():
        for prefix in ("pyvisa_", "pyvisa-"):
            name = name.removeprefix(prefix)
        try:
            cls = highlevel.get_wrapper_class(name)
        except Exception as exc:
            infos[name] = ["Could not instantiate backend", f"-> {exc}"]
            continue
        try:
            infos[name] = cls.get_debug_info()
        except Exception as exc:
            infos[name] = ["Could not obtain debug info", f"-> {exc}"]
    return infos


def _format_debug_value(key: str, value: Any, indent: int) -> list[str]:
    """Format one entry of debug information as indented lines."""
    pad = "   " * indent
    if isinstance(value, dict):
        lines = [f"{pad}{key}:"]
        for sub_key, sub_value in value.items():
            lines.extend(_format_debug_value(sub_key, sub_value, indent + 1))
        return lines
    if isinstance(value, (list, tuple)):
        return [f"{pad}{key}:", *(f"{pad}   {item}" for item in value)]
    return [f"{pad}{key}: {value}"]


@public_at("pyvisa.util")
def system_details_to_str(d: dict[str, Any], indent: str = "") -> str:
    """Convert the system details of :func:`get_system_details` to a readable text.

    Parameters
    ----------
    d : dict[str, Any]
        The system details.
    indent : str, optional
        Prefix of every line, by default "".

    Returns
    -------
    str
        The details, one per line.

    """
    lines = [
        "Machine Details:",
        f"   Platform ID:    {d.get('platform', 'n/a')}",
        f"   Processor:      {d.get('processor', 'n/a')}",
        "",
        "Python:",
        f"   Implementation: {d.get('implementation', 'n/a')}",
        f"   Executable:     {d.get('executable', 'n/a')}",
        f"   Version:        {d.get('python', 'n/a')}",
        f"   Compiler:       {d.get('compiler', 'n/a')}",
        f"   Bits:           {d.get('bits', 'n/a')}",
        f"   Build:          {d.get('builddate', 'n/a')} (#{d.get('buildno', 'n/a')})",
        f"   Unicode:        {d.get('unicode', 'n/a')}",
        "",
        f"PyVISA Version: {d.get('pyvisa', 'n/a')}",
        "",
        "Backends:",
    ]
    for name, info in d.get("backends", {}).items():
        lines.extend(_format_debug_value(name, info, 1))
    return indent + ("\n" + indent).join(lines) + "\n"


@public_at("pyvisa.util")
def get_debug_info(to_screen: bool = True) -> str | None:
    """Describe the system, Python, PyVISA and the backends (``pyvisa-info``).

    Parameters
    ----------
    to_screen : bool, optional
        Print the description (and return None) instead of returning it,
        by default True.

    Returns
    -------
    str | None
        The description when ``to_screen`` is False.

    """
    text = system_details_to_str(get_system_details())
    if not to_screen:
        return text
    print(text)
    return None
