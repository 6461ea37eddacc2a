"""Let autodoc find the ``#:`` attribute comments of definitions moved out of their module.

The package keeps some classes in implementation modules (``pyvisa.backend``,
``pyvisa._attribute_kinds``...) while their ``__module__`` names the public module where
PyVISA defines them (``pyvisa.highlevel``, ``pyvisa.attributes``...). Autodoc reads the
``#:`` comments of class attributes from the source of ``__module__``; this extension
adds, to the comments of each public module, those of the modules its classes really
come from.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from collections import defaultdict
from typing import Any

from sphinx.pycode import ModuleAnalyzer


def _implementation_modules() -> dict[str, set[str]]:
    """Public module -> the modules defining classes that carry its name."""
    import pyvisa

    found: dict[str, set[str]] = defaultdict(set)
    for info in pkgutil.walk_packages(pyvisa.__path__, "pyvisa."):
        if ".testsuite" in info.name:
            continue
        module = importlib.import_module(info.name)
        source = inspect.getsource(module)
        defined = {
            node.name for node in ast.parse(source).body if isinstance(node, ast.ClassDef)
        }
        for name in defined:
            value = vars(module).get(name)
            if inspect.isclass(value) and value.__module__ != module.__name__:
                found[value.__module__].add(module.__name__)
    return found


def setup(app: Any) -> dict[str, Any]:
    extra = _implementation_modules()
    original = ModuleAnalyzer.analyze

    def analyze(self: ModuleAnalyzer) -> None:
        already = getattr(self, "_analyzed", False)
        original(self)
        if already:
            return
        for source in sorted(extra.get(self.modname, ())):
            other = ModuleAnalyzer.for_module(source)
            original(other)
            for key, value in other.attr_docs.items():
                self.attr_docs.setdefault(key, value)
            for key, value in other.annotations.items():
                self.annotations.setdefault(key, value)
            for name, order in other.tagorder.items():
                self.tagorder.setdefault(name, order)

    ModuleAnalyzer.analyze = analyze  # type: ignore[method-assign]
    return {"parallel_read_safe": True}
