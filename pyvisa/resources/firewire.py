"""Firewire (IEEE 1394) resources."""

from __future__ import annotations

from .. import constants
from .registerbased import RegisterBasedResource
from .resource import Resource

__all__ = ["FirewireInstrument"]


@Resource.register(constants.InterfaceType.firewire, "INSTR")
class FirewireInstrument(RegisterBasedResource):
    """Communicates with devices attached through a Firewire (IEEE 1394) interface.

    Do not instantiate directly, use
    :meth:`pyvisa.highlevel.ResourceManager.open_resource`.
    """
