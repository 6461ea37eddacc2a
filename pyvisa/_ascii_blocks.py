"""Encoding and decoding of the ASCII data blocks exchanged with instruments.

This private module holds the implementation; the public names are re-exported by
:mod:`pyvisa.util`, which is where users and backends import them from.

numpy is never imported here: when a caller passes a numpy container, numpy is already
in :data:`sys.modules` and is fetched from there.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any, Literal

from . import errors

#: Conversion codes accepted by the ASCII helpers (Python string formatting codes).
ASCII_CONVERTER = Literal["s", "b", "c", "d", "o", "x", "X", "e", "E", "f", "F", "g", "G"]


def _to_int(text: str) -> int:
    """Convert a decimal integer, accepting a float notation such as ``1.0E+3``."""
    try:
        return int(text)
    except ValueError:
        value = float(text)
    if not value.is_integer():
        raise errors.InvalidArgument(f"{text!r} is not an integer")
    return int(value)


def _to_char_code(text: str) -> int:
    """Convert a single character to its code point (the inverse of ``'%c'``)."""
    if len(text) != 1:
        text = text.strip()
    if len(text) != 1:
        raise errors.InvalidArgument(f"expected a single character, got {text!r}")
    return ord(text)


_ASCII_CONVERTERS: dict[str, Callable[[str], Any]] = {
    "s": str,
    "b": partial(int, base=2),
    "c": _to_char_code,
    "d": _to_int,
    "o": partial(int, base=8),
    "x": partial(int, base=16),
    "X": partial(int, base=16),
    "e": float,
    "E": float,
    "f": float,
    "F": float,
    "g": float,
    "G": float,
}

#: Codes of numbers, for which an empty last item (trailing separator) is ignored.
_NUMERIC_CODES = frozenset("bdoxXeEfFgG")

#: numpy dtypes for the codes that numpy can parse directly from text.
_NUMPY_ASCII_DTYPES = {
    "d": "i8",
    "e": "f8",
    "E": "f8",
    "f": "f8",
    "F": "f8",
    "g": "f8",
    "G": "f8",
}


def _numpy() -> Any:
    """Return the numpy module if it has been imported by someone, else None."""
    return sys.modules.get("numpy")


def _is_numpy_container(container: Any) -> bool:
    """Tell whether ``container`` builds numpy arrays (``numpy.array``, ``ndarray``...)."""
    np = _numpy()
    return np is not None and (
        container is np.array or container is np.ndarray or container is np.asarray
    )


def check_from_ascii_arguments(converter: Any, separator: Any, container: Any) -> None:
    """Reject the arguments :func:`from_ascii_block` would fail on, before any I/O.

    Raises
    ------
    pyvisa.errors.InvalidArgument
        If ``converter`` is a str that is not a known conversion code (a ``ValueError``).
    pyvisa.errors.InvalidArgumentType
        If ``converter`` is neither a str nor callable, ``separator`` neither a str nor
        callable, or ``container`` not callable (a ``TypeError``).

    """
    if isinstance(converter, str):
        if converter not in _ASCII_CONVERTERS:
            raise errors.InvalidArgument(
                f"Invalid code for converter: {converter!r} not in {tuple(_ASCII_CONVERTERS)}"
            )
    elif not callable(converter):
        raise errors.InvalidArgumentType(
            f"converter must be a conversion code or callable, got {converter!r}"
        )
    if not isinstance(separator, str) and not callable(separator):
        raise errors.InvalidArgumentType(f"separator must be a str or callable, got {separator!r}")
    if not callable(container):
        raise errors.InvalidArgumentType(f"container must be callable, got {container!r}")


def from_ascii_block(
    ascii_data: str,
    converter: ASCII_CONVERTER | Callable[[str], Any] = "f",
    separator: str | Callable[[str], Iterable[str]] = ",",
    container: Callable[[Iterable[Any]], Sequence[Any]] = list,
) -> Sequence[Any]:
    """Parse ASCII data and return an iterable of numbers.

    Empty data gives an empty container. With a numeric converter code, an empty last
    item (from a trailing separator, or data made only of white space) is ignored.

    Parameters
    ----------
    ascii_data : str
        Data to be parsed.
    converter : ASCII_CONVERTER | Callable[[str], Any], optional
        Str format code (see :data:`pyvisa.util.ASCII_CONVERTER`) or function converting each value,
        by default "f".
    separator : str | Callable[[str], Iterable[str]], optional
        Str or callable used to split the data into individual elements. If a str is
        given, ``data.split(separator)`` is used. By default ",".
    container : Callable[[Iterable[Any]], Sequence[Any]], optional
        Container type to use for the output data: list, tuple, ``numpy.array``...
        With ``numpy.array`` or ``numpy.ndarray`` and a decimal or floating point code,
        numpy converts the values (no Python numbers are created). By default list.

    Returns
    -------
    Sequence[Any]
        Parsed data.

    Raises
    ------
    pyvisa.errors.InvalidArgument
        If the converter code is unknown or a value cannot be converted (a ``ValueError``).

    """
    if isinstance(converter, str):
        try:
            convert = _ASCII_CONVERTERS[converter]
        except KeyError:
            raise errors.InvalidArgument(
                f"Invalid code for converter: {converter!r} not in {tuple(_ASCII_CONVERTERS)}"
            ) from None
    else:
        convert = converter

    is_code = isinstance(converter, str)
    to_numpy = _is_numpy_container(container)
    if is_code and to_numpy and isinstance(separator, str) and ascii_data:
        array = _numpy_from_text(ascii_data, converter, separator)
        if array is not None:
            return array
    if isinstance(separator, str):
        items = ascii_data.split(separator) if ascii_data else []
    else:
        items = list(separator(ascii_data))
    if is_code and converter in _NUMERIC_CODES and items and not items[-1].strip():
        del items[-1]

    if is_code and to_numpy:
        array = _numpy_array(items, converter)
        if array is not None:
            return array
    try:
        values = list(map(convert, items))
    except (ValueError, TypeError, OverflowError):
        raise _conversion_error(items, convert, converter) from None
    if to_numpy:  # numpy.ndarray(values) would read the values as a shape
        return _numpy().array(values)
    return values if container is list else container(values)


#: Whether ``numpy.fromstring`` raises on data it cannot read to the end (numpy 2: older
#: ones warn and truncate), found out on first use; None: not known yet.
_FROMSTRING_RAISES: bool | None = None


def _fromstring_raises(np: Any) -> bool:
    global _FROMSTRING_RAISES
    if _FROMSTRING_RAISES is None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                np.fromstring("1,x", dtype="f8", sep=",")
                raises = False
            except ValueError:
                raises = True
        _FROMSTRING_RAISES = raises
    return _FROMSTRING_RAISES


def _numpy_from_text(text: str, code: Any, separator: str) -> Any:
    """Let ``numpy.fromstring`` parse the text at once; None when the generic path must.

    The generic path (split, then convert each item) decides whatever numpy might read
    differently from ``float``/``int``: a separator that is white space or empty, data
    numpy cannot read to the end (with a numpy that only warns then, the generic path
    always decides), integer codes, the value numpy gives a blank item (-1.0, which the
    data may also hold: the generic path is then only slower) and NaN (numpy reads
    ``nan(...)`` forms that ``float`` rejects).
    """
    dtype = _NUMPY_ASCII_DTYPES.get(code)
    if dtype != "f8" or not separator or not separator.strip() == separator:
        return None  # integers: numpy saturates those too large, float() does not
    np = _numpy()
    if not _fromstring_raises(np):
        return None
    try:
        array = np.fromstring(text, dtype=dtype, sep=separator)
    except (ValueError, TypeError, OverflowError):
        return None
    # numpy raises on any field it cannot read, so that each field gave one value, except
    # a blank one (white space between two separators or after the last one).
    if (array == -1.0).any() or np.isnan(array).any():
        return None
    return array


def _numpy_array(items: list[str], code: Any) -> Any:
    """Let numpy convert the items, without Python numbers; None when it cannot."""
    dtype = _NUMPY_ASCII_DTYPES.get(code)
    if dtype is None:
        return None
    try:
        return _numpy().array(items, dtype=dtype)
    except (ValueError, TypeError, OverflowError):
        # e.g. "1.5" with the "d" code: the generic path decides (and explains failures).
        return None


def _conversion_error(
    items: list[str], convert: Callable[[str], Any], converter: Any
) -> errors.InvalidArgument:
    """Build the error naming the first item that the converter rejects."""
    for index, item in enumerate(items):
        try:
            convert(item)
        except (ValueError, TypeError, OverflowError) as exc:
            return errors.InvalidArgument(
                f"Could not convert item {index} ({item!r}) of the ASCII data "
                f"with converter {converter!r}: {exc}"
            )
    return errors.InvalidArgument(f"Could not convert the ASCII data with converter {converter!r}")


def _format_with_code(values: Iterable[Any], code: str) -> list[str]:
    """Format each value with a ``%`` code ("b", unknown to ``%``, goes through ``format``).

    Each value is formatted as ``fmt % (value,)`` (``zip`` makes the 1-tuples), so that a
    tuple value is one value and not several arguments.
    """
    if code.endswith("b"):
        return [format(value, code) for value in values]
    return list(map(("%" + code).__mod__, zip(values)))


def to_ascii_block(
    iterable: Iterable[Any],
    converter: ASCII_CONVERTER | str | Callable[[Any], str] = "f",
    separator: str | Callable[[Iterable[str]], str] = ",",
) -> str:
    """Turn an iterable of numbers into an ASCII block of data.

    Parameters
    ----------
    iterable : Iterable[Any]
        Data to be formatted.
    converter : ASCII_CONVERTER | str | Callable[[Any], str], optional
        String formatting code (any ``%`` format specification without the ``%``, such as
        "f", "x" or ".3e"; "b" gives binary digits) or function converting each value to a
        string, by default "f".
    separator : str | Callable[[Iterable[str]], str], optional
        Str used to join the values, or function joining the formatted values into the
        block, by default ",".

    Returns
    -------
    str
        Formatted data.

    Raises
    ------
    pyvisa.errors.InvalidArgument
        If a value cannot be formatted with the given code (a ``ValueError``).

    """
    if isinstance(converter, str):
        try:
            items = _format_with_code(iterable, converter)
        except (ValueError, TypeError) as exc:
            raise errors.InvalidArgument(
                f"Could not format the values with {converter!r}: {exc}"
            ) from None
    else:
        items = list(map(converter, iterable))
    if isinstance(separator, str):
        return separator.join(items)
    return separator(items)
