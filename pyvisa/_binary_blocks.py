"""Encoding and decoding of the binary data blocks exchanged with instruments.

This private module holds the implementation; the public names are re-exported by
:mod:`pyvisa.util`, which is where users and backends import them from.

numpy is never imported here: when a caller passes a numpy container or array, numpy is
already in :data:`sys.modules` and is fetched from there.
"""

from __future__ import annotations

import operator
import struct
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any, Literal, get_args

from ._ascii_blocks import _is_numpy_container, _numpy
from .errors import InvalidBinaryFormat

#: Data types of binary blocks: the single-element codes of the :mod:`struct` module.
BINARY_DATATYPES = Literal[
    "s", "p", "c", "?", "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "e", "f", "d"
]

#: Formats of the header that precedes the data of a binary block.
BINARY_HEADERS = Literal["ieee", "hp", "empty"]

#: Where a block header is expected at the latest; later ones are suspicious.
_DEFAULT_LENGTH_BEFORE_BLOCK = 25

#: Size in bytes of one item of each datatype ('s' and 'p' are handled as raw bytes).
_ITEM_SIZES: dict[str, int] = {
    code: (1 if code in "sp" else struct.calcsize("<" + code))
    for code in get_args(BINARY_DATATYPES)
}

#: numpy dtype (without byte order) matching each datatype with standard sizes.
_NUMPY_DTYPES = {
    "s": "u1",
    "p": "u1",
    "c": "S1",
    "?": "b1",
    "b": "i1",
    "B": "u1",
    "h": "i2",
    "H": "u2",
    "i": "i4",
    "I": "u4",
    "l": "i4",
    "L": "u4",
    "q": "i8",
    "Q": "u8",
    "e": "f2",
    "f": "f4",
    "d": "f8",
}

#: Datatypes whose native layout equals the standard one, so that a memoryview cast can
#: decode them when the block uses the machine byte order.
_CASTABLE = frozenset(
    code for code in "bBhHiIlLqQfdc" if struct.calcsize("@" + code) == struct.calcsize("<" + code)
)

_NATIVE_IS_BIG = sys.byteorder == "big"


class _MalformedBlock(InvalidBinaryFormat, ValueError):
    """A block does not match its declared format.

    Both an :class:`~pyvisa.errors.InvalidBinaryFormat` (the documented error) and a
    ``ValueError`` (what code written for earlier versions catches).
    """


# --- binary headers ----------------------------------------------------------------------


def _check_block_position(
    begin: int, block: Any, length_before_block: int | None, raise_on_late_block: bool
) -> None:
    """Warn (or raise) when the block header starts suspiciously far into the data."""
    limit = _DEFAULT_LENGTH_BEFORE_BLOCK if length_before_block is None else length_before_block
    if begin <= limit:
        return
    message = (
        f"The beginning of the block has been found at {begin} which is an unexpectedly "
        f"large value (more than {limit}). The actual block may have been missing a "
        f"beginning marker but the block contained one: {bytes(block[:50])!r}..."
    )
    if raise_on_late_block:
        raise RuntimeError(message)
    warnings.warn(message, UserWarning, stacklevel=3)


#: How much of a block without a ``find`` method (a memoryview...) is copied to look for
#: its header before the whole block is.
_HEADER_SEARCH_WINDOW = 4096


def _searchable(block: Any, marker: bytes) -> tuple[Any, int]:
    """Return a sliceable form of ``block`` and the index of ``marker`` in it (-1 if absent).

    Only the start of a block without a ``find`` method is copied, unless the marker is
    not there.
    """
    if isinstance(block, str):
        raise TypeError(
            "A binary block must be bytes, bytearray or memoryview, not str "
            f"(starting with {block[:25]!r}); read it with read_raw or encode it first"
        )
    if hasattr(block, "find"):
        return block, block.find(marker)
    view = _byte_view(block)
    begin = bytes(view[:_HEADER_SEARCH_WINDOW]).find(marker)
    if begin < 0 and view.nbytes > _HEADER_SEARCH_WINDOW:
        begin = bytes(view).find(marker)
    return view, begin


def parse_ieee_block_header(
    block: bytes | bytearray | memoryview,
    length_before_block: int | None = None,
    raise_on_late_block: bool = False,
) -> tuple[int, int]:
    """Parse the header of an IEEE 488.2 block.

    A definite-length header is ``#<n><length>``: one digit ``n`` giving the number of
    digits of the decimal ``length`` of the data. ``#0`` starts an indefinite-length
    block, whose data runs up to the message termination.

    Parameters
    ----------
    block : bytes | bytearray | memoryview
        IEEE formatted block of data (or at least its beginning).
    length_before_block : int | None, optional
        Number of bytes before the actual start of the block after which the header is
        considered late. None means 25.
    raise_on_late_block : bool, optional
        Raise a RuntimeError (instead of a UserWarning) for a late header. False by default.

    Returns
    -------
    int
        Offset at which the data starts.
    int
        Length of the data in bytes, -1 for an indefinite-length block.

    Raises
    ------
    InvalidBinaryFormat
        If no header is found or if it is malformed or truncated (also a ``ValueError``).

    """
    block, begin = _searchable(block, b"#")
    if begin < 0:
        raise _MalformedBlock(
            "could not find the hash sign (#) that starts an IEEE block; "
            f"the data starts with {bytes(block[:25])!r}"
        )
    _check_block_position(begin, block, length_before_block, raise_on_late_block)

    count_char = bytes(block[begin + 1 : begin + 2])
    if not count_char:
        raise _MalformedBlock(
            "the IEEE block header is truncated: expected a digit after '#', got the end of the data"
        )
    if not count_char.isdigit():
        raise _MalformedBlock(
            f"expected a digit after '#' in the IEEE block header, got {count_char!r}"
        )
    digit_count = int(count_char)
    if digit_count == 0:
        return begin + 2, -1

    offset = begin + 2 + digit_count
    digits = bytes(block[begin + 2 : offset])
    if len(digits) < digit_count:
        raise _MalformedBlock(
            f"the IEEE block header is truncated: expected {digit_count} length digits, "
            f"got {digits!r}"
        )
    if not digits.isdigit():
        raise _MalformedBlock(
            f"expected {digit_count} decimal digits giving the data length in the IEEE "
            f"block header, got {digits!r}"
        )
    return offset, int(digits)


def parse_hp_block_header(
    block: bytes | bytearray | memoryview,
    is_big_endian: bool,
    length_before_block: int | None = None,
    raise_on_late_block: bool = False,
) -> tuple[int, int]:
    """Parse the header of an HP block (``#A`` followed by a 16-bit data length).

    Parameters
    ----------
    block : bytes | bytearray | memoryview
        HP formatted block of data (or at least its beginning).
    is_big_endian : bool
        Is the length stored in big or little endian order.
    length_before_block : int | None, optional
        Number of bytes before the actual start of the block after which the header is
        considered late. None means 25.
    raise_on_late_block : bool, optional
        Raise a RuntimeError (instead of a UserWarning) for a late header. False by default.

    Returns
    -------
    int
        Offset at which the data starts.
    int
        Length of the data in bytes.

    Raises
    ------
    InvalidBinaryFormat
        If no header is found or if it is truncated (also a ``ValueError``).

    """
    block, begin = _searchable(block, b"#A")
    if begin < 0:
        raise _MalformedBlock(
            "could not find the header (#A) that starts an HP block; "
            f"the data starts with {bytes(block[:25])!r}"
        )
    _check_block_position(begin, block, length_before_block, raise_on_late_block)

    offset = begin + 4
    length_bytes = bytes(block[begin + 2 : offset])
    if len(length_bytes) < 2:
        raise _MalformedBlock(
            "the HP block header is truncated: expected 2 length bytes after '#A', "
            f"got {length_bytes!r}"
        )
    return offset, int.from_bytes(length_bytes, "big" if is_big_endian else "little")


def message_size(
    block: bytes | bytearray | memoryview,
    header_fmt: BINARY_HEADERS = "ieee",
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
    data_points: int = 0,
    expect_termination: bool = True,
    termination: str | bytes | None = None,
) -> int:
    """Compute the total size of a binary message from its first bytes.

    This is what a reader needs to know how many bytes to wait for: the header, the data
    and, when expected, the termination that follows the data.

    Parameters
    ----------
    block : bytes | bytearray | memoryview
        Beginning of the message; it must contain the whole header.
    header_fmt : BINARY_HEADERS, optional
        Format of the header prefixing the data, by default "ieee".
    datatype : BINARY_DATATYPES, optional
        Format of one element, by default "f".
    is_big_endian : bool, optional
        Byte order of the HP header length, by default False.
    data_points : int, optional
        Number of elements, used when the header does not give the data length (``#0``
        IEEE blocks and "empty" headers). By default 0.
    expect_termination : bool, optional
        Does a termination follow the data, by default True.
    termination : str | bytes | None, optional
        The termination that follows the data (ignored when ``expect_termination`` is
        False), by default None (no termination).

    Returns
    -------
    int
        Number of bytes of the whole message.

    Raises
    ------
    InvalidBinaryFormat
        If the header is malformed (also a ``ValueError``).
    ValueError
        If the header format or the datatype is unknown, or if the size of the data
        cannot be determined because neither the header nor ``data_points`` gives it.

    """
    if header_fmt == "ieee":
        offset, data_length = parse_ieee_block_header(block)
    elif header_fmt == "hp":
        offset, data_length = parse_hp_block_header(block, is_big_endian)
    elif header_fmt == "empty":
        offset, data_length = 0, -1
    else:
        raise ValueError(
            f"Unsupported header_fmt: {header_fmt!r}, expected 'ieee', 'hp' or 'empty'"
        )

    if data_length < 0:
        if data_points < 0:
            raise ValueError(f"data_points must be positive or zero, got {data_points}")
        data_length = data_points * _item_size(datatype)
        if datatype == "p" and data_points:
            data_length += 1
        if data_length == 0:
            raise ValueError(
                "The length of the data to receive could not be determined. You should "
                "provide the number of points you expect using the data_points keyword argument."
            )
    if expect_termination and termination:
        data_length += len(termination)
    return offset + data_length


# --- binary data -------------------------------------------------------------------------


def _item_size(datatype: str) -> int:
    """Return the size in bytes of one element of ``datatype``."""
    try:
        return _ITEM_SIZES[datatype]
    except (KeyError, TypeError):
        raise ValueError(
            f"Unsupported datatype: {datatype!r}, expected one of {tuple(_ITEM_SIZES)}"
        ) from None


def _byte_view(block: Any) -> memoryview:
    """Return a flat unsigned-byte view of a bytes-like object, without copying."""
    view = memoryview(block)
    if view.format != "B" or view.ndim != 1:
        view = view.cast("B")
    return view


def _resolve_data_length(total: int, offset: int, data_length: int | None, item_size: int) -> int:
    """Validate where the data lies in a block of ``total`` bytes; return its length."""
    if not 0 <= offset <= total:
        raise _MalformedBlock(f"the data offset {offset} lies outside of the {total}-byte block")
    if data_length is None or data_length == -1:
        available = total - offset
        return available - available % item_size
    if data_length < 0:
        raise ValueError(f"data_length must be positive, zero, -1 or None, got {data_length}")
    if offset + data_length > total:
        raise _MalformedBlock(
            f"binary data is incomplete: the header declares {data_length} data bytes "
            f"starting at offset {offset}, so expected {offset + data_length} bytes, got {total}"
        )
    if data_length % item_size:
        raise _MalformedBlock(
            f"{data_length} data bytes are not a whole number of {item_size}-byte items"
        )
    return data_length


def from_binary_block(
    block: bytes | bytearray | memoryview,
    offset: int = 0,
    data_length: int | None = None,
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
    container: Callable[[Iterable[Any]], Sequence[Any]] = list,
) -> Sequence[Any]:
    """Convert a binary block into an iterable of numbers.

    With ``numpy.array``, ``numpy.asarray`` or ``numpy.ndarray`` as container the result is
    ``numpy.frombuffer`` on the block: no copy is made (it is read-only when the block is
    ``bytes``).

    The "s" datatype gives the data as one ``bytes`` object handed to the container (so
    ``bytes`` gives the bytes themselves, ``list`` their values, numpy an uint8 array).
    The "p" datatype reads the data as one Pascal string (a length byte, then the
    characters) and gives the characters the same way.

    Parameters
    ----------
    block : bytes | bytearray | memoryview
        Binary block of data.
    offset : int, optional
        Offset at which the data block starts, by default 0.
    data_length : int | None, optional
        Length in bytes of the data block. None (or -1) takes everything after the
        offset, ignoring a trailing partial element (such as a termination character).
        By default None.
    datatype : BINARY_DATATYPES, optional
        Format string for a single element (see the :mod:`struct` module), by default "f".
    is_big_endian : bool, optional
        Are the data in big or little endian order, by default False.
    container : Callable[[Iterable[Any]], Sequence[Any]], optional
        Container type to use for the output data: list, tuple, ``numpy.array``...
        By default list.

    Returns
    -------
    Sequence[Any]
        Parsed data.

    Raises
    ------
    InvalidBinaryFormat
        If the block is shorter than the declared data or if the data length is not a
        whole number of elements (also a ``ValueError``).
    ValueError
        If the datatype is unknown.

    """
    item_size = _item_size(datatype)
    view = _byte_view(block)
    offset = operator.index(offset)
    data_length = None if data_length is None else operator.index(data_length)
    data_length = _resolve_data_length(view.nbytes, offset, data_length, item_size)

    if datatype == "p":
        offset, data_length = _pascal_string_bounds(view, offset, data_length)
    if _is_numpy_container(container):
        np = _numpy()
        dtype = (">" if is_big_endian else "<") + _NUMPY_DTYPES[datatype]
        return np.frombuffer(view, dtype=dtype, count=data_length // item_size, offset=offset)

    data = view[offset : offset + data_length]
    if datatype in "sp":
        raw = bytes(data)
        return raw if container is bytes else container(raw)
    if datatype in _CASTABLE and is_big_endian == _NATIVE_IS_BIG:
        item_format: Any = datatype  # the typing of memoryview.cast wants literal formats
        values: Sequence[Any] = data.cast(item_format).tolist()
    else:
        count = data_length // item_size
        values = struct.unpack_from(f"{'>' if is_big_endian else '<'}{count}{datatype}", data)
    if container is list:
        return values if isinstance(values, list) else list(values)
    if container is tuple and isinstance(values, tuple):
        return values
    return container(values)


def _pascal_string_bounds(view: memoryview, offset: int, data_length: int) -> tuple[int, int]:
    """Locate the characters of the Pascal string stored in ``data_length`` bytes."""
    if data_length == 0:
        return offset, 0
    declared = view[offset]
    if declared > data_length - 1:
        raise _MalformedBlock(
            f"the Pascal string declares {declared} characters but only "
            f"{data_length - 1} bytes follow its length byte"
        )
    return offset + 1, declared


def from_ieee_block(
    block: bytes | bytearray | memoryview,
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
    container: Callable[[Iterable[Any]], Sequence[Any]] = list,
) -> Sequence[Any]:
    """Convert a block in the IEEE format into an iterable of numbers.

    Definite-length blocks have the form ``#<n><length><data>`` (anything after the data,
    such as a termination character, is ignored). For an indefinite-length block
    (``#0<data>``) all the bytes after the header are data, except a trailing partial
    element.

    Parameters
    ----------
    block : bytes | bytearray | memoryview
        IEEE formatted block of data.
    datatype : BINARY_DATATYPES, optional
        Format string for a single element (see the :mod:`struct` module), by default "f".
    is_big_endian : bool, optional
        Are the data in big or little endian order, by default False.
    container : Callable[[Iterable[Any]], Sequence[Any]], optional
        Container type to use for the output data: list, tuple, ``numpy.array``...
        By default list.

    Returns
    -------
    Sequence[Any]
        Parsed data.

    Raises
    ------
    InvalidBinaryFormat
        If the header is malformed, the data shorter than declared or not a whole number
        of elements (also a ``ValueError``).

    """
    offset, data_length = parse_ieee_block_header(block)
    return from_binary_block(block, offset, data_length, datatype, is_big_endian, container)


def from_hp_block(
    block: bytes | bytearray | memoryview,
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
    container: Callable[[Iterable[Any]], Sequence[Any]] = list,
) -> Sequence[Any]:
    """Convert a block in the HP format (``#A<16-bit length><data>``) into numbers.

    Parameters
    ----------
    block : bytes | bytearray | memoryview
        HP formatted block of data.
    datatype : BINARY_DATATYPES, optional
        Format string for a single element (see the :mod:`struct` module), by default "f".
    is_big_endian : bool, optional
        Are the data (and the length in the header) in big or little endian order,
        by default False.
    container : Callable[[Iterable[Any]], Sequence[Any]], optional
        Container type to use for the output data: list, tuple, ``numpy.array``...
        By default list.

    Returns
    -------
    Sequence[Any]
        Parsed data.

    Raises
    ------
    InvalidBinaryFormat
        If the header is malformed, the data shorter than declared or not a whole number
        of elements (also a ``ValueError``).

    """
    offset, data_length = parse_hp_block_header(block, is_big_endian)
    return from_binary_block(block, offset, data_length, datatype, is_big_endian, container)


# --- binary encoding ---------------------------------------------------------------------

#: Largest data length that a definite-length IEEE header (at most 9 digits) can state.
_IEEE_MAX_DEFINITE_LENGTH = 999_999_999
_HP_MAX_LENGTH = 0xFFFF


def _ieee_header(data_length: int) -> bytes:
    if data_length > _IEEE_MAX_DEFINITE_LENGTH:
        return b"#0"
    digits = str(data_length)
    return f"#{len(digits)}{digits}".encode("ascii")


def _hp_header(is_big_endian: bool, data_length: int) -> bytes:
    if data_length > _HP_MAX_LENGTH:
        raise ValueError(
            f"An HP block holds at most {_HP_MAX_LENGTH} data bytes, got {data_length}"
        )
    return b"#A" + data_length.to_bytes(2, "big" if is_big_endian else "little")


def _build_block(
    iterable: Any,
    datatype: str,
    is_big_endian: bool,
    make_header: Callable[[int], bytes],
    prefix: bytes = b"",
    suffix: bytes = b"",
) -> bytes:
    """Encode the values between ``prefix`` + header (built from the data length) and ``suffix``.

    The result is built in a single pass: the data are copied once, whatever the container.
    """
    item_size = _item_size(datatype)
    if datatype in "sp":
        data = _pascal_string(iterable) if datatype == "p" else _raw_bytes(iterable)
        return b"".join((prefix, make_header(data.nbytes), data, suffix))

    np = _numpy()
    if np is not None and isinstance(iterable, np.ndarray):
        dtype = (">" if is_big_endian else "<") + _NUMPY_DTYPES[datatype]
        try:
            array = np.ascontiguousarray(iterable.astype(dtype, casting="same_kind", copy=False))
        except TypeError as exc:
            raise ValueError(
                f"Could not encode the array as datatype {datatype!r}: {exc}"
            ) from None
        header = make_header(array.nbytes)
        return b"".join((prefix, header, array.reshape(-1).view(np.uint8), suffix))

    values = iterable if isinstance(iterable, Sequence) else list(iterable)
    head = prefix + make_header(len(values) * item_size)
    endian = ">" if is_big_endian else "<"
    try:
        return struct.pack(
            f"{endian}{len(head)}s{len(values)}{datatype}{len(suffix)}s", head, *values, suffix
        )
    except struct.error as exc:
        raise ValueError(f"Could not encode the values as datatype {datatype!r}: {exc}") from None


def build_binary_message(
    prefix: bytes,
    iterable: Sequence[Any] | bytes,
    datatype: BINARY_DATATYPES,
    is_big_endian: bool,
    header_fmt: BINARY_HEADERS,
    suffix: bytes,
) -> bytes:
    """Build ``prefix + block + suffix`` with a single copy of the data.

    This is what :meth:`~pyvisa.resources.MessageBasedResource.write_binary_values`
    sends: the command, the block (``to_ieee_block``, ``to_hp_block`` or a block without
    header) and the write termination. Not part of the public API.

    Raises
    ------
    ValueError
        If the header format or datatype is unknown or a value cannot be encoded.

    """
    if header_fmt == "ieee":
        make_header: Callable[[int], bytes] = _ieee_header
    elif header_fmt == "hp":
        make_header = partial(_hp_header, is_big_endian)
    elif header_fmt == "empty":
        make_header = _empty_header
    else:
        raise ValueError(
            f"Unsupported header_fmt: {header_fmt!r}, expected one of {get_args(BINARY_HEADERS)}"
        )
    return _build_block(iterable, datatype, is_big_endian, make_header, prefix, suffix)


def _empty_header(data_length: int) -> bytes:
    return b""


def _raw_bytes(data: Any) -> memoryview:
    """View bytes-like data (or build bytes from an iterable of ints) as bytes."""
    try:
        return _byte_view(data)
    except TypeError:
        return memoryview(bytes(data))


def _pascal_string(data: Any) -> memoryview:
    """Encode data as a Pascal string: one length byte followed by the data."""
    raw = _raw_bytes(data)
    if raw.nbytes > 255:
        raise ValueError(f"A Pascal string ('p') holds at most 255 bytes, got {raw.nbytes}")
    return memoryview(bytes((raw.nbytes,)) + raw)


def to_binary_block(
    iterable: Sequence[Any] | bytes,
    header: str | bytes,
    datatype: BINARY_DATATYPES,
    is_big_endian: bool,
) -> bytes:
    """Convert an iterable of numbers into a block of data with a given header.

    For the "s" datatype the iterable is the bytes to send; for "p" it is sent as a Pascal
    string (a length byte, then at most 255 bytes). A numpy array is converted by numpy
    (same-kind casting, so integers may wrap around).

    Parameters
    ----------
    iterable : Sequence[Any] | bytes
        Sequence of numbers to pack into a block (a numpy array is encoded by numpy).
    header : str | bytes
        Header which should prefix the binary block.
    datatype : BINARY_DATATYPES
        Format string for a single element (see the :mod:`struct` module).
    is_big_endian : bool
        Are the data in big or little endian order.

    Returns
    -------
    bytes
        Binary block of data preceded by the specified header.

    Raises
    ------
    ValueError
        If the datatype is unknown or a value cannot be encoded with it.

    """
    prefix = header.encode("ascii") if isinstance(header, str) else bytes(memoryview(header))
    return _build_block(iterable, datatype, is_big_endian, lambda _: prefix)


def to_ieee_block(
    iterable: Sequence[Any] | bytes,
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
) -> bytes:
    """Convert an iterable of numbers into a block of data in the IEEE format.

    The header is ``#<n><length>``. Data longer than 999 999 999 bytes cannot be described
    by such a header and is sent as an indefinite-length block (``#0``), which the
    termination of the message ends.

    Parameters
    ----------
    iterable : Sequence[Any] | bytes
        Sequence of numbers to pack into a block.
    datatype : BINARY_DATATYPES, optional
        Format string for a single element (see the :mod:`struct` module), by default "f".
    is_big_endian : bool, optional
        Are the data in big or little endian order, by default False.

    Returns
    -------
    bytes
        Binary block of data preceded by the IEEE header.

    """
    return _build_block(iterable, datatype, is_big_endian, _ieee_header)


def to_hp_block(
    iterable: Sequence[Any] | bytes,
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
) -> bytes:
    """Convert an iterable of numbers into a block of data in the HP format.

    The header is ``#A`` followed by the data length on 16 bits.

    Parameters
    ----------
    iterable : Sequence[Any] | bytes
        Sequence of numbers to pack into a block.
    datatype : BINARY_DATATYPES, optional
        Format string for a single element (see the :mod:`struct` module), by default "f".
    is_big_endian : bool, optional
        Are the data (and the length in the header) in big or little endian order,
        by default False.

    Returns
    -------
    bytes
        Binary block of data preceded by the HP header.

    Raises
    ------
    ValueError
        If the data is longer than 65535 bytes.

    """
    return _build_block(iterable, datatype, is_big_endian, partial(_hp_header, is_big_endian))
