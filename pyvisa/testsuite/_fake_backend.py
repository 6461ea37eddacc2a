"""A pure-Python VISA backend used to test the frontend (not a simulator of real devices).

Tests install this module as the top-level module ``pyvisa_faketest`` (see
:func:`install`), so that ``ResourceManager("@faketest")`` resolves to
:class:`FakeVisaLibrary`. The library records every backend call in ``calls``, routes
every status through :meth:`handle_return_value` (like pyvisa-py) and keeps simple
message-based devices: writing ``*IDN?`` queues an identification answer, anything else
is echoed back.

When the ``PYVISA_FAKETEST_CLOSE_LOG`` environment variable names a file, every closed
session is appended to it (used to observe closing at interpreter exit).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pyvisa import constants, rname
from pyvisa.constants import AccessModes, EventMechanism, EventType, StatusCode
from pyvisa.highlevel import VisaLibraryBase
from pyvisa.typing import VISAEventContext, VISAHandler, VISARMSession, VISASession
from pyvisa.util import DebugInfo, LibraryPath

#: Name under which tests install this module.
MODULE_NAME = "pyvisa_faketest"

#: Resources every fake library exposes (canonical names).
DEFAULT_RESOURCES = (
    "GPIB0::1::INSTR",
    "TCPIP0::192.168.0.5::inst0::INSTR",
    "TCPIP0::192.168.0.5::5025::SOCKET",
    "ASRL1::INSTR",
    "USB0::0x1111::0x2222::SN42::0::INSTR",
)

IDN = b"FAKE,Instrument,0,1.0\n"


@dataclass
class FakeSession:
    """State of one open session of the fake library."""

    resource_name: str
    attributes: dict[int, Any] = field(default_factory=dict)
    output: bytearray = field(default_factory=bytearray)


def default_attributes(parsed: rname.ResourceName) -> dict[int, Any]:
    """Attributes of a newly opened session (also used by ``_resources_helpers``)."""
    return {
        constants.VI_ATTR_TMO_VALUE: 2000,
        constants.VI_ATTR_TERMCHAR: 10,
        constants.VI_ATTR_TERMCHAR_EN: constants.VI_FALSE,
        constants.VI_ATTR_SEND_END_EN: constants.VI_TRUE,
        constants.VI_ATTR_SUPPRESS_END_EN: constants.VI_FALSE,
        constants.VI_ATTR_INTF_TYPE: parsed.interface_type_const,
        constants.VI_ATTR_RSRC_CLASS: parsed.resource_class,
        constants.VI_ATTR_RSRC_NAME: str(parsed),
        constants.VI_ATTR_INTF_NUM: 0,
    }


class FakeVisaLibrary(VisaLibraryBase):
    """In-memory VISA library recording the calls it receives."""

    sessions: dict[int, FakeSession | None]
    calls: list[tuple[Any, ...]]
    init_count: int
    path_seen_by_init: str
    resources: list[str]

    @staticmethod
    def get_library_paths() -> Iterable[LibraryPath]:
        """The fake library has a single default path."""
        return (LibraryPath("fake-default"),)

    @staticmethod
    def get_debug_info() -> DebugInfo:
        """Debug information of the fake library."""
        return {"Version": "0.0"}

    def _init(self) -> None:
        if "unopenable" in self.library_path:
            raise OSError(f"cannot open {self.library_path}")
        self.init_count = getattr(self, "init_count", 0) + 1
        self.path_seen_by_init = str(self.library_path)
        self.sessions = {}
        self.calls = []
        self.resources = list(DEFAULT_RESOURCES)
        self._handles = itertools.count(1000)

    def _new_handle(self) -> int:
        return next(self._handles)

    def _session(self, session: Any) -> FakeSession | None:
        if session not in self.sessions:
            self.handle_return_value(session, StatusCode.error_invalid_object)
        return self.sessions[session]

    def open_default_resource_manager(self) -> tuple[VISARMSession, StatusCode]:
        self.calls.append(("open_default_resource_manager",))
        handle = VISARMSession(self._new_handle())
        self.sessions[handle] = None
        return handle, self.handle_return_value(handle, StatusCode.success)

    def list_resources(self, session: VISARMSession, query: str = "?*::INSTR") -> tuple[str, ...]:
        self.calls.append(("list_resources", session, query))
        return rname.filter(self.resources, query)

    def open(
        self,
        session: VISARMSession,
        resource_name: str,
        access_mode: AccessModes = AccessModes.no_lock,
        open_timeout: int = constants.VI_TMO_IMMEDIATE,
    ) -> tuple[VISASession, StatusCode]:
        self.calls.append(("open", session, resource_name, access_mode, open_timeout))
        self._session(session)
        try:
            parsed = rname.parse_resource_name(resource_name)
        except rname.InvalidResourceName:
            return VISASession(0), self.handle_return_value(
                None, StatusCode.error_invalid_resource_name
            )
        if str(parsed) not in self.resources:
            return VISASession(0), self.handle_return_value(
                None, StatusCode.error_resource_not_found
            )
        handle = VISASession(self._new_handle())
        self.sessions[handle] = FakeSession(str(parsed), default_attributes(parsed))
        return handle, self.handle_return_value(handle, StatusCode.success)

    def close(self, session: VISASession | VISAEventContext | VISARMSession) -> StatusCode:
        self.calls.append(("close", session))
        self._session(session)
        del self.sessions[session]
        log = os.environ.get("PYVISA_FAKETEST_CLOSE_LOG")
        if log:
            with open(log, "a", encoding="utf-8") as stream:
                stream.write(f"{session}\n")
        return self.handle_return_value(session, StatusCode.success)

    def get_attribute(self, session: Any, attribute: Any) -> tuple[Any, StatusCode]:
        self.calls.append(("get_attribute", session, attribute))
        state = self._session(session)
        if state is None or attribute not in state.attributes:
            return None, self.handle_return_value(session, StatusCode.error_nonsupported_attribute)
        return state.attributes[attribute], self.handle_return_value(session, StatusCode.success)

    def set_attribute(self, session: Any, attribute: Any, attribute_state: Any) -> StatusCode:
        self.calls.append(("set_attribute", session, attribute, attribute_state))
        state = self._session(session)
        if state is None:
            return self.handle_return_value(session, StatusCode.error_nonsupported_attribute)
        state.attributes[attribute] = attribute_state
        return self.handle_return_value(session, StatusCode.success)

    def write(self, session: VISASession, data: bytes) -> tuple[int, StatusCode]:
        self.calls.append(("write", session, bytes(data)))
        state = self._session(session)
        assert state is not None
        state.output += IDN if data.strip() == b"*IDN?" else bytes(data)
        return len(data), self.handle_return_value(session, StatusCode.success)

    def read(self, session: VISASession, count: int) -> tuple[bytes, StatusCode]:
        self.calls.append(("read", session, count))
        state = self._session(session)
        assert state is not None
        if not state.output:
            return b"", self.handle_return_value(session, StatusCode.error_timeout)
        chunk = bytes(state.output[:count])
        del state.output[:count]
        if state.output:
            return chunk, self.handle_return_value(session, StatusCode.success_max_count_read)
        return chunk, self.handle_return_value(session, StatusCode.success)

    def clear(self, session: VISASession) -> StatusCode:
        self.calls.append(("clear", session))
        state = self._session(session)
        if state is not None:
            state.output.clear()
        return self.handle_return_value(session, StatusCode.success)

    def disable_event(
        self, session: VISASession, event_type: EventType, mechanism: EventMechanism
    ) -> StatusCode:
        self.calls.append(("disable_event", session, event_type, mechanism))
        # Like pyvisa-py: a negative status returned without raising.
        return StatusCode.error_nonimplemented_operation

    def discard_events(
        self, session: VISASession, event_type: EventType, mechanism: EventMechanism
    ) -> StatusCode:
        self.calls.append(("discard_events", session, event_type, mechanism))
        return StatusCode.error_nonimplemented_operation

    def install_handler(
        self, session: VISASession, event_type: EventType, handler: VISAHandler, user_handle: Any
    ) -> tuple[VISAHandler, Any, Any, StatusCode]:
        self.calls.append(("install_handler", session, event_type, handler, user_handle))
        if not callable(handler):
            raise TypeError(f"{handler!r} is not callable")
        converted = ("converted", handler)
        return (
            handler,
            user_handle,
            converted,
            self.handle_return_value(session, StatusCode.success),
        )

    def uninstall_handler(
        self,
        session: VISASession,
        event_type: EventType,
        handler: VISAHandler,
        user_handle: Any = None,
    ) -> StatusCode:
        self.calls.append(("uninstall_handler", session, event_type, handler, user_handle))
        return self.handle_return_value(session, StatusCode.success)

    def in_8(self, session: Any, space: Any, offset: int, extended: bool = False) -> Any:
        return ("in_8", offset), StatusCode.success

    def in_16(self, session: Any, space: Any, offset: int, extended: bool = False) -> Any:
        return ("in_16", offset), StatusCode.success

    def in_32(self, session: Any, space: Any, offset: int, extended: bool = False) -> Any:
        return ("in_32", offset), StatusCode.success

    def in_64(self, session: Any, space: Any, offset: int, extended: bool = False) -> Any:
        return ("in_64", offset), StatusCode.success

    def count(self, operation: str) -> int:
        """Number of recorded calls of an operation."""
        return sum(1 for call in self.calls if call[0] == operation)


WRAPPER_CLASS = FakeVisaLibrary


L = TypeVar("L", bound=VisaLibraryBase)


def forget_library(library: VisaLibraryBase) -> None:
    """Drop a library from the instance cache of ``VisaLibraryBase``."""
    VisaLibraryBase._registry.pop((type(library), library.library_path), None)


@contextlib.contextmanager
def fresh_library(cls: type[L], prefix: str = "fake") -> Iterator[L]:
    """A new instance of a library class (unique path), forgotten afterwards."""
    library = cls(f"{prefix}-{uuid.uuid4()}")
    try:
        yield library
    finally:
        forget_library(library)


def install() -> None:
    """Make this module importable as ``pyvisa_faketest``."""
    sys.modules[MODULE_NAME] = sys.modules[__name__]
