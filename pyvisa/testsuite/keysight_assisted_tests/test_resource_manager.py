"""Resource manager tests run against an instrument (see the package docstring).

Backends subclass :class:`TestResourceManager` and :class:`TestResourceParsing`.
"""

import gc
import logging

import pytest

from pyvisa import InvalidSession, ResourceManager, VisaIOError, errors
from pyvisa.constants import AccessModes, InterfaceType, StatusCode
from pyvisa.highlevel import ResourceInfo, VisaLibraryBase
from pyvisa.rname import ResourceName
from pyvisa.testsuite import BaseTestCase
from pyvisa.testsuite.keysight_assisted_tests import (
    ALIASES,
    REAL_INSTRUMENT,
    library_spec,
    require_target,
    resource_addresses,
)

_NO_DISCOVERY = (
    "Listing TCPIP resources broadcasts on the network (VXI-11 portmapper, mDNS) and the "
    "loopback instrument only listens on 127.0.0.1"
)


def _instr_addresses() -> list[str]:
    return [address for address in resource_addresses().values() if address.endswith("INSTR")]


def _skip_unless_locking(rm: ResourceManager, address: str) -> None:
    """Skip the test when the library cannot lock the resource at all."""
    with rm.open_resource(address) as probe:
        try:
            probe.lock_excl(timeout=100)
        except VisaIOError as exc:
            if exc.error_code == StatusCode.error_nonsupported_operation:
                pytest.skip(f"{rm.visalib} does not support locks on {address}: {exc}")
            raise
        probe.unlock()


@require_target
class TestResourceManager:
    """Test the resource manager of the library against an instrument."""

    def setup_method(self) -> None:
        self.rm = ResourceManager(library_spec())

    def teardown_method(self) -> None:
        if self.rm is not None:
            self.rm.close()

    def test_lifecycle(self) -> None:
        assert self.rm.session is not None
        assert self.rm.visalib is not None
        assert self.rm is self.rm.visalib.resource_manager
        assert not self.rm.list_opened_resources()

        instr = self.rm.open_resource(_instr_addresses()[0])
        assert self.rm.list_opened_resources() == [instr]
        self.rm.close()
        with pytest.raises(InvalidSession):
            _ = self.rm.session
        with pytest.raises(InvalidSession):
            _ = instr.session
        assert self.rm.visalib.resource_manager is None

    def test_cleanup_on_del(self, caplog: pytest.LogCaptureFixture) -> None:
        visalib = self.rm.visalib
        with caplog.at_level(logging.DEBUG, logger="pyvisa"):
            self.rm = None  # type: ignore[assignment]
            gc.collect()
        assert "Traceback" not in caplog.text
        # The manager was collected (and its session closed by its finalizer).
        assert visalib.resource_manager is None

    def test_context_manager(self) -> None:
        with ResourceManager(library_spec()) as rm:
            assert rm is self.rm
            instr = rm.open_resource(_instr_addresses()[0])
            assert instr.query("*IDN?").count(",") == 3
        with pytest.raises(InvalidSession):
            _ = rm.session
        with pytest.raises(InvalidSession):
            _ = instr.session
        self.rm = None  # type: ignore[assignment]

    def test_resource_manager_unicity(self) -> None:
        assert ResourceManager(library_spec()) is self.rm
        assert ResourceManager(self.rm.visalib) is self.rm

    def test_str(self) -> None:
        assert str(self.rm).startswith("Resource Manager of Visa Library at")

    def test_repr(self) -> None:
        assert repr(self.rm).startswith("<ResourceManager(<VisaLibrary(")

    def test_last_status(self) -> None:
        with self.rm.open_resource(_instr_addresses()[0]) as instr:
            instr.write("*CLS")
            assert instr.last_status == StatusCode.success
            instr.query("*IDN?")
            assert instr.last_status >= 0
        if REAL_INSTRUMENT:
            # pyvisa-py records no status for opening the resource manager session.
            assert self.rm.last_status == StatusCode.success
        with pytest.raises(errors.Error):
            self.rm.visalib.get_last_status_in_session(-1)  # type: ignore[arg-type]

    def test_list_resource(self) -> None:
        if not REAL_INSTRUMENT:
            pytest.skip(_NO_DISCOVERY)
        resources = self.rm.list_resources()
        for address in _instr_addresses():
            assert str(ResourceName.from_string(address)) in resources

    def test_accessing_resource_infos(self) -> None:
        for address in resource_addresses().values():
            parsed = ResourceName.from_string(address)
            info = self.rm.resource_info(address)
            assert info.interface_type == parsed.interface_type_const
            assert info.resource_class == parsed.resource_class
            assert info.resource_name == str(parsed)

            short = self.rm.resource_info(address, extended=False)
            assert short.interface_type == parsed.interface_type_const
            assert short.resource_class is None

    def test_listing_resource_infos(self) -> None:
        if not REAL_INSTRUMENT:
            pytest.skip(_NO_DISCOVERY)
        infos = self.rm.list_resources_info()
        for name, info in infos.items():
            assert info.resource_name == str(ResourceName.from_string(name))

    def test_opening_resource(self) -> None:
        instr = self.rm.open_resource(_instr_addresses()[0], timeout=1234)
        try:
            assert instr.timeout == 1234
            assert instr in self.rm.list_opened_resources()
            assert instr.resource_manager is self.rm
            assert instr.visalib is self.rm.visalib
        finally:
            instr.close()
        assert instr not in self.rm.list_opened_resources()

    def test_opening_resource_attributes(self) -> None:
        instr = self.rm.open_resource(
            _instr_addresses()[0], read_termination="\n", write_termination="\n", chunk_size=99
        )
        try:
            assert instr.read_termination == "\n"
            assert instr.write_termination == "\n"
            assert instr.chunk_size == 99
        finally:
            instr.close()

    def test_closing_resources_with_manager(self) -> None:
        first = self.rm.open_resource(_instr_addresses()[0])
        second = self.rm.open_resource(resource_addresses()["TCPIP::SOCKET"])
        assert set(self.rm.list_opened_resources()) == {first, second}
        self.rm.close()
        for instr in (first, second):
            with pytest.raises(InvalidSession):
                _ = instr.session

    def test_opening_resource_bad_access_mode(self) -> None:
        try:
            instr = self.rm.open_resource(_instr_addresses()[0], access_mode=0xFF)  # type: ignore[call-overload]
        except VisaIOError:
            return
        instr.close()
        if REAL_INSTRUMENT:
            pytest.fail("opening with an invalid access mode did not raise VisaIOError")
        pytest.skip(f"{self.rm.visalib} does not check the access mode when opening")

    def test_opening_resource_with_lock(self) -> None:
        address = _instr_addresses()[0]
        _skip_unless_locking(self.rm, address)
        first = self.rm.open_resource(address, access_mode=AccessModes.exclusive_lock)
        try:
            assert len(self.rm.list_opened_resources()) == 1
            with pytest.raises(VisaIOError) as excinfo:
                self.rm.open_resource(
                    address, access_mode=AccessModes.exclusive_lock, open_timeout=0
                )
            assert excinfo.value.error_code == StatusCode.error_resource_locked
        finally:
            first.close()

    def test_opening_resource_specific_class(self) -> None:
        from pyvisa.resources import MessageBasedResource

        instr = self.rm.open_resource(_instr_addresses()[0], resource_pyclass=MessageBasedResource)
        try:
            assert type(instr) is MessageBasedResource
        finally:
            instr.close()

    def test_opening_resource_unknown_attribute(self) -> None:
        with pytest.raises(ValueError, match="'unknown_attribute' is not a valid attribute"):
            self.rm.open_resource(_instr_addresses()[0], unknown_attribute=1)
        assert not self.rm.list_opened_resources()

    def test_opening_resource_by_alias(self) -> None:
        if not ALIASES:
            pytest.skip("No alias is configured on this machine")
        for name, alias in ALIASES.items():
            instr = self.rm.open_resource(alias)
            try:
                assert instr.resource_name == str(ResourceName.from_string(name))
            finally:
                instr.close()


@require_target
class TestResourceParsing(BaseTestCase):
    """Test parsing resource names with the resource manager of the default library."""

    def setup_method(self) -> None:
        super().setup_method()
        self.rm = ResourceManager(library_spec())

    def teardown_method(self) -> None:
        self.rm.close()
        super().teardown_method()

    def test_parse_tcpip_instr(self) -> None:
        self._check_parsing(
            "TCPIP::192.168.200.200::INSTR",
            ResourceInfo(
                InterfaceType.tcpip, 0, "INSTR", "TCPIP0::192.168.200.200::inst0::INSTR", None
            ),
        )

    def test_parse_tcpip_socket(self) -> None:
        self._check_parsing(
            "TCPIP::192.168.200.200::7020::SOCKET",
            ResourceInfo(
                InterfaceType.tcpip, 0, "SOCKET", "TCPIP0::192.168.200.200::7020::SOCKET", None
            ),
        )

    def test_parse_gpib_instr(self) -> None:
        self._check_parsing(
            "GPIB::12::INSTR",
            ResourceInfo(InterfaceType.gpib, 0, "INSTR", "GPIB0::12::INSTR", None),
        )

    def _check_parsing(self, name: str, expected: ResourceInfo) -> None:
        info, status = VisaLibraryBase.parse_resource_extended(
            self.rm.visalib, self.rm.session, name
        )
        assert status == StatusCode.success
        assert info == expected
        backend_info = self.rm.resource_info(name)
        assert backend_info.interface_type == expected.interface_type
        assert backend_info.resource_class == expected.resource_class
