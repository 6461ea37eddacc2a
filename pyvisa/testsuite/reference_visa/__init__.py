"""Reference VISA shared library used by the test suite to exercise the ctypes layer.

The C sources in this directory implement every operation of the VISA 5.8 C API
(``visa-functions.tsv``, the ``va_list`` formatted I/O functions and their variadic forms included)
over a set of simulated resources that live in process memory.  :func:`build_reference_library`
compiles them with the system C compiler into ``libvisa_ref.so``.

Simulated resources (canonical names, listed in :data:`RESOURCES`)
-------------------------------------------------------------------
Message based, loopback (what is written is read back; sessions on the same resource share the
data; ``VXI0::1::INSTR`` is both message and register based):

- ``ASRL1::INSTR``, ``ASRL2::INSTR``
- ``GPIB0::1::INSTR``, ``GPIB0::2::INSTR``, ``GPIB0::4::5::INSTR`` (secondary address 5)
- ``GPIB0::INTFC`` (REN/ATN/IFC/command/pass control)
- ``TCPIP0::192.168.0.10::inst0::INSTR``, ``TCPIP0::192.168.0.11::hislip0::INSTR``
- ``TCPIP0::192.168.0.10::5025::SOCKET``
- ``USB0::0x1234::0x5678::SN001::0::INSTR``, ``USB0::0x1234::0x5678::SN002::0::RAW``
  (``viUsbControlIn`` returns the data of the last ``viUsbControlOut``, up to the largest
  16-bit ``wLength``, 0xFFFF bytes; the request fields are only recorded, see
  ``refvisa_last_args``)
- ``VXI0::1::INSTR`` (``viVxiCommandQuery`` answers with the last command sent)

Register based, one zero-initialised 64 KiB block per address space (offsets past the end give
``VI_ERROR_INV_OFFSET``; ``viMapAddress`` returns a real pointer into the block):

- ``VXI0::1::INSTR``, ``VXI0::MEMACC``: A16, A24, A32, A64 and ``VI_LOCAL_SPACE``
- ``PXI0::1::INSTR``, ``PXI0::MEMACC``: PXI configuration, BAR0..BAR5, ``VI_PXI_ALLOC_SPACE``
  (same block as ``VI_LOCAL_SPACE``; ``viMemAlloc`` hands out offsets >= 0x100 in it)
- ``VXI0::0::BACKPLANE`` (triggers mapping, utility and interrupt signals)

Semantics worth knowing
-----------------------
- ``viWrite`` appends to the resource's queue and marks an END after the data when
  ``VI_ATTR_SEND_END_EN`` is true.  ``viRead`` stops at the termination character when
  ``VI_ATTR_TERMCHAR_EN`` is true (``VI_SUCCESS_TERM_CHAR``, which wins when the END is on the same
  byte), at an END mark (``VI_SUCCESS``, unless ``VI_ATTR_SUPPRESS_END_EN``), or when ``count`` bytes
  were read (``VI_SUCCESS_MAX_CNT``); otherwise it waits for more data up to ``VI_ATTR_TMO_VALUE``
  ms and returns ``VI_ERROR_TMO`` with the bytes read so far.  Every ``VI_TMO_INFINITE`` wait
  (read, lock, wait on event) is capped at 60 s.  The same rules apply to every interface (ASRL
  included: ``VI_ATTR_ASRL_END_IN``/``END_OUT`` are stored but do not change them).
- Locks: an exclusive lock makes other sessions' I/O fail with ``VI_ERROR_RSRC_LOCKED``; a shared
  lock does the same for sessions that do not hold it.  A lock request that cannot be granted
  returns ``VI_ERROR_RSRC_LOCKED`` at once when the timeout is ``VI_TMO_IMMEDIATE``, else waits and
  returns ``VI_ERROR_TMO``; ``viOpen`` with a lock access mode reports ``VI_ERROR_RSRC_LOCKED``.
  Without a requested key, shared locks get a generated key (``refvisa-key-N``).
- Resource names are parsed case-insensitively, with the short forms (``GPIB::1``, ``ASRL1``,
  ``TCPIP::host::INSTR``, ``PXI0::bus-device.function``, ``PXI0::CHASSISn::SLOTm``...); a
  malformed name gives ``VI_ERROR_INV_RSRC_NAME``, a valid one that is not simulated
  ``VI_ERROR_RSRC_NFOUND``.  The aliases of :data:`ALIASES` (case-insensitive) are accepted
  wherever a resource name is; ``viParseRsrcEx`` reports the alias of a resource that has one
  (whatever name it was given) and an empty string otherwise.
- viFindRsrc implements the VISA expression language (``?``, ``*``, ``+``, ``[...]``, ``[^...]``,
  ``|``, ``(...)``, backslash escapes; case-insensitive; whole-name match).  A trailing
  ``{...}`` attribute expression filters the matches: comparisons ``VI_ATTR_x OP value``
  (``==``, ``!=``, ``<``, ``>``, ``<=``, ``>=``; values decimal or ``0x`` hex integers, optionally
  negative, or double-quoted strings compared case-sensitively) combined with ``&&``, ``||``,
  ``!`` and parentheses.  An attribute reads as on a freshly opened session; a comparison is
  false when the attribute does not apply to the resource or the kinds (number/string) differ.
  A malformed expression or an unknown attribute name gives ``VI_ERROR_INV_EXPR``.
- Formatted I/O (``viPrintf``/``viVPrintf``, ``viSPrintf``/``viVSPrintf``, ``viScanf``/``viVScanf``,
  ``viSScanf``/``viVSScanf``, ``viQueryf``/``viVQueryf``) takes C printf/scanf formats; VISA's own
  conversions and modifiers (``%b``, ``%B``, ``%y``, ``%t``, ``%T``, ``,``, ``@n``, ``!o``) give
  ``VI_ERROR_NSUP_FMT``, a malformed one ``VI_ERROR_INV_FMT``.  ``viPrintf`` appends to the
  formatted write buffer (``VI_ATTR_WR_BUF_SIZE``, shared with ``viBufWrite``; flushed without END
  when full) and flushes it, with END when ``VI_ATTR_SEND_END_EN``, when the format ends with
  a newline or ``VI_ATTR_WR_BUF_OPER_MODE`` is ``VI_FLUSH_ON_ACCESS`` (``viFlush`` flushes it
  otherwise).  ``viScanf`` flushes pending written data, reads one message with the rules of
  ``viRead`` (END or termination character; a timeout is returned as ``VI_ERROR_TMO``) and parses
  it with ``vsscanf``; data the format leaves is discarded, and a partial match is not an error.
  ``viSPrintf`` writes a NUL-terminated string into the caller's buffer (no size is given: it must
  be large enough); ``viSScanf`` parses a NUL-terminated buffer.  ``viQueryf`` is ``viPrintf`` then
  ``viScanf``, the arguments serving the write format first.
- Events: queue and handler mechanisms (``VI_SUSPEND_HNDLR`` keeps occurrences until handlers
  are enabled).  Handlers are always called from a library-owned dispatcher thread.
  ``viUninstallHandler`` removes the handlers matching both the reference and the user handle;
  ``VI_ANY_HNDLR`` matches any reference, never any user handle.
  ``viReadAsync`` runs on its own thread; ``viWriteAsync``/``viMoveAsync`` complete synchronously
  (``VI_SUCCESS_SYNC``); both post ``VI_EVENT_IO_COMPLETION`` (status, job id, buffer, return
  count, operation name).  ``viAssertTrigger`` posts ``VI_EVENT_TRIG`` to every session of the
  resource, ``viClear`` posts ``VI_EVENT_CLEAR``, ``viGpibSendIFC``/``viGpibPassControl`` post
  ``VI_EVENT_GPIB_CIC``.
- Attribute values are written with the size of their VISA C type; strings into a 256-byte buffer.
- ``viStatusDesc`` texts are the descriptions of the PyVISA ``StatusCode`` documentation.

Test hooks (exported C functions)
---------------------------------
- ``ViUInt32 refvisa_open_session_count(void)``: open instrument sessions (no RM, find list or
  event handles); ``ViUInt32 refvisa_open_object_count(void)``: every open handle.
- ``void refvisa_reset(void)``: close everything and restore the initial state of all resources.
- ``ViStatus refvisa_push_data(ViSession vi, const void *data, size_t size, int end)``: append data
  to the resource's read queue (``end`` non-zero marks an END after it).
- ``ViStatus refvisa_raise_srq(ViSession vi, ViUInt32 delay_ms)``: after ``delay_ms`` (from another
  thread when non-zero) set bit 6 (0x40) of the status byte and post ``VI_EVENT_SERVICE_REQ`` to
  every session of the resource.
- ``ViStatus refvisa_raise_event(ViSession vi, ViEventType type, ViUInt32 delay_ms)``: the same
  for any event type the resource supports (``VI_ERROR_INV_EVENT`` otherwise), posted to every
  session of the resource except ``VI_EVENT_EXCEPTION``, ``VI_EVENT_IO_COMPLETION`` and
  ``VI_EVENT_TCPIP_CONNECT`` (this session only).  Event attributes: service request sets bit 6
  of the status byte; exception: ``VI_ATTR_STATUS`` ``VI_ERROR_SYSTEM_ERROR`` and
  ``VI_ATTR_OPER_NAME`` ``"refvisa_raise_event"``; I/O completion: status ``VI_SUCCESS``, job id
  0, null buffer, count 0, operation ``"refvisa_raise_event"``; trigger: ``VI_ATTR_RECV_TRIG_ID``
  = the session's ``VI_ATTR_TRIG_ID``; GPIB CIC: ``VI_ATTR_GPIB_RECV_CIC_STATE`` = the interface's
  CIC state (``VI_TRUE`` initially); VXI signal: ``VI_ATTR_SIGP_STATUS_ID`` = 0x4000 | logical
  address (0x4001 on ``VXI0::1::INSTR``); VXI/VME interrupt: ``VI_ATTR_INTR_STATUS_ID`` = 0x4000 |
  logical address, ``VI_ATTR_RECV_INTR_LEVEL`` = 1; PXI interrupt: ``VI_ATTR_PXI_RECV_INTR_SEQ``
  = 1, 2, ... (counted since load or ``refvisa_reset``), ``VI_ATTR_PXI_RECV_INTR_DATA`` =
  0xC0DE0000 | device number; USB interrupt: ``VI_ATTR_USB_RECV_INTR_SIZE`` = 2 and
  ``VI_ATTR_USB_RECV_INTR_DATA`` = ``0x81, status byte`` (a USBTMC SRQ notification); TCPIP
  connect: ``VI_ATTR_RECV_TCPIP_ADDR`` = ``"192.168.0.99"``.  Talk, listen, clear, sysfail and
  sysreset carry only ``VI_ATTR_EVENT_TYPE``.  Supported types per resource: I/O completion and
  exception everywhere; trigger everywhere but MEMACC; service request on the GPIB INSTR and INTFC,
  TCPIP INSTR, USB INSTR and VXI INSTR resources; clear on message-based resources; GPIB
  CIC/talk/listen on ``GPIB0::INTFC``; sysfail/sysreset on the VXI backplane; VXI signal on
  ``VXI0::1::INSTR``; VXI/VME interrupt on it and the backplane; PXI interrupt on
  ``PXI0::1::INSTR``; TCPIP connect on the SOCKET; USB interrupt on both USB resources.
- ``ViStatus refvisa_set_stb(ViSession vi, ViUInt16 stb)``,
  ``ViStatus refvisa_pending_bytes(ViSession vi, ViUInt32 *count)``,
  ``ViStatus refvisa_gpib_commands(ViSession vi, ViPBuf buf, ViUInt32 size, ViUInt32 *count)``
  (bytes sent by ``viGpibCommand``), ``ViStatus refvisa_trigger_count(ViSession vi, ViUInt32 *count)``,
  ``ViUInt32 refvisa_handler_thread_calls(void)`` (handler calls made by the dispatcher thread).
- ``ViStatus refvisa_last_args(ViObject vi, ViChar name[256], ViUInt64 args[8], ViUInt32 *count)``:
  the last call made on ``vi`` (any open handle: resource manager, session, find list or event),
  so that tests can see what C received for arguments with no other observable effect.  ``name``
  gets the function name (``"viMoveEx"``, ``"viPrintf"``: the entry point called, never a
  function it delegates to) and ``args[0..count)`` its integer arguments after the handle, in
  declaration order, converted to 64 bits as C converts them: unsigned types zero-extended,
  signed types (``ViInt16``, ``ViInt32``, ``ViStatus``) sign-extended (``ViInt16`` -1 reads
  0xFFFFFFFFFFFFFFFF); ``ViAddr`` values (``suggested``, peek/poke ``address``, handler
  ``userHandle``) are the pointer's address.  Strings, buffers, outputs, handlers and
  ``va_list`` are not recorded; the rest of ``args`` is zeroed.  Arguments are recorded on entry,
  before any check, so a call that fails still records them.  ``""`` and 0 before the first
  call; any pointer may be NULL; ``VI_ERROR_INV_OBJECT`` for an unknown or closed handle (the
  record goes with the object).  ``viOpenDefaultRM`` has no handle; ``viOpen``,
  ``viFindRsrc`` and ``viParseRsrc(Ex)`` record on the resource manager session.
"""

from __future__ import annotations

import ctypes
import os
import pathlib
import shlex
import shutil
import subprocess
from typing import Final

__all__ = [
    "ALIASES",
    "LIBRARY_NAME",
    "RESOURCES",
    "CompilerNotFoundError",
    "ReferenceLibraryBuildError",
    "build_reference_library",
    "find_compiler",
    "load_hooks",
]

#: File name of the compiled library.
LIBRARY_NAME: Final = "libvisa_ref.so"

#: Aliases accepted by viOpen/viParseRsrc(Ex), with the canonical names they stand for.
ALIASES: Final[dict[str, str]] = {
    "MyScope": "TCPIP0::192.168.0.10::inst0::INSTR",
    "MyCounter": "USB0::0x1234::0x5678::SN001::0::INSTR",
}

#: Canonical names of the simulated resources, in the order viFindRsrc reports them.
RESOURCES: Final[tuple[str, ...]] = (
    "ASRL1::INSTR",
    "ASRL2::INSTR",
    "GPIB0::1::INSTR",
    "GPIB0::2::INSTR",
    "GPIB0::4::5::INSTR",
    "GPIB0::INTFC",
    "TCPIP0::192.168.0.10::inst0::INSTR",
    "TCPIP0::192.168.0.11::hislip0::INSTR",
    "TCPIP0::192.168.0.10::5025::SOCKET",
    "USB0::0x1234::0x5678::SN001::0::INSTR",
    "USB0::0x1234::0x5678::SN002::0::RAW",
    "VXI0::1::INSTR",
    "VXI0::MEMACC",
    "VXI0::0::BACKPLANE",
    "PXI0::1::INSTR",
    "PXI0::MEMACC",
)

SOURCE_DIR: Final = pathlib.Path(__file__).resolve().parent

_CFLAGS: Final = (
    "-std=c11",
    "-shared",
    "-fPIC",
    "-O1",
    "-pthread",
    "-Wall",
    "-Werror",
    "-fvisibility=hidden",
)


class CompilerNotFoundError(RuntimeError):
    """No C compiler was found (neither ``$CC`` nor ``cc``/``gcc``/``clang`` on ``PATH``)."""


class ReferenceLibraryBuildError(RuntimeError):
    """The compiler ran but failed to build the reference library."""


def find_compiler() -> list[str] | None:
    """Return the command that runs the C compiler, or None if there is none.

    ``$CC`` (which may carry options) wins; otherwise the first of ``cc``, ``gcc`` and ``clang``
    found on ``PATH``.
    """
    env_cc = os.environ.get("CC", "").strip()
    if env_cc:
        command = shlex.split(env_cc)
        if shutil.which(command[0]):
            return command
    for name in ("cc", "gcc", "clang"):
        path = shutil.which(name)
        if path:
            return [path]
    return None


def _sources() -> list[pathlib.Path]:
    return sorted(SOURCE_DIR.glob("*.c"))


def _is_up_to_date(target: pathlib.Path) -> bool:
    if not target.exists():
        return False
    built = target.stat().st_mtime
    inputs = [*_sources(), *SOURCE_DIR.glob("*.h")]
    return all(path.stat().st_mtime <= built for path in inputs)


def build_reference_library(directory: str | os.PathLike[str]) -> pathlib.Path:
    """Compile the reference VISA library into ``directory`` and return its path.

    Parameters
    ----------
    directory : str or os.PathLike
        Directory that receives ``libvisa_ref.so`` (created if missing).  An up-to-date library
        already there is reused.

    Returns
    -------
    pathlib.Path
        Path of the shared library.

    Raises
    ------
    CompilerNotFoundError
        If no C compiler is available.
    ReferenceLibraryBuildError
        If the compilation fails (the message holds the compiler output).

    """
    out_dir = pathlib.Path(directory)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / LIBRARY_NAME
    if _is_up_to_date(target):
        return target
    compiler = find_compiler()
    if compiler is None:
        raise CompilerNotFoundError(
            "no C compiler found: set CC or install cc/gcc to build the reference VISA library"
        )
    partial = out_dir / f".{LIBRARY_NAME}.{os.getpid()}.tmp"
    command = [*compiler, *_CFLAGS, f"-I{SOURCE_DIR}", "-o", str(partial), *map(str, _sources())]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise ReferenceLibraryBuildError(
            f"building {LIBRARY_NAME} failed (exit code {result.returncode}):\n"
            f"$ {shlex.join(command)}\n{result.stdout}{result.stderr}"
        )
    os.replace(partial, target)
    return target


_UINT32 = ctypes.c_uint32
_PUINT32 = ctypes.POINTER(ctypes.c_uint32)

#: (restype, argtypes) of each test hook (see the module docstring).
_HOOKS: Final[dict[str, tuple[object, list[object]]]] = {
    "refvisa_open_session_count": (_UINT32, []),
    "refvisa_open_object_count": (_UINT32, []),
    "refvisa_handler_thread_calls": (_UINT32, []),
    "refvisa_reset": (None, []),
    "refvisa_push_data": (
        ctypes.c_int32,
        [_UINT32, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int],
    ),
    "refvisa_raise_srq": (ctypes.c_int32, [_UINT32, _UINT32]),
    "refvisa_raise_event": (ctypes.c_int32, [_UINT32, _UINT32, _UINT32]),
    "refvisa_set_stb": (ctypes.c_int32, [_UINT32, ctypes.c_uint16]),
    "refvisa_pending_bytes": (ctypes.c_int32, [_UINT32, _PUINT32]),
    "refvisa_gpib_commands": (ctypes.c_int32, [_UINT32, ctypes.c_char_p, _UINT32, _PUINT32]),
    "refvisa_trigger_count": (ctypes.c_int32, [_UINT32, _PUINT32]),
    "refvisa_last_args": (
        ctypes.c_int32,
        [_UINT32, ctypes.c_char_p, ctypes.POINTER(ctypes.c_uint64), _PUINT32],
    ),
}


def load_hooks(library: str | os.PathLike[str] | ctypes.CDLL) -> ctypes.CDLL:
    """Return the reference library with the prototypes of its ``refvisa_*`` test hooks set.

    Parameters
    ----------
    library : str, os.PathLike or ctypes.CDLL
        Path of the built library (loaded here), or an already loaded one (for instance
        ``IVIVisaLibrary.lib``), whose hook prototypes are then set in place.

    """
    lib = library if isinstance(library, ctypes.CDLL) else ctypes.CDLL(os.fspath(library))
    for name, (restype, argtypes) in _HOOKS.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    return lib
