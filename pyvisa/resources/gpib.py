"""GPIB resources: instruments (INSTR) and interfaces/boards (INTFC)."""

from __future__ import annotations

import time
from enum import Enum

from .. import attributes, constants, errors
from ..attributes import Attribute
from ..constants import EventMechanism, EventType, StatusCode
from .messagebased import ControlRenMixin, MessageBasedResource
from .resource import Resource, check_status, to_visa_timeout

__all__ = ["GPIBCommand", "GPIBInstrument", "GPIBInterface", "NIEnet100TCPIPIntfc"]

#: Bit of the status byte telling that the device requested service (RQS).
_RQS_BIT = 0x40


def _address_byte(base: int, address: int, highest: int, what: str) -> bytes:
    if not 0 <= address <= highest:
        raise errors.InvalidArgument(f"Invalid GPIB {what} {address!r}: expected 0 to {highest}")
    return bytes([base + address])


def _secondary_address(resource: GPIBInstrument) -> int | None:
    """Secondary address (0-30) of a GPIB instrument, None when it has none."""
    try:
        secondary = resource.secondary_address
    except errors.VisaIOError as exc:
        if exc.error_code != StatusCode.error_nonsupported_attribute:
            raise
        return None
    if secondary is None or not 0 <= secondary <= 30:
        return None  # VI_NO_SEC_ADDR
    return int(secondary)


class GPIBCommand(bytes, Enum):
    """GPIB (IEEE 488.1) command bytes, to be sent with ``GPIBInterface.send_command``.

    Each command has its mnemonic and a descriptive name; the static methods build the
    addressing commands.
    """

    # Addressed commands: they act on the devices addressed to listen.
    #: Go to local.
    GTL = b"\x01"
    go_to_local = b"\x01"
    #: Selected device clear.
    SDC = b"\x04"
    selected_device_clear = b"\x04"
    #: Parallel poll configure.
    PPC = b"\x05"
    parallel_poll_configure = b"\x05"
    #: Group execute trigger.
    GET = b"\x08"
    group_execute_trigger = b"\x08"
    #: Take control.
    TCT = b"\x09"
    take_control = b"\x09"

    # Universal commands: they act on every device of the bus.
    #: Local lockout.
    LLO = b"\x11"
    local_lockout = b"\x11"
    #: Device clear.
    DCL = b"\x14"
    device_clear = b"\x14"
    #: Parallel poll unconfigure.
    PPU = b"\x15"
    parallel_poll_unconfigure = b"\x15"
    #: Serial poll enable.
    SPE = b"\x18"
    serial_poll_enable = b"\x18"
    #: Serial poll disable.
    SPD = b"\x19"
    serial_poll_disable = b"\x19"
    #: Configure enable.
    CFE = b"\x1f"
    configure_enable = b"\x1f"

    #: Unlisten (every device stops listening).
    UNL = b"\x3f"
    unlisten = b"\x3f"
    #: Untalk (the talker stops talking).
    UNT = b"\x5f"
    untalk = b"\x5f"

    @staticmethod
    def MTA(board_pad: int) -> bytes:
        """My talk address: make the board of primary address ``board_pad`` (0-30) talk."""
        return _address_byte(0x40, board_pad, 30, "primary address")

    @staticmethod
    def MLA(device_pad: int) -> bytes:
        """My listen address: make the device of primary address ``device_pad`` listen."""
        return _address_byte(0x20, device_pad, 30, "primary address")

    @staticmethod
    def MSA(device_sad: int) -> bytes:
        """My secondary address: address the secondary address ``device_sad`` (0-30)."""
        return _address_byte(0x60, device_sad, 30, "secondary address")

    @staticmethod
    def talker(board_pad: int) -> bytes:
        """Same as :meth:`MTA`."""
        return GPIBCommand.MTA(board_pad)

    @staticmethod
    def listener(device_pad: int) -> bytes:
        """Same as :meth:`MLA`."""
        return GPIBCommand.MLA(device_pad)

    @staticmethod
    def secondary_address(device_sad: int) -> bytes:
        """Same as :meth:`MSA`."""
        return GPIBCommand.MSA(device_sad)


class _GPIBMixin(ControlRenMixin):
    """Operations and attributes common to the GPIB INSTR and INTFC resources.

    The mixin precedes :class:`MessageBasedResource` in the bases of the GPIB classes.
    """

    #: Primary address of the GPIB device used by the given session.
    primary_address: Attribute[int] = attributes.AttrVI_ATTR_GPIB_PRIMARY_ADDR()

    #: Secondary address of the GPIB device used by the given session.
    secondary_address: Attribute[int] = attributes.AttrVI_ATTR_GPIB_SECONDARY_ADDR()

    #: Current state of the GPIB REN (Remote ENable) interface line.
    remote_enabled: Attribute[constants.LineState] = attributes.AttrVI_ATTR_GPIB_REN_STATE()

    def send_command(self, data: bytes) -> tuple[int, StatusCode]:
        """Write GPIB command bytes on the bus.

        Corresponds to viGpibCommand function of the VISA library.

        Parameters
        ----------
        data : bytes
            Command to write.

        Returns
        -------
        int
            Number of bytes written
        constants.StatusCode
            Return value of the library call.

        """
        count, status = self.visalib.gpib_command(self.session, data)
        check_status(status)
        return count, status

    def control_atn(self, mode: constants.ATNLineOperation) -> StatusCode:
        """Specifies the state of the ATN line and the local active controller state.

        Corresponds to viGpibControlATN function of the VISA library.

        Parameters
        ----------
        mode : constants.ATNLineOperation
            Specifies the state of the ATN line and optionally the local active controller
            state.

        Returns
        -------
        constants.StatusCode
            Return value of the library call.

        """
        status = self.visalib.gpib_control_atn(self.session, mode)
        check_status(status)
        return status

    def pass_control(self, primary_address: int, secondary_address: int) -> StatusCode:
        """Tell a GPIB device to become controller in charge (CIC).

        Corresponds to viGpibPassControl function of the VISA library.

        Parameters
        ----------
        primary_address : int
            Primary address of the GPIB device to which you want to pass control.
        secondary_address : int
            Secondary address of the targeted GPIB device. If the targeted device does not
            have a secondary address, this parameter should contain the value
            Constants.NO_SEC_ADDR.

        Returns
        -------
        constants.StatusCode
            Return value of the library call.

        """
        status = self.visalib.gpib_pass_control(self.session, primary_address, secondary_address)
        check_status(status)
        return status

    def send_ifc(self) -> StatusCode:
        """Pulse the interface clear line (IFC) for at least 100 microseconds.

        Corresponds to viGpibSendIFC function of the VISA library.

        Returns
        -------
        constants.StatusCode
            Return value of the library call.

        """
        status = self.visalib.gpib_send_ifc(self.session)
        check_status(status)
        return status


@Resource.register(constants.InterfaceType.gpib, "INSTR")
class GPIBInstrument(_GPIBMixin, MessageBasedResource):
    """Communicates with devices of type GPIB::<primary address>[::INSTR].

    More complex resource names can be specified with the following grammar:
    GPIB[board]::primary address[::secondary address][::INSTR]

    Do not instantiate directly, use
    :meth:`pyvisa.highlevel.ResourceManager.open_resource`.
    """

    #: Whether to unaddress the device (UNT and UNL) after each read or write operation.
    enable_unaddressing: Attribute[bool] = attributes.AttrVI_ATTR_GPIB_UNADDR_EN()

    #: Whether to use repeat addressing before each read or write operation.
    enable_repeat_addressing: Attribute[bool] = attributes.AttrVI_ATTR_GPIB_READDR_EN()

    def wait_for_srq(self, timeout: float | None = 25000) -> None:
        """Wait for a serial request (SRQ) coming from the instrument.

        Note that this method is not ended when another instrument signals an SRQ, only
        this instrument.

        Parameters
        ----------
        timeout : float | None
            Maximum waiting time in milliseconds. Defaul: 25000 (milliseconds). None means
            waiting forever if necessary.

        Raises
        ------
        errors.VisaIOError
            With ``VI_ERROR_TMO`` if this instrument did not request service in time.

        """
        infinite = to_visa_timeout(timeout) == constants.VI_TMO_INFINITE
        deadline = 0.0 if infinite else time.monotonic() + (timeout or 0) / 1000
        self.enable_event(EventType.service_request, EventMechanism.queue)
        try:
            while True:
                if infinite:
                    remaining = constants.VI_TMO_INFINITE
                else:
                    remaining = max(int((deadline - time.monotonic()) * 1000), 0)
                response = self.wait_on_event(EventType.service_request, remaining)
                response.close()
                if self.stb & _RQS_BIT:
                    return
                if not infinite and remaining == 0:
                    raise errors.VisaIOError(StatusCode.error_timeout)
        finally:
            self.discard_events(EventType.service_request, EventMechanism.queue)
            self.disable_event(EventType.service_request, EventMechanism.queue)


@Resource.register(constants.InterfaceType.gpib, "INTFC")
class GPIBInterface(_GPIBMixin, MessageBasedResource):
    """Communicates with a GPIB board (controller) GPIB[board]::INTFC.

    Do not instantiate directly, use
    :meth:`pyvisa.highlevel.ResourceManager.open_resource`.
    """

    #: Is the GPIB interface currently addressed to talk or listen, or is not addressed.
    address_state: Attribute[constants.AddressState] = attributes.AttrVI_ATTR_GPIB_ADDR_STATE()

    #: Current state of the GPIB ATN (ATtentioN) interface line.
    atn_state: Attribute[constants.LineState] = attributes.AttrVI_ATTR_GPIB_ATN_STATE()

    #: Is the specified GPIB interface currently CIC (Controller In Charge).
    is_controller_in_charge: Attribute[bool] = attributes.AttrVI_ATTR_GPIB_CIC_STATE()

    #: Is the specified GPIB interface currently the system controller.
    is_system_controller: Attribute[bool] = attributes.AttrVI_ATTR_GPIB_SYS_CNTRL_STATE()

    #: Current state of the GPIB NDAC (Not Data ACcepted) interface line.
    ndac_state: Attribute[constants.LineState] = attributes.AttrVI_ATTR_GPIB_NDAC_STATE()

    def group_execute_trigger(self, *resources: GPIBInstrument) -> tuple[int, StatusCode]:
        """Send a group execute trigger (GET) to the given GPIB instruments.

        Parameters
        ----------
        resources : GPIBInstrument
            GPIB resources to which to send the group trigger.

        Returns
        -------
        int
            Number of bytes written as part of sending the GPIB commands.
        constants.StatusCode
            Return value of the library call.

        """
        for resource in resources:
            if not isinstance(resource, GPIBInstrument):
                raise errors.InvalidArgument(f"{resource!r} is not a GPIBInstrument")
        if not self.is_controller_in_charge:
            self.send_ifc()
        # Talk address 0 and unlisten (UNL) so that only the given devices listen, then
        # their listen addresses (followed by their secondary address if they have one)
        # and GET.
        command = [GPIBCommand.MTA(0), GPIBCommand.UNL.value]
        for resource in resources:
            command.append(GPIBCommand.MLA(resource.primary_address))
            secondary = _secondary_address(resource)
            if secondary is not None:
                command.append(GPIBCommand.MSA(secondary))
        command.append(GPIBCommand.GET.value)
        return self.send_command(b"".join(command))


@Resource.register(constants.InterfaceType.ni_enet100_tcpip, "INTFC")
class NIEnet100TCPIPIntfc(GPIBInterface):
    """Communicates with an NI GPIB-ENET/100 bridge: a GPIB interface reached over TCPIP.

    Do not instantiate directly, use
    :meth:`pyvisa.highlevel.ResourceManager.open_resource`.
    """
