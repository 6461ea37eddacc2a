"""Protocol independent model of the loopback instrument (see the package docstring)."""

from __future__ import annotations

import random
import struct
import threading
from dataclasses import dataclass

__all__ = [
    "IDN",
    "Reply",
    "LoopbackInstrument",
    "ascii_values",
    "wave_value",
    "waveform_bytes",
]

#: Identification string answered to ``*IDN?``.
IDN = "PyVISA,Loopback instrument,LB-0001,1.16.2"

#: Bytes per item of the data types accepted by ``WAVE?`` (struct codes).
_ITEM_SIZES = {code: struct.calcsize(code) for code in "bBhHiIqQfd"}

#: Period of the waveform values: item k of a waveform is ``k % WAVE_PERIOD``.
WAVE_PERIOD = 251

_ESR_OPC = 0x01
_ESR_COMMAND_ERROR = 0x20
_STB_ESB = 0x20
_STB_MSS = 0x40


@dataclass
class Reply:
    """What the instrument sends back for one message.

    ``data`` is sent after ``delay`` seconds, terminated by END (HiSLIP DataEnd) when
    ``end`` is true; the connection is closed after it when ``drop`` is true.
    """

    data: bytes = b""
    end: bool = True
    delay: float = 0.0
    drop: bool = False


def wave_value(index: int, datatype: str = "f") -> int:
    """Item ``index`` of a waveform: ``index % 251`` (minus 125 for signed bytes)."""
    return index % WAVE_PERIOD - (125 if datatype == "b" else 0)


def waveform_bytes(count: int, datatype: str = "f", big_endian: bool = False) -> bytes:
    """Data bytes of a waveform of ``count`` items (see :func:`wave_value`)."""
    order = ">" if big_endian else "<"
    items = [wave_value(k, datatype) for k in range(WAVE_PERIOD)]
    period = struct.pack(f"{order}{WAVE_PERIOD}{datatype}", *items)
    size = _ITEM_SIZES[datatype]
    full, rest = divmod(count, WAVE_PERIOD)
    return period * full + period[: rest * size]


def ascii_values(count: int) -> list[float]:
    """Values of the ``ASCII?`` list: item k is ``k / 4 - 8`` (exact in binary floats)."""
    return [k / 4 - 8 for k in range(count)]


def _block(data: bytes, header: str, big_endian: bool) -> bytes:
    if header == "IEEE":
        length = str(len(data)).encode()
        return b"#" + str(len(length)).encode() + length + data
    if header == "INDEF":
        return b"#0" + data
    if header == "HP":
        if len(data) > 0xFFFF:
            raise ValueError("HP blocks hold at most 65535 bytes")
        return b"#A" + struct.pack(">H" if big_endian else "<H", len(data)) + data
    if header == "RS":
        return b"#(" + str(len(data)).encode() + b")" + data
    if header == "EMPTY":
        return data
    raise ValueError(f"unknown block header {header!r}")


class LoopbackInstrument:
    """State and command interpreter of one instrument session.

    Parameters
    ----------
    termination : bytes
        Response message terminator appended to every answer.

    """

    def __init__(self, termination: bytes = b"\n") -> None:
        self.termination = termination
        self.lock = threading.RLock()
        self.async_srq = False
        self._echo: int | None = None  # -1: next message, n >= 0: next n bytes
        self.reset()

    # -- status --------------------------------------------------------------------

    def reset(self) -> None:
        """Restore the power-on state (``*RST``)."""
        with self.lock:
            self.ese = 0
            self.sre = 0
            self.esr = 0
            self.errors: list[str] = []
            self._echo = None

    @property
    def stb(self) -> int:
        """Status byte: ESB (bit 5) and MSS (bit 6) as in IEEE 488.2."""
        with self.lock:
            value = _STB_ESB if self.esr & self.ese else 0
            if value & self.sre & 0xBF:
                value |= _STB_MSS
            return value

    def clear(self) -> None:
        """Device clear: forget a pending echo (the status is kept)."""
        with self.lock:
            self._echo = None

    @property
    def raw_count(self) -> int | None:
        """Number of raw bytes the next message is made of (``ECHO <n>``), or None."""
        echo = self._echo
        return echo if echo is not None and echo >= 0 else None

    # -- commands ------------------------------------------------------------------

    def execute(self, message: bytes) -> Reply | None:
        """Interpret one complete message; return the reply or None (nothing to send)."""
        with self.lock:
            if self._echo is not None:
                self._echo = None
                return Reply(bytes(message))
            text = message.decode("latin-1").rstrip("\r\n")
            answers: list[bytes] = []
            for command in text.split(";"):
                command = command.strip()
                if not command:
                    continue
                result = self._command(command)
                if isinstance(result, Reply):
                    return result
                if result is not None:
                    answers.append(result)
            if not answers:
                return None
            return Reply(b";".join(answers) + self.termination)

    def _error(self, text: str) -> None:
        self.esr |= _ESR_COMMAND_ERROR
        self.errors.append(text)

    def _command(self, command: str) -> bytes | Reply | None:  # noqa: C901
        header, _, arguments = command.partition(" ")
        header = header.upper()
        args = [a.strip() for a in arguments.split(",")] if arguments.strip() else []
        try:
            if header == "*IDN?":
                return IDN.encode()
            if header == "*RST":
                self.reset()
                return None
            if header == "*CLS":
                self.esr = 0
                self.errors.clear()
                return None
            if header in ("*ESE", "*SRE"):
                value = int(args[0])
                if not 0 <= value <= 255:
                    raise ValueError(value)
                setattr(self, header[1:].lower(), value)
                return None
            if header in ("*ESE?", "*SRE?"):
                return str(getattr(self, header[1:4].lower())).encode()
            if header == "*ESR?":
                value, self.esr = self.esr, 0
                return str(value).encode()
            if header == "*STB?":
                return str(self.stb).encode()
            if header == "*OPC":
                self.esr |= _ESR_OPC
                return None
            if header == "*OPC?":
                return b"1"
            if header in ("*WAI", "*TRG"):
                return None
            if header == "SYST:ERR?":
                if self.errors:
                    return f'-113,"{self.errors.pop(0)}"'.encode()
                return b'0,"No error"'
            if header == "ECHO":
                self._echo = int(args[0]) if args else -1
                if self._echo < -1:
                    raise ValueError(self._echo)
                return None
            if header == "ASRQ":
                self.async_srq = args[0].upper() in ("ON", "1")
                return None
            if header == "ASCII?":
                count = int(args[0])
                separator = {"COMMA": ",", "SPACE": " ", "TAB": "\t", "SEMI": ";"}[
                    (args[1] if len(args) > 1 else "COMMA").upper()
                ]
                return separator.join(repr(v) for v in ascii_values(count)).encode()
            if header == "WAVE?":
                count = int(args[0])
                datatype = args[1] if len(args) > 1 else "f"
                block = args[2].upper() if len(args) > 2 else "IEEE"
                big = (args[3].upper() if len(args) > 3 else "LE") == "BE"
                if count < 0 or datatype not in _ITEM_SIZES:
                    raise ValueError(args)
                return _block(waveform_bytes(count, datatype, big), block, big)
            if header == "SLOW?":
                delay = int(args[0]) / 1000
                return Reply(b"DONE" + self.termination, delay=delay)
            if header == "NEVER?":
                return Reply(b"", end=False)
            if header == "DROP?":
                return Reply(b"PARTIAL ANS", end=False, drop=True)
            if header == "GARBAGE?":
                count = int(args[0])
                generator = random.Random(count)
                garbage = bytes(generator.randrange(0x80, 0x100) for _ in range(count))
                return Reply(garbage, end=False)
        except (ValueError, IndexError, KeyError, struct.error):
            self._error(f"Invalid parameter: {command}")
            return None
        self._error(f"Undefined header: {command}")
        return None
