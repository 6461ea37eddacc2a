"""Sphinx extension: make the links of the ``[docs]`` buttons of the source pages land.

``sphinx.ext.viewcode`` makes one source page per module and, next to each documented
definition, a ``[docs]`` link back to its description. The anchor of that link is
made with one module name per source page, the module under which the first object of
that source was documented. The package documents some definitions under the public
module that re-exports them (``pyvisa.resources.GPIBInstrument``, defined in
``pyvisa.resources.gpib``) and others under their own module, so the links of the
other definitions of such a source page pointed to anchors that do not exist. This
extension adds, to each description, the anchor its ``[docs]`` link uses (an extra
``id``; the description keeps its own).

viewcode also lists in its index of source pages the modules it could not analyse
(``builtins``, for a documented value whose ``__module__`` is a built-in module),
linking to pages it does not make: those are dropped before the pages are written.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def _drop_unanalysed_modules(app: Sphinx, env: BuildEnvironment) -> None:
    modules = getattr(env, "_viewcode_modules", None)
    if modules:
        for name in [name for name, entry in modules.items() if entry is False]:
            del modules[name]


def _add_backlink_anchors(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    modules = getattr(app.env, "_viewcode_modules", None)
    if not modules:
        return
    try:
        from sphinx.ext.viewcode import _get_full_modname
    except ImportError:  # another Sphinx: leave its links alone
        return
    ids = {identifier for node in doctree.findall(nodes.Element) for identifier in node["ids"]}
    for signature in doctree.findall(addnodes.desc_signature):
        module, fullname = signature.get("module"), signature.get("fullname")
        if not module or not fullname or not signature["ids"]:
            continue
        entry = modules.get(_get_full_modname(module, fullname))
        if not entry:
            continue
        _code, _tags, used, refname = entry
        anchor = f"{refname}.{fullname}"
        if used.get(fullname) == docname and anchor not in ids:
            signature["ids"].append(anchor)
            ids.add(anchor)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx.ext.viewcode")
    app.connect("env-updated", _drop_unanalysed_modules)
    app.connect("doctree-resolved", _add_backlink_anchors)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
