"""Loopback instrument served on 127.0.0.1 for end-to-end tests (standard library only).

:class:`LoopbackServer` listens on free ports of 127.0.0.1 and speaks two LAN protocols:

- raw socket (``TCPIP::127.0.0.1::<port>::SOCKET``): a message ends with ``\\n``;
- HiSLIP 1.0 (``TCPIP::127.0.0.1::hislip0,<port>::INSTR``): synchronous and asynchronous
  channels, Data/DataEnd (END), device clear (``AsyncDeviceClear`` then
  ``DeviceClearComplete``; a pending answer is dropped), status query (``*STB``),
  shared and exclusive locks (``AsyncLock``/``AsyncLockInfo``, one lock table for all the
  sessions), maximum message size, remote/local control and ``AsyncServiceRequest``
  (sent when the request bit rises, only after ``ASRQ ON``: clients without an event
  reader, pyvisa-py 0.8.1 for one, would take it for the answer to their next request).

:class:`~.vxi11.VXI11Server` serves the same instrument over VXI-11
(``TCPIP::127.0.0.1::inst0::INSTR``, devices ``inst0``, ``inst1``...): an ONC RPC
portmapper (program 100000 version 2, GETPORT/SET/UNSET/DUMP over TCP and UDP), the core
channel (links, ``device_write``/``device_read`` with END and termination-character
reasons, status byte, trigger, clear, remote/local, one exclusive lock per device with
``waitlock`` and lock timeouts, ``device_enable_srq``), the abort channel
(``device_abort``) and the interrupt channel (``device_intr_srq`` sent to the client's
interrupt server when the request bit rises, once the client created it with
``create_intr_chan``); see :mod:`.vxi11`. Clients look the core port up on the portmapper
at port 111, which only root can bind and a host ``rpcbind`` may hold: the tests run the
server and the client in a private network namespace (``unshare --net``, see
:mod:`.netns`), or name the core port in the resource
(``TCPIP::127.0.0.1,<port>::inst0::INSTR``, which pyvisa-py accepts) to do without the
portmapper.

Every connection (raw socket), HiSLIP session or VXI-11 link has its own instrument.
Commands are case-insensitive, several may be joined with ``;`` (their answers are joined
with ``;``), and every answer ends with ``\\n`` (and END on HiSLIP and VXI-11) unless said
otherwise:

=========================  ===============================================================
``*IDN?``                  ``PyVISA,Loopback instrument,LB-0001,1.16.2``
``*RST`` / ``*CLS``        reset everything / clear the event status register and errors
``*ESE <n>`` ``*ESE?``     event status enable; ``*SRE <n>`` ``*SRE?``: service request enable
``*ESR?``                  event status register (read and cleared)
``*OPC`` / ``*OPC?``       set "operation complete" (ESR bit 0) / answer ``1``
``*STB?``                  status byte: ESB (bit 5) = ESR & ESE, MSS (bit 6) = STB & SRE
``*WAI`` ``*TRG``          accepted, no effect
``SYST:ERR?``              oldest error as ``-113,"<text>"`` or ``0,"No error"``; unknown
                           commands and bad parameters set ESR bit 5 and queue an error
``ECHO``                   the next message is sent back unchanged (no terminator added)
``ECHO <n>``               raw socket: the next ``n`` bytes (which may hold ``\\n``) are sent
                           back unchanged; HiSLIP, VXI-11: as ``ECHO`` (END delimits it)
``ASCII? <n>[,<sep>]``     ``n`` values ``k/4 - 8`` (``repr``), separated by COMMA (default),
                           SPACE, TAB or SEMI
``WAVE? <n>[,<t>[,<h>[,<o>]]]``  binary block of ``n`` items ``k % 251`` (minus 125 for
                           ``b``) of struct type ``t`` (``b B h H i I q Q f d``, default ``f``), header ``h``:
                           IEEE ``#<d><len>`` (default), INDEF ``#0``, HP ``#A<u16 len>``,
                           RS ``#(<len>)`` or EMPTY; byte order ``o``: LE (default) or BE
``SLOW? <ms>``             ``DONE`` after ``ms`` milliseconds (HiSLIP, VXI-11: a clear drops it)
``NEVER?``                 never answers
``DROP?``                  sends ``PARTIAL ANS`` (no terminator, no END), then closes the
                           connection (both HiSLIP channels; VXI-11: half of the
                           ``device_read`` reply, then the core connection is closed)
``GARBAGE? <n>``           ``n`` pseudo-random bytes in 0x80-0xFF, no terminator, no END
``ASRQ ON|OFF``            HiSLIP: send ``AsyncServiceRequest`` when MSS rises
=========================  ===============================================================

The server stops by itself after ``lifetime`` seconds, and every wait of its threads is
bounded, so that a test run never hangs on it. Run it by hand with
``python -m pyvisa.testsuite.loopback --help`` (``--vxi11`` adds the VXI-11 server).
"""

from __future__ import annotations

import atexit
import threading

from .instrument import IDN, LoopbackInstrument, Reply, ascii_values, wave_value, waveform_bytes
from .server import LoopbackServer
from .vxi11 import VXI11Server

__all__ = [
    "IDN",
    "LoopbackInstrument",
    "LoopbackServer",
    "Reply",
    "VXI11Server",
    "ascii_values",
    "shared_server",
    "wave_value",
    "waveform_bytes",
]

_shared: LoopbackServer | None = None
_shared_guard = threading.Lock()

#: Lifetime (s) of the server shared by a test session: far above the suite duration.
SHARED_LIFETIME = 1800.0


def shared_server() -> LoopbackServer:
    """Return the server shared by the tests of this process, (re)starting it if needed.

    It listens on free ports of 127.0.0.1, stops by itself after :data:`SHARED_LIFETIME`
    seconds and at interpreter exit.
    """
    global _shared
    with _shared_guard:
        if _shared is None or not _shared.running:
            _shared = LoopbackServer(lifetime=SHARED_LIFETIME).start()
            atexit.register(_shared.stop, 2.0)
        return _shared
