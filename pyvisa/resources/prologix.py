"""Prologix GPIB-ETHERNET and GPIB-USB controllers (interfaces provided by pyvisa-py)."""

from __future__ import annotations

from .. import constants
from .messagebased import MessageBasedResource
from .resource import Resource
from .serial import SerialInstrument

__all__ = ["PrologixASRLIntfc", "PrologixTCPIPIntfc"]


@Resource.register(constants.InterfaceType.prlgx_tcpip, "INTFC")
class PrologixTCPIPIntfc(MessageBasedResource):
    """Communicates with a Prologix GPIB-ETHERNET controller PRLGX-TCPIP::host[::port]::INTFC.

    Do not instantiate directly, use
    :meth:`pyvisa.highlevel.ResourceManager.open_resource`.
    """


@Resource.register(constants.InterfaceType.prlgx_asrl, "INTFC")
class PrologixASRLIntfc(SerialInstrument):
    """Communicates with a Prologix GPIB-USB controller PRLGX-ASRL::serial device::INTFC.

    Unlike a serial instrument it has no default read termination.

    Do not instantiate directly, use
    :meth:`pyvisa.highlevel.ResourceManager.open_resource`.
    """

    _read_termination: str = ""
