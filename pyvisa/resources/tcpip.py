"""TCPIP resources: VXI-11/HiSLIP instruments (INSTR) and raw sockets (SOCKET)."""

from __future__ import annotations

from .. import constants
from .messagebased import ControlRenMixin, MessageBasedResource
from .resource import Resource

__all__ = ["TCPIPInstrument", "TCPIPSocket"]


@Resource.register(constants.InterfaceType.tcpip, "INSTR")
class TCPIPInstrument(ControlRenMixin, MessageBasedResource):
    """Communicates with devices of type TCPIP::host address[::INSTR].

    Do not instantiate directly, use
    :meth:`pyvisa.highlevel.ResourceManager.open_resource`.
    """


@Resource.register(constants.InterfaceType.tcpip, "SOCKET")
class TCPIPSocket(MessageBasedResource):
    """Communicates with devices of type TCPIP::host address::port::SOCKET.

    Do not instantiate directly, use
    :meth:`pyvisa.highlevel.ResourceManager.open_resource`.
    """
