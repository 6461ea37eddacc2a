"""A minimal in-process VISA backend that answers instantly.

It measures the pure cost of the PyVISA frontend (resource classes, ``VisaLibraryBase``
status handling): every operation does the least a backend must do (look the session up
and report its status through :meth:`~pyvisa.highlevel.VisaLibraryBase.handle_return_value`,
as pyvisa-py and the ctypes backend do).

- ``write`` accepts anything and reports every byte written;
- ``read`` always returns :data:`ANSWER` (an identification string ending with ``\\n``)
  with the status ``VI_SUCCESS_TERM_CHAR``, whatever was written before;
- attributes are kept in a per-session dictionary, starting from the defaults of the
  test suite's fake backend (:mod:`pyvisa.testsuite._fake_backend`).
"""

from __future__ import annotations

import itertools
from typing import Any

from pyvisa import constants, rname
from pyvisa.constants import AccessModes, EventMechanism, EventType, StatusCode
from pyvisa.highlevel import VisaLibraryBase
from pyvisa.testsuite._fake_backend import default_attributes
from pyvisa.typing import VISAEventContext, VISARMSession, VISASession

#: What every read returns.
ANSWER = b"BENCH,FakeInstrument,0,1.0\n"

_SUCCESS = StatusCode.success
_TERMCHAR = StatusCode.success_termination_character_read


class BenchFakeLibrary(VisaLibraryBase):
    """VISA library whose message-based sessions answer every read instantly."""

    _sessions: dict[int, dict[int, Any] | None]

    def _init(self) -> None:
        self._sessions = {}
        self._handles = itertools.count(1)

    def open_default_resource_manager(self) -> tuple[VISARMSession, StatusCode]:
        session = VISARMSession(next(self._handles))
        self._sessions[session] = None
        return session, self.handle_return_value(session, _SUCCESS)

    def open(
        self,
        session: VISARMSession,
        resource_name: str,
        access_mode: AccessModes = AccessModes.no_lock,
        open_timeout: int = constants.VI_TMO_IMMEDIATE,
    ) -> tuple[VISASession, StatusCode]:
        parsed = rname.parse_resource_name(resource_name)
        handle = VISASession(next(self._handles))
        self._sessions[handle] = default_attributes(parsed)
        return handle, self.handle_return_value(handle, _SUCCESS)

    def close(self, session: VISASession | VISAEventContext | VISARMSession) -> StatusCode:
        self._sessions.pop(session, None)
        return self.handle_return_value(session, _SUCCESS)

    def get_attribute(self, session: Any, attribute: Any) -> tuple[Any, StatusCode]:
        attributes = self._sessions[session] or {}
        if attribute not in attributes:
            return None, self.handle_return_value(session, StatusCode.error_nonsupported_attribute)
        return attributes[attribute], self.handle_return_value(session, _SUCCESS)

    def set_attribute(self, session: Any, attribute: Any, attribute_state: Any) -> StatusCode:
        attributes = self._sessions[session]
        if attributes is not None:
            attributes[attribute] = attribute_state
        return self.handle_return_value(session, _SUCCESS)

    def write(self, session: VISASession, data: bytes) -> tuple[int, StatusCode]:
        self._sessions[session]  # noqa: B018 - a session lookup, as a real backend does
        return len(data), self.handle_return_value(session, _SUCCESS)

    def read(self, session: VISASession, count: int) -> tuple[bytes, StatusCode]:
        self._sessions[session]  # noqa: B018
        return ANSWER[:count], self.handle_return_value(session, _TERMCHAR)

    def clear(self, session: VISASession) -> StatusCode:
        return self.handle_return_value(session, _SUCCESS)

    def disable_event(
        self, session: VISASession, event_type: EventType, mechanism: EventMechanism
    ) -> StatusCode:
        return self.handle_return_value(session, _SUCCESS)

    def discard_events(
        self, session: VISASession, event_type: EventType, mechanism: EventMechanism
    ) -> StatusCode:
        return self.handle_return_value(session, _SUCCESS)


class PiecesFakeLibrary(BenchFakeLibrary):
    """In-process backend handing back queued messages in large pieces, as Python backends do.

    Pure-Python backends (pyvisa-py over sockets...) return what arrived in one ``bytes``
    object, however large, when the caller asks for that much. Here each queued message
    is a list of pieces: a read returns the rest of the current piece whole when ``count``
    allows it (without a copy when the piece was not started: the backend's own cost stays
    near zero), else its next ``count`` bytes. The last piece of a message comes with END
    (``VI_SUCCESS``), the others with ``VI_SUCCESS_MAX_CNT``. Termination characters are
    not looked for. With nothing queued, a read returns :data:`ANSWER`, as
    :class:`BenchFakeLibrary` does.
    """

    def _init(self) -> None:
        super()._init()
        #: Per session: pieces to hand back, as [data, offset already read, is last].
        self._queues: dict[int, list[list[Any]]] = {}
        #: Number of ``read`` calls served (the structural checks count them).
        self.reads = 0

    def feed(self, session: int, pieces: list[bytes]) -> None:
        """Queue one message made of ``pieces`` (the last one carries END)."""
        queue = self._queues.setdefault(session, [])
        queue.extend([piece, 0, False] for piece in pieces)
        queue[-1][2] = True

    def clear(self, session: VISASession) -> StatusCode:
        self._queues.pop(session, None)
        return super().clear(session)

    def read(self, session: VISASession, count: int) -> tuple[bytes, StatusCode]:
        self.reads += 1
        queue = self._queues.get(session)
        if not queue:
            return super().read(session, count)
        entry = queue[0]
        piece, offset, last = entry
        if len(piece) - offset <= count:
            del queue[0]
            data = piece[offset:] if offset else piece
            return data, self.handle_return_value(session, _SUCCESS if last else _MAX_COUNT)
        entry[1] = offset + count
        return piece[offset : offset + count], self.handle_return_value(session, _MAX_COUNT)


_MAX_COUNT = StatusCode.success_max_count_read
