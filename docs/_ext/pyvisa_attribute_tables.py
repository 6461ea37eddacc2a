"""Sphinx extension: tables of the VISA attributes of every resource class.

The ``pyvisa-attribute-tables`` directive writes one table per resource class
registered with :class:`pyvisa.highlevel.ResourceManager` (interface type and
resource class), listing the attribute descriptors the class exposes. The list comes
from the resource class (``visa_attributes_classes``), which is filled from the
registry :data:`pyvisa.attributes.AttributesPerResource`, so the tables follow the
code: a new attribute or resource class shows up at the next build.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles


def _registered_classes() -> list[tuple[Any, str, type]]:
    """(interface type, resource class, Python class), in interface order."""
    from pyvisa import constants, highlevel

    table = highlevel.ResourceManager._resource_classes
    rows = []
    for (interface, resource_class), pyclass in table.items():
        if interface == constants.InterfaceType.unknown:
            continue  # the fallback class of unknown names, not a session type
        rows.append((interface, resource_class, pyclass))
    rows.sort(key=lambda r: (r[0].name, r[1]))
    return rows


def _attributes_of(pyclass: Any) -> list[type]:
    return sorted(pyclass.visa_attributes_classes, key=lambda c: c.visa_name)


def _summary(attr: type) -> str:
    doc = (attr.__doc__ or "").strip().split("\n\n")[0]
    text = " ".join(line.strip() for line in doc.splitlines())
    # Plain text in the table: no role or markup of the docstring is interpreted.
    return text.replace("\\", "\\\\").replace("`", "'").replace("*", "\\*").replace("|", "\\|")


def _access(attr: type) -> str:
    parts = []
    if attr.read:
        parts.append("R")
    if attr.write:
        parts.append("W")
    access = "/".join(parts) or "-"
    return access + (", local" if attr.local else ", global")


def _cell(text: str) -> str:
    return text if text else "\\ "


class AttributeTables(SphinxDirective):
    """Generate the attribute tables (no arguments, no content)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        import pyvisa.resources

        lines: list[str] = []
        for interface, resource_class, pyclass in _registered_classes():
            title = f"{interface.name.upper()} {resource_class}: {pyclass.__name__}"
            lines += [title, "~" * len(title), ""]
            if pyclass.__name__ in pyvisa.resources.__all__:
                qualified = f"pyvisa.resources.{pyclass.__name__}"
            else:
                qualified = f"{pyclass.__module__}.{pyclass.__name__}"
            lines += [
                f"Python class :class:`{qualified}`, interface type "
                f"``InterfaceType.{interface.name}``, resource class ``{resource_class}``.",
                "",
                ".. list-table::",
                "   :header-rows: 1",
                "   :widths: 20 28 10 12 30",
                "",
                "   * - Python name",
                "     - VISA attribute (id)",
                "     - VISA type",
                "     - Access",
                "     - Meaning",
            ]
            for attr in _attributes_of(pyclass):
                py_name = attr.py_name if attr.py_name and attr.py_name != "To be specified" else ""
                lines += [
                    f"   * - {_cell(f'``{py_name}``' if py_name else '')}",
                    f"     - ``{attr.visa_name}`` ({attr.attribute_id:#x})",
                    f"     - {_cell(f'``{attr.visa_type}``' if attr.visa_type else '')}",
                    f"     - {_access(attr)}",
                    f"     - {_cell(_summary(attr))}",
                ]
            lines.append("")
        container = nodes.section()
        container.document = self.state.document
        nested_parse_with_titles(
            self.state, StringList(lines, source="<attribute tables>"), container
        )
        return list(container.children)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("pyvisa-attribute-tables", AttributeTables)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
