"""Encoding and decoding of the binary data blocks exchanged with instruments.

This private module holds the implementation; the public names are re-exported by
:mod:`pyvisa.util`, which is where users and backends import them from.

Three block formats are understood:

- IEEE 488.2 definite-length blocks ``#<n><length><data>`` (``n`` is one hexadecimal digit,
  so that lengths of 1 GB and more, which need 10 digits or more, can be stated) and
  indefinite-length blocks ``#0<data>``;
- HP blocks ``#A<16-bit length><data>``;
- Rohde & Schwarz blocks ``#(<decimal length>)<data>``.

numpy is never imported here: when a caller passes a numpy container or array, numpy is
already in :data:`sys.modules` and is fetched from there.

Item sizes are the *standard* sizes of the :mod:`struct` module (``'l'`` is 4 bytes on
every platform), the ones used to pack and unpack the data.

The errors raised are those of :mod:`pyvisa.errors` that derive from the builtin errors
PyVISA 1.16.2 raises here: ``InvalidArgument`` (a ``ValueError``) for malformed blocks and
unknown formats, ``InvalidArgumentType`` (a ``TypeError``), ``ArgumentOverflow`` (an
``OverflowError``) for data too long for its header, and ``InvalidBlockHeader`` (a
``RuntimeError``) for the R&S headers and late headers that 1.16.2 rejects that way.
"""

from __future__ import annotations

import operator
import struct
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, Union

from . import errors
from ._ascii_blocks import _is_numpy_container, _numpy

#: Data types of binary blocks: the single-element codes of the :mod:`struct` module.
BINARY_DATATYPES = Literal["s", "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d"]

#: Formats of the header that precedes the data of a binary block.
BINARY_HEADERS = Literal["ieee", "hp", "rs", "empty"]

#: What the ``container`` arguments accept: a type or any callable building the result.
BINARY_CONTAINERS = Union[type, Callable]  # noqa: UP007 (repr as in PyVISA 1.16.2)

#: Index of the block start after which a header is suspicious (it is then warned about).
DEFAULT_LENGTH_BEFORE_BLOCK = 25

#: Size in bytes of one item of each datatype accepted at run time. Besides the codes of
#: :data:`BINARY_DATATYPES`, the other single-item struct codes work as well.
_ITEM_SIZES: dict[str, int] = {code: struct.calcsize("<" + code) for code in "sbBhHiIlLqQfdpc?e"}

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
    code for code in "bBhHiIlLqQfd" if struct.calcsize("@" + code) == struct.calcsize("<" + code)
)

_NATIVE_IS_BIG = sys.byteorder == "big"

#: Datatypes whose data may be given as bytes and are then sent as they are.
_RAW_DATATYPES = frozenset("sbB")

#: IEEE headers state the number of length digits with one hexadecimal digit.
_IEEE_MAX_DIGITS = 15
_HP_MAX_LENGTH = 0xFFFF
#: R&S headers longer than this many digits are refused.
_RS_MAX_DIGITS = 18
#: An IEEE header whose digit count is "A" is only told apart from an HP header ("#A"
#: followed by two length bytes) in a block of at least this many bytes from "#".
_IEEE_A_HEADER_MIN = 2**16 + 4

_MALFORMED = "Binary data was malformed"
_INCOMPLETE = "Binary data is incomplete. The header states %d data bytes, but %d were received."


# --- helpers -----------------------------------------------------------------------------


def _item_size(datatype: str) -> int:
    """Return the size in bytes of one element of ``datatype``."""
    try:
        return _ITEM_SIZES[datatype]
    except (KeyError, TypeError):
        raise errors.InvalidArgument(
            f"Unsupported datatype: {datatype!r}, expected one of {tuple(_ITEM_SIZES)}"
        ) from None


def _byte_view(block: Any) -> memoryview:
    """Return a flat unsigned-byte view of a bytes-like object, without copying."""
    view = memoryview(block)
    if view.format != "B" or view.ndim != 1:
        view = view.cast("B")
    return view


def _nbytes(block: Any) -> int:
    """Number of bytes of a bytes-like block."""
    if isinstance(block, (bytes, bytearray)):
        return len(block)
    return memoryview(block).nbytes


#: How much of a block without a ``find`` method (a memoryview...) is copied to look for
#: its header before the whole block is.
_HEADER_SEARCH_WINDOW = 4096


def _find(block: Any, marker: bytes) -> tuple[Any, int]:
    """Return a sliceable form of ``block`` and the index of ``marker`` in it (-1 if absent).

    Only the start of a block without a ``find`` method is copied, unless the marker is
    not there.
    """
    if isinstance(block, str):
        raise errors.InvalidArgumentType(
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


def _check_block_position(
    begin: int, block: Any, length_before_block: int | None, raise_on_late_block: bool
) -> None:
    """Warn (or raise) when the block header starts suspiciously far into the data."""
    limit = DEFAULT_LENGTH_BEFORE_BLOCK if length_before_block is None else length_before_block
    if begin <= limit:
        return
    message = (
        f"The beginning of the block has been found at {begin} which is an unexpectedly "
        "large value. The actual block may have been missing a beginning marker but the "
        f"block contained one:\n{bytes(block[:50])!r}"
    )
    if raise_on_late_block:
        raise errors.InvalidBlockHeader(message)
    warnings.warn(message, UserWarning, stacklevel=3)


# --- binary headers ----------------------------------------------------------------------


def parse_ieee_block_header(
    block: bytes | bytearray,
    length_before_block: int | None = None,
    raise_on_late_block: bool = False,
) -> tuple[int, int]:
    """Parse the header of an IEEE 488.2 block.

    A definite-length header is ``#<n><length>``: one hexadecimal digit ``n`` giving the
    number of decimal digits of the data ``length`` (digits above 9 allow lengths of
    1 GB and more). ``#0``, or any byte after ``#`` that is not a hexadecimal digit,
    starts an indefinite-length block, whose data runs up to the message termination.

    Parameters
    ----------
    block : bytes | bytearray
        IEEE formatted block of data (or at least its beginning); a memoryview works too.
    length_before_block : int | None, optional
        Index of the ``#`` above which the header is considered late (a UserWarning is
        issued). None means :data:`pyvisa.util.DEFAULT_LENGTH_BEFORE_BLOCK` (25).
    raise_on_late_block : bool, optional
        Raise an InvalidBlockHeader instead of warning for a late header. False by default.

    Returns
    -------
    int
        Offset at which the data starts.
    int
        Length of the data in bytes, -1 for an indefinite-length block.

    Raises
    ------
    InvalidArgument
        If no ``#`` is found, if the length digits are not decimal digits, or if the
        header announces 10 digits ("#A") in a block too short for it (an HP block read
        with the IEEE format).
    InvalidBlockHeader
        For a late header when ``raise_on_late_block`` is True.

    """
    block, begin = _find(block, b"#")
    if begin < 0:
        raise errors.InvalidArgument(
            'Could not find hash sign ("#") indicating the start of the block. '
            f"The block begins with {bytes(block[:25])!r}"
        )
    _check_block_position(begin, block, length_before_block, raise_on_late_block)

    try:
        digit_count = int(bytes(block[begin + 1 : begin + 2]), 16)
    except ValueError:
        digit_count = 0
    if digit_count == 0:
        return begin + 2, -1

    if digit_count == 10 and _nbytes(block) - begin < _IEEE_A_HEADER_MIN:
        raise errors.InvalidArgument(
            'The block header "#A" announces 10 length digits, but the block is shorter '
            'than such a block; it looks like an HP block: use header_fmt = "hp".'
        )
    offset = begin + 2 + digit_count
    digits = bytes(block[begin + 2 : offset])
    if len(digits) < digit_count or not digits.isdigit():
        raise errors.InvalidArgument(
            f"The IEEE block header announces {digit_count} decimal length digits, "
            f"but is followed by {digits!r}"
        )
    return offset, int(digits)


def parse_hp_block_header(
    block: bytes | bytearray,
    is_big_endian: bool,
    length_before_block: int | None = None,
    raise_on_late_block: bool = False,
) -> tuple[int, int]:
    """Parse the header of an HP block (``#A`` followed by a 16-bit data length).

    Parameters
    ----------
    block : bytes | bytearray
        HP formatted block of data (or at least its beginning); a memoryview works too.
    is_big_endian : bool
        Is the length stored in big or little endian order.
    length_before_block : int | None, optional
        Index of the ``#A`` above which the header is considered late (a UserWarning is
        issued). None means :data:`pyvisa.util.DEFAULT_LENGTH_BEFORE_BLOCK` (25).
    raise_on_late_block : bool, optional
        Raise an InvalidBlockHeader instead of warning for a late header. False by default.

    Returns
    -------
    int
        Offset at which the data starts.
    int
        Length of the data in bytes.

    Raises
    ------
    InvalidArgument
        If no ``#A`` is found or the two length bytes are missing.
    InvalidBlockHeader
        For a late header when ``raise_on_late_block`` is True.

    """
    block, begin = _find(block, b"#A")
    if begin < 0:
        raise errors.InvalidArgument(
            'Could not find the standard block header ("#A") indicating the start of the '
            f"block. The block begins with {bytes(block[:25])!r}"
        )
    _check_block_position(begin, block, length_before_block, raise_on_late_block)

    offset = begin + 4
    length_bytes = bytes(block[begin + 2 : offset])
    if len(length_bytes) < 2:
        raise errors.InvalidArgument(
            "The HP block header is truncated: expected 2 length bytes after '#A', "
            f"got {length_bytes!r}"
        )
    return offset, int.from_bytes(length_bytes, "big" if is_big_endian else "little")


def parse_rs_block_header(
    block: bytes | bytearray,
    length_before_block: int | None = None,
    raise_on_late_block: bool = False,
) -> tuple[int, int]:
    """Parse the header of a Rohde & Schwarz block (``#(<decimal length>)``).

    Parameters
    ----------
    block : bytes | bytearray
        R&S formatted block of data (or at least its beginning); a memoryview works too.
    length_before_block : int | None, optional
        Index of the ``#(`` above which the header is considered late (a UserWarning is
        issued). None means :data:`pyvisa.util.DEFAULT_LENGTH_BEFORE_BLOCK` (25).
    raise_on_late_block : bool, optional
        Raise an InvalidBlockHeader instead of warning for a late header. False by default.

    Returns
    -------
    int
        Offset at which the data starts.
    int
        Length of the data in bytes.

    Raises
    ------
    InvalidArgument
        If no ``#(`` is found or the length is not a decimal number.
    InvalidBlockHeader
        If the closing parenthesis is missing, if the length has more than 18 digits, or
        for a late header when ``raise_on_late_block`` is True.

    """
    block, begin = _find(block, b"#(")
    if begin < 0:
        raise errors.InvalidArgument(
            'Could not find the standard block header ("#(") indicating the start of the '
            f"block. The block begins with {bytes(block[:25])!r}"
        )
    _check_block_position(begin, block, length_before_block, raise_on_late_block)

    start = begin + 2
    # Only the bytes that a valid header may occupy are searched first.
    window = bytes(block[start : start + _RS_MAX_DIGITS + 1])
    end = window.find(b")")
    if end < 0:
        rest = bytes(block[start + len(window) :])
        later = rest.find(b")")
        if later < 0:
            raise errors.InvalidBlockHeader(
                "Block length is indicated using parentheses syntax, but no closing "
                "parenthesis was found."
            )
        end = len(window) + later
    if end > _RS_MAX_DIGITS:
        raise errors.InvalidBlockHeader(
            "Unexpectedly large block length indicated using parentheses syntax. "
            f"Indicated length was {end} digits long."
        )
    digits = window[:end]
    if not digits.isdigit():
        raise errors.InvalidArgument(
            f"The R&S block header must hold a decimal length between parentheses, got {digits!r}"
        )
    return start + end + 1, int(digits)


def parse_ieee_or_rs_block_header(
    block: bytes | bytearray,
    length_before_block: int | None = None,
    raise_on_late_block: bool = False,
) -> tuple[int, int]:
    """Parse the header of an IEEE block or of a Rohde & Schwarz block.

    The block is a R&S one (``#(<length>)``) when the byte after the first ``#`` is ``(``,
    else an IEEE one (see :func:`parse_ieee_block_header`).

    Parameters
    ----------
    block : bytes | bytearray
        IEEE or R&S formatted block of data (or at least its beginning).
    length_before_block : int | None, optional
        Index of the ``#`` above which the header is considered late (a UserWarning is
        issued). None means :data:`pyvisa.util.DEFAULT_LENGTH_BEFORE_BLOCK` (25).
    raise_on_late_block : bool, optional
        Raise an InvalidBlockHeader instead of warning for a late header. False by default.

    Returns
    -------
    int
        Offset at which the data starts.
    int
        Length of the data in bytes, -1 for an indefinite-length IEEE block.

    Raises
    ------
    InvalidArgument
        If no ``#`` is found or the header is malformed.
    InvalidBlockHeader
        If a R&S header is malformed (see :func:`parse_rs_block_header`) or for a late
        header when ``raise_on_late_block`` is True.

    """
    view, begin = _find(block, b"#")
    if begin < 0:
        raise errors.InvalidArgument(
            'Could not find hash sign ("#") indicating the start of the block. '
            f"The first 25 characters of the block: {bytes(view[:25])!r}"
        )
    if bytes(view[begin + 1 : begin + 2]) == b"(":
        return parse_rs_block_header(block, length_before_block, raise_on_late_block)
    return parse_ieee_block_header(block, length_before_block, raise_on_late_block)


def message_size(
    num_points: int,
    datatype: BINARY_DATATYPES = "f",
    header_format: Literal["ieee", "hp", "empty"] = "ieee",
) -> int:
    """Compute the size of a binary message: header, data and one termination character.

    Parameters
    ----------
    num_points : int
        Number of elements of the data.
    datatype : BINARY_DATATYPES, optional
        Format of one element (see the :mod:`struct` module), by default "f".
    header_format : Literal["ieee", "hp", "empty"], optional
        Format of the header prefixing the data, by default "ieee".

    Returns
    -------
    int
        Number of bytes of the whole message (e.g. 406 for 100 "f" points in an IEEE block:
        400 data bytes, the 5 bytes of "#3400" and the termination).

    Raises
    ------
    InvalidArgument
        If the header format or the datatype is unknown.

    """
    data_length = num_points * _item_size(datatype)
    if header_format == "ieee":
        header_length = len(str(data_length)) + 2
    elif header_format == "hp":
        header_length = 4
    elif header_format == "empty":
        header_length = 0
    else:
        raise errors.InvalidArgument(f"Unsupported header_fmt: {header_format}")
    return data_length + header_length + 1


# --- binary data -------------------------------------------------------------------------


def from_binary_block(
    block: bytes | bytearray,
    offset: int = 0,
    data_length: int | None = None,
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
    container: Callable[[Iterable[int | float]], Sequence[int | float]] = list,
) -> Sequence[int | float]:
    """Convert a binary block into an iterable of numbers.

    ``data_length // item size`` elements are read starting at ``offset`` (a trailing
    partial element is ignored). With ``numpy.array`` or ``numpy.ndarray`` as container
    the result is ``numpy.frombuffer`` on the block: no copy is made (it is read-only when
    the block is ``bytes``).

    The "s" datatype gives the data as one ``bytes`` object handed to the container (so
    ``bytes`` gives the bytes themselves, ``list`` their values).

    Parameters
    ----------
    block : bytes | bytearray
        Binary block of data (any object supporting the buffer protocol works).
    offset : int, optional
        Offset at which the data block starts, by default 0.
    data_length : int | None, optional
        Length in bytes of the data block. None (or -1) means ``len(block) - offset``.
    datatype : BINARY_DATATYPES, optional
        Format string for a single element (see the :mod:`struct` module), by default "f".
    is_big_endian : bool, optional
        Are the data in big or little endian order, by default False.
    container : Callable[[Iterable[int | float]], Sequence[int | float]], optional
        Container type to use for the output data: list, tuple, ``numpy.array``...
        By default list.

    Returns
    -------
    Sequence[int | float]
        Parsed data.

    Raises
    ------
    InvalidArgument
        If the block holds fewer bytes than the elements to read ("Binary data was
        malformed"; numpy's own message with a numpy container) or the datatype is
        unknown.

    """
    item_size = _item_size(datatype)
    offset = operator.index(offset)
    if data_length is not None:
        data_length = operator.index(data_length)
    if data_length is None or data_length == -1:  # -1: what headers of "#0" blocks state
        data_length = len(block) - offset
    count = data_length // item_size
    if count < 0:
        raise errors.InvalidArgument(_MALFORMED)
    endian = ">" if is_big_endian else "<"

    if _is_numpy_container(container):
        dtype = endian + _NUMPY_DTYPES[datatype]
        try:
            return _numpy().frombuffer(block, dtype=dtype, count=count, offset=offset)
        except OverflowError:  # a count or offset beyond what numpy indexes
            raise errors.InvalidArgument("buffer is smaller than requested size") from None

    fast = datatype in _CASTABLE and is_big_endian == _NATIVE_IS_BIG
    if fast and offset >= 0:
        view = _byte_view(block)
        end = offset + count * item_size
        if end > view.nbytes:
            raise errors.InvalidArgument(_MALFORMED)
        item_format: Any = datatype  # the typing of memoryview.cast wants literal formats
        values: Sequence[Any] = view[offset:end].cast(item_format).tolist()
        if container is list:
            return values
        return container(values)

    try:
        values = struct.unpack_from(f"{endian}{count}{datatype}", block, offset)
    except struct.error:
        raise errors.InvalidArgument(_MALFORMED) from None
    if datatype in "sp":
        raw: Any = values[0]
        return raw if container is bytes else container(raw)
    if container is tuple:
        return values
    return container(values)


def _from_block(
    block: Any,
    offset: int,
    data_length: int,
    datatype: str,
    is_big_endian: bool,
    container: Any,
) -> Sequence[int | float]:
    """Decode the data after a parsed header, checking that the block holds all of it."""
    received = _nbytes(block) - offset
    if data_length == -1:
        data_length = received
    elif received < data_length:
        raise errors.InvalidArgument(_INCOMPLETE % (data_length, received))
    return from_binary_block(block, offset, data_length, datatype, is_big_endian, container)  # type: ignore[arg-type]


def from_ieee_block(
    block: bytes | bytearray,
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
    container: Callable[[Iterable[int | float]], Sequence[int | float]] = list,
) -> Sequence[int | float]:
    """Convert a block in the IEEE format into an iterable of numbers.

    Definite-length blocks have the form ``#<n><length><data>`` (anything after the data,
    such as a termination character, is ignored). For an indefinite-length block
    (``#0<data>``) all the bytes after the header are data (a trailing partial element is
    ignored).

    Parameters
    ----------
    block : bytes | bytearray
        IEEE formatted block of data.
    datatype : BINARY_DATATYPES, optional
        Format string for a single element (see the :mod:`struct` module), by default "f".
    is_big_endian : bool, optional
        Are the data in big or little endian order, by default False.
    container : Callable[[Iterable[int | float]], Sequence[int | float]], optional
        Container type to use for the output data: list, tuple, ``numpy.array``...
        By default list.

    Returns
    -------
    Sequence[int | float]
        Parsed data.

    Raises
    ------
    InvalidArgument
        If the header is malformed or the block shorter than its header states.

    """
    offset, data_length = parse_ieee_block_header(block)
    return _from_block(block, offset, data_length, datatype, is_big_endian, container)


def from_hp_block(
    block: bytes | bytearray,
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
    container: Callable[[Iterable[int | float]], Sequence[int | float]] = list,
) -> Sequence[int | float]:
    """Convert a block in the HP format (``#A<16-bit length><data>``) into numbers.

    Parameters
    ----------
    block : bytes | bytearray
        HP formatted block of data.
    datatype : BINARY_DATATYPES, optional
        Format string for a single element (see the :mod:`struct` module), by default "f".
    is_big_endian : bool, optional
        Are the data (and the length in the header) in big or little endian order,
        by default False.
    container : Callable[[Iterable[int | float]], Sequence[int | float]], optional
        Container type to use for the output data: list, tuple, ``numpy.array``...
        By default list.

    Returns
    -------
    Sequence[int | float]
        Parsed data.

    Raises
    ------
    InvalidArgument
        If the header is malformed or the block shorter than its header states.

    """
    offset, data_length = parse_hp_block_header(block, is_big_endian)
    return _from_block(block, offset, data_length, datatype, is_big_endian, container)


def from_rs_block(
    block: bytes | bytearray,
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
    container: Callable[[Iterable[int | float]], Sequence[int | float]] = list,
) -> Sequence[int | float]:
    """Convert a Rohde & Schwarz block (``#(<length>)<data>``) into numbers.

    Parameters
    ----------
    block : bytes | bytearray
        R&S formatted block of data.
    datatype : BINARY_DATATYPES, optional
        Format string for a single element (see the :mod:`struct` module), by default "f".
    is_big_endian : bool, optional
        Are the data in big or little endian order, by default False.
    container : Callable[[Iterable[int | float]], Sequence[int | float]], optional
        Container type to use for the output data: list, tuple, ``numpy.array``...
        By default list.

    Returns
    -------
    Sequence[int | float]
        Parsed data.

    Raises
    ------
    InvalidArgument
        If the header is missing or the block shorter than its header states.
    InvalidBlockHeader
        If the header is malformed (see :func:`parse_rs_block_header`).

    """
    offset, data_length = parse_rs_block_header(block)
    return _from_block(block, offset, data_length, datatype, is_big_endian, container)


def from_ieee_or_rs_block(
    block: bytes | bytearray,
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
    container: Callable[[Iterable[int | float]], Sequence[int | float]] = list,
) -> Sequence[int | float]:
    """Convert an IEEE block or a Rohde & Schwarz block into numbers.

    The format is told by the header (see :func:`parse_ieee_or_rs_block_header`).

    Parameters
    ----------
    block : bytes | bytearray
        IEEE or R&S formatted block of data.
    datatype : BINARY_DATATYPES, optional
        Format string for a single element (see the :mod:`struct` module), by default "f".
    is_big_endian : bool, optional
        Are the data in big or little endian order, by default False.
    container : Callable[[Iterable[int | float]], Sequence[int | float]], optional
        Container type to use for the output data: list, tuple, ``numpy.array``...
        By default list.

    Returns
    -------
    Sequence[int | float]
        Parsed data.

    Raises
    ------
    InvalidArgument
        If the header is malformed or the block shorter than its header states.
    InvalidBlockHeader
        If a R&S header is malformed (see :func:`parse_rs_block_header`).

    """
    offset, data_length = parse_ieee_or_rs_block_header(block)
    return _from_block(block, offset, data_length, datatype, is_big_endian, container)


# --- binary encoding ---------------------------------------------------------------------


def _ieee_header(data_length: int) -> bytes:
    digits = str(data_length)
    if len(digits) > _IEEE_MAX_DIGITS:
        raise errors.ArgumentOverflow(
            f"An IEEE block cannot hold {data_length} bytes: its header states at most "
            f"{_IEEE_MAX_DIGITS} length digits (less than 10**15 bytes)."
        )
    return b"#%X%s" % (len(digits), digits.encode("ascii"))


def _hp_header(data_length: int, is_big_endian: bool) -> bytes:
    if data_length > _HP_MAX_LENGTH:
        raise errors.ArgumentOverflow(
            f"An HP block holds at most {_HP_MAX_LENGTH} data bytes, got {data_length}."
        )
    return b"#A" + data_length.to_bytes(2, "big" if is_big_endian else "little")


def _rs_header(data_length: int) -> bytes:
    return b"#(%d)" % data_length


def _data_length(iterable: Any, datatype: str) -> int:
    """Byte length of the encoded data, computed without packing (or iterating) anything."""
    item_size = _item_size(datatype)
    np = _numpy()
    if np is not None and isinstance(iterable, np.ndarray):
        return int(iterable.size) * item_size
    return len(iterable) * item_size


def _encode(
    iterable: Any, datatype: str, is_big_endian: bool, head: bytes, suffix: bytes = b""
) -> bytes:
    """Return ``head + data + suffix``, copying the data once whatever the container."""
    endian = ">" if is_big_endian else "<"
    if datatype in _RAW_DATATYPES:
        if isinstance(iterable, (bytes, bytearray)) or (
            isinstance(iterable, memoryview) and iterable.itemsize == 1
        ):
            return b"".join((head, iterable, suffix))
        if datatype == "s":
            return b"".join((head, bytes(iterable), suffix))
    elif datatype == "p":  # one Pascal string (struct semantics: a length byte first)
        data = bytes(iterable)
        return b"".join((head, struct.pack(f"{len(data)}p", data), suffix))

    _item_size(datatype)
    np = _numpy()
    if np is not None and isinstance(iterable, np.ndarray):
        array = np.ascontiguousarray(iterable.astype(endian + _NUMPY_DTYPES[datatype], copy=False))
        return b"".join((head, array.reshape(-1).view(np.uint8), suffix))

    values = iterable if isinstance(iterable, Sequence) else list(iterable)
    try:
        return struct.pack(
            f"{endian}{len(head)}s{len(values)}{datatype}{len(suffix)}s", head, *values, suffix
        )
    except struct.error as exc:
        raise errors.InvalidArgument(
            f"Could not encode the values as datatype {datatype!r}: {exc}"
        ) from None


def _materialise(iterable: Any) -> Any:
    """Give iterables without a length (generators...) one."""
    if hasattr(iterable, "__len__") or isinstance(iterable, (bytes, bytearray, memoryview)):
        return iterable
    return list(iterable)


def build_binary_message(
    prefix: bytes,
    iterable: Any,
    datatype: BINARY_DATATYPES,
    is_big_endian: bool,
    header_fmt: BINARY_HEADERS,
    suffix: bytes,
) -> bytes:
    """Build ``prefix + block + suffix`` with a single copy of the data.

    This is what :meth:`~pyvisa.resources.MessageBasedResource.write_binary_values`
    sends: the command, the block (:func:`to_ieee_block`, :func:`to_hp_block`,
    :func:`to_rs_block` or no header for "empty") and the write termination. Not part of
    the public API.

    Raises
    ------
    InvalidArgument
        If the header format or datatype is unknown or a value cannot be encoded.
    ArgumentOverflow
        If the data is too long for the header format.

    """
    iterable = _materialise(iterable)
    if header_fmt == "empty":
        header = b""
    else:
        data_length = _data_length(iterable, datatype)
        if header_fmt == "ieee":
            header = _ieee_header(data_length)
        elif header_fmt == "hp":
            header = _hp_header(data_length, is_big_endian)
        elif header_fmt == "rs":
            header = _rs_header(data_length)
        else:
            raise errors.InvalidArgument(f"Unsupported header_fmt: {header_fmt}")
    return _encode(iterable, datatype, is_big_endian, prefix + header, suffix)


def to_binary_block(
    iterable: bytes | bytearray | Sequence[int | float],
    header: str | bytes,
    datatype: BINARY_DATATYPES,
    is_big_endian: bool,
) -> bytes:
    """Convert an iterable of numbers into a block of data with a given header.

    Bytes given with the "s", "b" or "B" datatype are appended as they are. A numpy array
    is converted with ``ndarray.astype`` (numpy's default, unsafe, casting: integers may
    wrap around); other iterables are packed with the :mod:`struct` module.

    Parameters
    ----------
    iterable : bytes | bytearray | Sequence[int | float]
        Sequence of numbers to pack into a block.
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
    InvalidArgument
        If the datatype is unknown or a value cannot be encoded with it.

    """
    head = header.encode("ascii") if isinstance(header, str) else bytes(memoryview(header))
    return _encode(_materialise(iterable), datatype, is_big_endian, head)


def to_ieee_block(
    iterable: Sequence[int | float],
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
) -> bytes:
    """Convert an iterable of numbers into a block of data in the IEEE format.

    The header is ``#<n><length>``, ``n`` being the number of digits of the length as one
    hexadecimal digit (so ``#A`` for a length of 10 digits, 1 GB or more).

    Parameters
    ----------
    iterable : Sequence[int | float]
        Sequence of numbers to pack into a block (bytes and numpy arrays are accepted).
    datatype : BINARY_DATATYPES, optional
        Format string for a single element (see the :mod:`struct` module), by default "f".
    is_big_endian : bool, optional
        Are the data in big or little endian order, by default False.

    Returns
    -------
    bytes
        Binary block of data preceded by the IEEE header.

    Raises
    ------
    ArgumentOverflow
        If the length of the data needs more than 15 digits (10**15 bytes or more); this
        is checked before anything is packed.

    """
    iterable = _materialise(iterable)
    header = _ieee_header(_data_length(iterable, datatype))
    return _encode(iterable, datatype, is_big_endian, header)


def to_hp_block(
    iterable: Sequence[int | float],
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
) -> bytes:
    """Convert an iterable of numbers into a block of data in the HP format.

    The header is ``#A`` followed by the data length on 16 bits.

    Parameters
    ----------
    iterable : Sequence[int | float]
        Sequence of numbers to pack into a block (bytes and numpy arrays are accepted).
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
    ArgumentOverflow
        If the data is 65536 bytes long or more; this is checked before anything is packed.

    """
    iterable = _materialise(iterable)
    header = _hp_header(_data_length(iterable, datatype), is_big_endian)
    return _encode(iterable, datatype, is_big_endian, header)


def to_rs_block(
    iterable: Sequence[int | float],
    datatype: BINARY_DATATYPES = "f",
    is_big_endian: bool = False,
) -> bytes:
    """Convert an iterable of numbers into a Rohde & Schwarz block (``#(<length>)<data>``).

    Parameters
    ----------
    iterable : Sequence[int | float]
        Sequence of numbers to pack into a block (bytes and numpy arrays are accepted).
    datatype : BINARY_DATATYPES, optional
        Format string for a single element (see the :mod:`struct` module), by default "f".
    is_big_endian : bool, optional
        Are the data in big or little endian order, by default False.

    Returns
    -------
    bytes
        Binary block of data preceded by the R&S header.

    """
    iterable = _materialise(iterable)
    header = _rs_header(_data_length(iterable, datatype))
    return _encode(iterable, datatype, is_big_endian, header)
