"""TCPIP resources: VXI-11/HiSLIP instruments (INSTR), raw sockets (SOCKET), VICP instruments
and Prologix GPIB-ETHERNET controllers."""

from __future__ import annotations

from .. import constants
from .messagebased import ControlRenMixin, MessageBasedResource
from .resource import Resource

__all__ = ["PrlgxTCPIPIntfc", "TCPIPInstrument", "TCPIPSocket", "VICPInstrument"]


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


@Resource.register(constants.InterfaceType.vicp, "INSTR")
class VICPInstrument(ControlRenMixin, MessageBasedResource):
    """Communicates with Teledyne LeCroy devices of type VICP::host address[::INSTR].

    Do not instantiate directly, use
    :meth:`pyvisa.highlevel.ResourceManager.open_resource`.
    """


@Resource.register(constants.InterfaceType.prlgx_tcpip, "INTFC")
class PrlgxTCPIPIntfc(MessageBasedResource):
    """Communicates with a Prologix GPIB-ETHERNET controller PRLGX-TCPIP::host[::port]::INTFC.

    Do not instantiate directly, use
    :meth:`pyvisa.highlevel.ResourceManager.open_resource`.
    """
