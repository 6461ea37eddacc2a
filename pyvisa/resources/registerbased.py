"""Register based resources: instruments driven through memory reads and writes."""

from __future__ import annotations

from collections.abc import Iterable

from ..constants import AddressSpace, StatusCode, WidthSpec, width_in_bits
from .resource import Resource, check_status

__all__ = ["RegisterBasedResource"]


def _checked_width(width: WidthSpec) -> WidthSpec:
    """Validate a data width (bits or DataWidth member); it goes to the backend as given."""
    width_in_bits(width)
    return width


class RegisterBasedResource(Resource):
    """Base class for resources that use register based communication."""

    def read_memory(
        self, space: AddressSpace, offset: int, width: WidthSpec, extended: bool = False
    ) -> int:
        """Read a value from the specified memory space and offset.

        Parameters
        ----------
        space : constants.AddressSpace
            Specifies the address space from which to read.
        offset : int
            Offset (in bytes) of the address or register from which to read.
        width : Union[Literal[8, 16, 32, 64], constants.DataWidth]
            Number of bits to read (8, 16, 32 or 64).
        extended : bool, optional
            Use 64 bits offset independent of the platform.

        Returns
        -------
        data : int
            Data read from memory

        Raises
        ------
        ValueError
            Raised if an invalid width is specified.

        """
        value, status = self.visalib.read_memory(
            self.session, space, offset, _checked_width(width), extended
        )
        check_status(status)
        return value

    def write_memory(
        self,
        space: AddressSpace,
        offset: int,
        data: int,
        width: WidthSpec,
        extended: bool = False,
    ) -> StatusCode:
        """Write a value to the specified memory space and offset.

        Parameters
        ----------
        space : constants.AddressSpace
            Specifies the address space.
        offset : int
            Offset (in bytes) of the address or register from which to read.
        data : int
            Data to write to bus.
        width : Union[Literal[8, 16, 32, 64], constants.DataWidth]
            Number of bits to read.
        extended : bool, optional
            Use 64 bits offset independent of the platform, by default False.

        Returns
        -------
        constants.StatusCode
            Return value of the library call.

        Raises
        ------
        ValueError
            Raised if an invalid width is specified.

        """
        status = self.visalib.write_memory(
            self.session, space, offset, data, _checked_width(width), extended
        )
        check_status(status)
        return status

    def move_in(
        self,
        space: AddressSpace,
        offset: int,
        length: int,
        width: WidthSpec,
        extended: bool = False,
    ) -> list[int]:
        """Move a block of data to local memory from the given address space and offset.

        Corresponds to viMoveIn* functions of the VISA library.

        Parameters
        ----------
        space : constants.AddressSpace
            Address space from which to move the data.
        offset : int
            Offset (in bytes) of the address or register from which to read.
        length : int
            Number of elements to transfer, where the data width of the elements to transfer
            is identical to the source data width.
        width : Union[Literal[8, 16, 32, 64], constants.DataWidth]
            Number of bits to read per element.
        extended : bool, optional
            Use 64 bits offset independent of the platform, by default False.

        Returns
        -------
        list[int]
            Data read from the bus.

        Raises
        ------
        ValueError
            Raised if an invalid width is specified.

        """
        data, status = self.visalib.move_in(
            self.session, space, offset, length, _checked_width(width), extended
        )
        check_status(status)
        return list(data)

    def move_out(
        self,
        space: AddressSpace,
        offset: int,
        length: int,
        data: Iterable[int],
        width: WidthSpec,
        extended: bool = False,
    ) -> StatusCode:
        """Move a block of data from local memory to the given address space and offset.

        Corresponds to viMoveOut* functions of the VISA library.

        Parameters
        ----------
        space : constants.AddressSpace
            Address space into which move the data.
        offset : int
            Offset (in bytes) of the address or register from which to read.
        length : int
            Number of elements to transfer, where the data width of the elements to transfer
            is identical to the source data width.
        data : Iterable[int]
            Data to write to bus.
        width : Union[Literal[8, 16, 32, 64], constants.DataWidth]
            Number of bits to per element.
        extended : bool, optional
            Use 64 bits offset independent of the platform, by default False.

        Returns
        -------
        constants.StatusCode
            Return value of the library call.

        Raises
        ------
        ValueError
            Raised if an invalid width is specified.

        """
        status = self.visalib.move_out(
            self.session, space, offset, length, data, _checked_width(width), extended
        )
        check_status(status)
        return status

    # Width-specific forms.

    def read_memory_8(self, space: AddressSpace, offset: int, extended: bool = False) -> int:
        """Read an 8-bit value (see :meth:`read_memory`)."""
        return self.read_memory(space, offset, 8, extended)

    def read_memory_16(self, space: AddressSpace, offset: int, extended: bool = False) -> int:
        """Read a 16-bit value (see :meth:`read_memory`)."""
        return self.read_memory(space, offset, 16, extended)

    def read_memory_32(self, space: AddressSpace, offset: int, extended: bool = False) -> int:
        """Read a 32-bit value (see :meth:`read_memory`)."""
        return self.read_memory(space, offset, 32, extended)

    def read_memory_64(self, space: AddressSpace, offset: int, extended: bool = False) -> int:
        """Read a 64-bit value (see :meth:`read_memory`)."""
        return self.read_memory(space, offset, 64, extended)

    def write_memory_8(
        self, space: AddressSpace, offset: int, data: int, extended: bool = False
    ) -> StatusCode:
        """Write an 8-bit value (see :meth:`write_memory`)."""
        return self.write_memory(space, offset, data, 8, extended)

    def write_memory_16(
        self, space: AddressSpace, offset: int, data: int, extended: bool = False
    ) -> StatusCode:
        """Write a 16-bit value (see :meth:`write_memory`)."""
        return self.write_memory(space, offset, data, 16, extended)

    def write_memory_32(
        self, space: AddressSpace, offset: int, data: int, extended: bool = False
    ) -> StatusCode:
        """Write a 32-bit value (see :meth:`write_memory`)."""
        return self.write_memory(space, offset, data, 32, extended)

    def write_memory_64(
        self, space: AddressSpace, offset: int, data: int, extended: bool = False
    ) -> StatusCode:
        """Write a 64-bit value (see :meth:`write_memory`)."""
        return self.write_memory(space, offset, data, 64, extended)

    def move_in_8(
        self, space: AddressSpace, offset: int, length: int, extended: bool = False
    ) -> list[int]:
        """Move a block of 8-bit values to local memory (see :meth:`move_in`)."""
        return self.move_in(space, offset, length, 8, extended)

    def move_in_16(
        self, space: AddressSpace, offset: int, length: int, extended: bool = False
    ) -> list[int]:
        """Move a block of 16-bit values to local memory (see :meth:`move_in`)."""
        return self.move_in(space, offset, length, 16, extended)

    def move_in_32(
        self, space: AddressSpace, offset: int, length: int, extended: bool = False
    ) -> list[int]:
        """Move a block of 32-bit values to local memory (see :meth:`move_in`)."""
        return self.move_in(space, offset, length, 32, extended)

    def move_in_64(
        self, space: AddressSpace, offset: int, length: int, extended: bool = False
    ) -> list[int]:
        """Move a block of 64-bit values to local memory (see :meth:`move_in`)."""
        return self.move_in(space, offset, length, 64, extended)

    def move_out_8(
        self,
        space: AddressSpace,
        offset: int,
        length: int,
        data: Iterable[int],
        extended: bool = False,
    ) -> StatusCode:
        """Move a block of 8-bit values from local memory (see :meth:`move_out`)."""
        return self.move_out(space, offset, length, data, 8, extended)

    def move_out_16(
        self,
        space: AddressSpace,
        offset: int,
        length: int,
        data: Iterable[int],
        extended: bool = False,
    ) -> StatusCode:
        """Move a block of 16-bit values from local memory (see :meth:`move_out`)."""
        return self.move_out(space, offset, length, data, 16, extended)

    def move_out_32(
        self,
        space: AddressSpace,
        offset: int,
        length: int,
        data: Iterable[int],
        extended: bool = False,
    ) -> StatusCode:
        """Move a block of 32-bit values from local memory (see :meth:`move_out`)."""
        return self.move_out(space, offset, length, data, 32, extended)

    def move_out_64(
        self,
        space: AddressSpace,
        offset: int,
        length: int,
        data: Iterable[int],
        extended: bool = False,
    ) -> StatusCode:
        """Move a block of 64-bit values from local memory (see :meth:`move_out`)."""
        return self.move_out(space, offset, length, data, 64, extended)
