"""Resource classes: the Python objects that stand for open VISA sessions.

:meth:`pyvisa.highlevel.ResourceManager.open_resource` picks the class registered for the
interface type and resource class of the resource name (importing this package registers
them all); :class:`MessageBasedResource` is the fallback for unknown pairs.
"""

from .firewire import FirewireInstrument
from .gpib import GPIBInstrument, GPIBInterface
from .messagebased import MessageBasedResource
from .pxi import PXIInstrument, PXIMemory
from .registerbased import RegisterBasedResource
from .resource import Resource
from .serial import SerialInstrument
from .tcpip import TCPIPInstrument, TCPIPSocket
from .usb import USBInstrument, USBRaw
from .vxi import VXIBackplane, VXIInstrument, VXIMemory

__all__ = [
    "FirewireInstrument",
    "GPIBInstrument",
    "GPIBInterface",
    "MessageBasedResource",
    "PXIInstrument",
    "PXIMemory",
    "RegisterBasedResource",
    "Resource",
    "SerialInstrument",
    "TCPIPInstrument",
    "TCPIPSocket",
    "USBInstrument",
    "USBRaw",
    "VXIBackplane",
    "VXIInstrument",
    "VXIMemory",
]
