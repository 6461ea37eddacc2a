"""Minimal text-table formatter used by ``pyvisa-shell`` (``attr`` command).

Only the part of the PrettyTable interface PyVISA needs is provided: a table is
built from its column titles, rows are appended with :meth:`PrettyTable.add_row` and
:meth:`PrettyTable.get_string` (or ``str(table)``) lays it out as::

    +-----------+-------+
    |   name    | value |
    +-----------+-------+
    | VI_ATTR_A |   1   |
    +-----------+-------+

Cells are centred by default the way :meth:`str.center` centres text, with one space
of padding on each side; a cell holding several lines spans several text lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .. import errors

__all__ = ["PrettyTable"]

_ALIGNMENTS = ("l", "c", "r")


class PrettyTable:
    """A table of text cells rendered with ASCII borders.

    Parameters
    ----------
    field_names : Iterable[str] | None, optional
        Titles of the columns. When omitted they are taken from the first row added,
        named "Field 1", "Field 2", ...
    align : str, optional
        Alignment of every column: "l" (left), "c" (centre, the default) or "r" (right).
    padding_width : int, optional
        Number of spaces between a cell and the vertical borders, by default 1.
    border : bool, optional
        Whether to draw the borders, by default True.
    header : bool, optional
        Whether to print the row of titles, by default True.

    """

    def __init__(
        self,
        field_names: Iterable[str] | None = None,
        *,
        align: str = "c",
        padding_width: int = 1,
        border: bool = True,
        header: bool = True,
    ) -> None:
        self._field_names: list[str] = []
        self._align: dict[str, str] = {}
        self._default_align = "c"
        self._rows: list[list[Any]] = []
        self.padding_width = padding_width
        self.border = border
        self.header = header
        if field_names is not None:
            self.field_names = list(field_names)
        self.align = align

    # -- columns ------------------------------------------------------------------

    @property
    def field_names(self) -> list[str]:
        """Titles of the columns."""
        return list(self._field_names)

    @field_names.setter
    def field_names(self, names: Iterable[str]) -> None:
        names = [str(name) for name in names]
        if len(set(names)) != len(names):
            raise errors.InvalidArgument("Field names must be unique.")
        if self._rows and len(names) != len(self._rows[0]):
            raise errors.InvalidArgument(
                f"Field name list has incorrect number of values, (actual) "
                f"{len(names)}!={len(self._rows[0])} (expected)"
            )
        old = self._field_names
        aligns = [self._align.get(name, self._default_align) for name in old]
        self._field_names = names
        self._align = {
            name: aligns[index] if index < len(aligns) else self._default_align
            for index, name in enumerate(names)
        }

    @property
    def align(self) -> dict[str, str]:
        """Alignment of each column, keyed by title.

        Assigning a single letter ("l", "c" or "r") sets it for every column.
        """
        return dict(self._align)

    @align.setter
    def align(self, value: str) -> None:
        if value not in _ALIGNMENTS:
            raise errors.InvalidArgument(
                f"Alignment {value!r} is invalid, use one of 'l', 'c' or 'r'."
            )
        self._default_align = value
        self._align = {name: value for name in self._field_names}

    def set_align(self, field_name: str, value: str) -> None:
        """Set the alignment of one column.

        Parameters
        ----------
        field_name : str
            Title of the column.
        value : str
            "l", "c" or "r".

        """
        if field_name not in self._align:
            raise errors.InvalidArgument(f"Invalid field name: {field_name!r}")
        if value not in _ALIGNMENTS:
            raise errors.InvalidArgument(
                f"Alignment {value!r} is invalid, use one of 'l', 'c' or 'r'."
            )
        self._align[field_name] = value

    # -- rows ---------------------------------------------------------------------

    @property
    def rowcount(self) -> int:
        """Number of rows in the table."""
        return len(self._rows)

    def add_row(self, row: Sequence[Any]) -> None:
        """Append a row, one value per column (values are shown with ``str``).

        Parameters
        ----------
        row : Sequence[Any]
            The values of the row.

        Raises
        ------
        ValueError
            If the row does not have one value per column.

        """
        values = list(row)
        if not self._field_names:
            self.field_names = [f"Field {index + 1}" for index in range(len(values))]
        if len(values) != len(self._field_names):
            raise errors.InvalidArgument(
                f"Row has incorrect number of values, (actual) {len(values)}!="
                f"{len(self._field_names)} (expected)"
            )
        self._rows.append(values)

    def clear_rows(self) -> None:
        """Remove every row, keeping the columns."""
        self._rows = []

    # -- layout -------------------------------------------------------------------

    def get_string(
        self,
        sortby: str | None = None,
        reversesort: bool = False,
        fields: Iterable[str] | None = None,
    ) -> str:
        """Lay the table out as text.

        Parameters
        ----------
        sortby : str | None, optional
            Title of the column whose values order the rows (the rows keep the order
            they were added in by default).
        reversesort : bool, optional
            Sort in decreasing order.
        fields : Iterable[str] | None, optional
            Titles of the columns to show, by default all of them.

        Returns
        -------
        str
            The table, without a final newline.

        """
        rows = list(self._rows)
        if sortby is not None:
            if sortby not in self._field_names:
                raise errors.InvalidArgument(f"Invalid field name: {sortby!r}")
            column = self._field_names.index(sortby)
            rows.sort(key=lambda row: row[column], reverse=reversesort)
        shown = list(self._field_names if fields is None else fields)
        indexes = [self._field_names.index(name) for name in shown]

        cells = [[str(row[index]).split("\n") for index in indexes] for row in rows]
        widths = [len(name) for name in shown]
        for row_cells in cells:
            for position, cell_lines in enumerate(row_cells):
                widths[position] = max(widths[position], *(len(line) for line in cell_lines))
        aligns = [self._align.get(name, self._default_align) for name in shown]

        lines: list[str] = []
        rule = self._rule(widths)
        if self.border:
            lines.append(rule)
        if self.header:
            lines.append(self._line(shown, widths, aligns))
            if self.border:
                lines.append(rule)
        for row_cells in cells:
            height = max((len(cell) for cell in row_cells), default=1)
            for number in range(height):
                texts = [cell[number] if number < len(cell) else "" for cell in row_cells]
                lines.append(self._line(texts, widths, aligns))
        if self.border:
            lines.append(rule)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.get_string()

    def _rule(self, widths: Sequence[int]) -> str:
        pad = 2 * self.padding_width
        return "+" + "+".join("-" * (width + pad) for width in widths) + "+"

    def _line(self, texts: Sequence[str], widths: Sequence[int], aligns: Sequence[str]) -> str:
        pad = " " * self.padding_width
        parts = [
            pad + _justify(text, width, align) + pad
            for text, width, align in zip(texts, widths, aligns, strict=True)
        ]
        if self.border:
            return "|" + "|".join(parts) + "|"
        return "".join(parts)


def _justify(text: str, width: int, align: str) -> str:
    if align == "l":
        return text.ljust(width)
    if align == "r":
        return text.rjust(width)
    return text.center(width)
