"""Resource manager tests run against the Keysight virtual instrument.

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
    RESOURCE_ADDRESSES,
    require_virtual_instr,
)

_INSTR_ADDRESSES = [address for address in RESOURCE_ADDRESSES.values() if address.endswith("INSTR")]


@require_virtual_instr
class TestResourceManager:
    """Test the resource manager of the default library against a real instrument."""

    def setup_method(self) -> None:
        self.rm = ResourceManager()

    def teardown_method(self) -> None:
        if self.rm is not None:
            self.rm.close()

    def test_lifecycle(self) -> None:
        assert self.rm.session is not None
        assert self.rm.visalib is not None
        assert self.rm is self.rm.visalib.resource_manager
        assert not self.rm.list_opened_resources()

        instr = self.rm.open_resource(_INSTR_ADDRESSES[0])
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

    def test_resource_manager_unicity(self) -> None:
        assert ResourceManager() is self.rm
        assert ResourceManager(self.rm.visalib) is self.rm

    def test_str(self) -> None:
        assert str(self.rm).startswith("Resource Manager of Visa Library at")

    def test_repr(self) -> None:
        assert repr(self.rm).startswith("<ResourceManager(<VisaLibrary(")

    def test_last_status(self) -> None:
        assert self.rm.last_status == StatusCode.success
        with pytest.raises(errors.Error):
            self.rm.visalib.get_last_status_in_session(-1)  # type: ignore[arg-type]

    def test_list_resource(self) -> None:
        resources = self.rm.list_resources()
        for address in _INSTR_ADDRESSES:
            assert str(ResourceName.from_string(address)) in resources

    def test_accessing_resource_infos(self) -> None:
        for address in RESOURCE_ADDRESSES.values():
            parsed = ResourceName.from_string(address)
            info = self.rm.resource_info(address)
            assert info.interface_type == parsed.interface_type_const
            assert info.resource_class == parsed.resource_class
            assert info.resource_name == str(parsed)

            short = self.rm.resource_info(address, extended=False)
            assert short.interface_type == parsed.interface_type_const
            assert short.resource_class is None

    def test_listing_resource_infos(self) -> None:
        infos = self.rm.list_resources_info()
        for name, info in infos.items():
            assert info.resource_name == str(ResourceName.from_string(name))

    def test_opening_resource(self) -> None:
        instr = self.rm.open_resource(_INSTR_ADDRESSES[0], timeout=1234)
        try:
            assert instr.timeout == 1234
            assert instr in self.rm.list_opened_resources()
        finally:
            instr.close()
        assert instr not in self.rm.list_opened_resources()

    def test_opening_resource_bad_access_mode(self) -> None:
        with pytest.raises(VisaIOError):
            self.rm.open_resource(_INSTR_ADDRESSES[0], access_mode=0xFF)  # type: ignore[call-overload]

    def test_opening_resource_with_lock(self) -> None:
        first = self.rm.open_resource(_INSTR_ADDRESSES[0], access_mode=AccessModes.exclusive_lock)
        try:
            assert len(self.rm.list_opened_resources()) == 1
            with pytest.raises(VisaIOError) as excinfo:
                self.rm.open_resource(
                    _INSTR_ADDRESSES[0], access_mode=AccessModes.exclusive_lock, open_timeout=0
                )
            assert excinfo.value.error_code == StatusCode.error_resource_locked
        finally:
            first.close()

    def test_opening_resource_specific_class(self) -> None:
        from pyvisa.resources import MessageBasedResource

        instr = self.rm.open_resource(_INSTR_ADDRESSES[0], resource_pyclass=MessageBasedResource)
        try:
            assert type(instr) is MessageBasedResource
        finally:
            instr.close()

    def test_opening_resource_unknown_attribute(self) -> None:
        with pytest.raises(ValueError, match="'unknown_attribute' is not a valid attribute"):
            self.rm.open_resource(_INSTR_ADDRESSES[0], unknown_attribute=1)
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


class TestResourceParsing(BaseTestCase):
    """Test parsing resource names with the resource manager of the default library."""

    def setup_method(self) -> None:
        super().setup_method()
        self.rm = ResourceManager()

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
