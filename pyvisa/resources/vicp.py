"""VICP resources (LeCroy oscilloscopes over TCP/IP)."""

from __future__ import annotations

from .. import constants
from .messagebased import MessageBasedResource
from .resource import Resource

__all__ = ["VICPInstrument"]


@Resource.register(constants.InterfaceType.vicp, "INSTR")
class VICPInstrument(MessageBasedResource):
    """Communicates with devices of type VICP::host address[::INSTR].

    Do not instantiate directly, use
    :meth:`pyvisa.highlevel.ResourceManager.open_resource`.
    """
