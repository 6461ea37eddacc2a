"""The shape of the package: layers, import graph, module sizes, one error hierarchy.

The import graph is read from the source (``ast``), so imports inside functions and under
``if TYPE_CHECKING:`` count as much as module-level ones.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import pyvisa
from pyvisa import errors

PACKAGE_DIR = Path(pyvisa.__file__).parent

#: Modules that are tables of declarations (or the documented contract) and may be long.
DECLARATIVE = {
    "pyvisa.constants",
    "pyvisa.attributes",
    "pyvisa.backend",
    "pyvisa.ctwrapper.signatures",
    "pyvisa._status_messages",
}

MAX_LINES = 1000

#: Layer of each top-level module or subpackage: a module imports lower or equal ranks only.
LAYERS: dict[str, int] = {
    "pyvisa._exports": 0,
    "pyvisa._logging": 0,
    "pyvisa._version": 0,
    "pyvisa._libheaders": 0,
    "pyvisa.constants": 0,
    "pyvisa._status_messages": 1,
    "pyvisa.typing": 1,
    "pyvisa.errors": 2,
    "pyvisa.thirdparty": 3,
    "pyvisa._libarch": 3,
    "pyvisa._ascii_blocks": 3,
    "pyvisa._binary_blocks": 3,
    "pyvisa._rname_query": 3,
    "pyvisa.rname": 4,
    "pyvisa._attribute_kinds": 4,
    "pyvisa.attributes": 5,
    "pyvisa.util": 5,
    "pyvisa.backend": 6,
    "pyvisa.ctwrapper": 7,
    "pyvisa.events": 8,
    "pyvisa.resources": 9,
    "pyvisa.highlevel": 10,
    "pyvisa.diagnostics": 11,
    "pyvisa.shell": 11,
    "pyvisa._aio_worker": 11,
    "pyvisa._aio_resource": 11,
    "pyvisa._aio_messagebased": 11,
    "pyvisa.aio": 11,
    "pyvisa.trace": 11,
    "pyvisa.cmd_line_tools": 12,
    "pyvisa.__main__": 13,
    "pyvisa": 14,
}


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        relative = path.relative_to(PACKAGE_DIR.parent)
        if "testsuite" in relative.parts:
            continue
        name = ".".join(relative.with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Package modules imported by a module, wherever the import statement is."""
    is_package = path.name == "__init__.py"
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = name.split(".")
                if not is_package:
                    parts = parts[:-1]
                if node.level > 1:
                    parts = parts[: -(node.level - 1)]
                base = ".".join(parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            submodules = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES]
            # "from . import errors" imports the submodule, not the package's own names.
            candidates = submodules if len(submodules) == len(node.names) else [base, *submodules]
        else:
            continue
        for candidate in candidates:
            while candidate and candidate not in MODULES:
                candidate = candidate.rpartition(".")[0]
            if candidate and candidate != name:
                targets.add(candidate)
    return targets


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(module: str) -> int:
    while module not in LAYERS:
        module = module.rpartition(".")[0]
    return LAYERS[module]


def test_every_module_has_a_layer() -> None:
    unknown = [
        name
        for name in MODULES
        if not any(name == top or name.startswith(top + ".") for top in LAYERS)
    ]
    assert unknown == []


def test_no_import_cycle() -> None:
    # Tarjan's strongly connected components over the whole graph.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in GRAPH:
        if node not in index:
            visit(node)
    assert cycles == []


def test_imports_point_downwards() -> None:
    upward = [
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if _layer(target) > _layer(module)
        # A package's __init__ gathers its own submodules.
        and not target.startswith(module + ".")
    ]
    assert upward == []


def test_no_module_imports_the_package_face() -> None:
    assert [module for module, targets in GRAPH.items() if "pyvisa" in targets] == []


def test_the_ivi_backend_sees_only_the_contract_and_the_vocabulary() -> None:
    above = {"pyvisa.highlevel", "pyvisa.resources", "pyvisa.events", "pyvisa.aio"}
    reached = {
        target
        for module, targets in GRAPH.items()
        if module.startswith("pyvisa.ctwrapper")
        for target in targets
        if any(target == a or target.startswith(a + ".") for a in above)
    }
    assert reached == set()
    assert any("pyvisa.backend" in GRAPH[m] for m in GRAPH if m.startswith("pyvisa.ctwrapper"))


@pytest.mark.parametrize("module", sorted(set(MODULES) - DECLARATIVE))
def test_module_size(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines"


def test_no_import_ordering_exemptions() -> None:
    offenders = [
        name for name, path in MODULES.items() if "noqa: E402" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def _package_exception_classes() -> set[type[BaseException]]:
    for info in pkgutil.walk_packages(pyvisa.__path__, "pyvisa."):
        if ".testsuite" not in info.name:
            importlib.import_module(info.name)
    found: set[type[BaseException]] = set()
    for module_name in list(MODULES):
        module = importlib.import_module(module_name)
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__.startswith("pyvisa")
            ):
                found.add(value)
    return found


#: 1.16.2 fixes the bases of these two: a warning, and a ValueError named by scripts.
OUTSIDE_THE_HIERARCHY = {errors.VisaIOWarning, errors.InvalidResourceName}


def test_one_error_hierarchy() -> None:
    classes = _package_exception_classes()
    outside = {cls for cls in classes if not issubclass(cls, errors.Error)}
    assert outside == OUTSIDE_THE_HIERARCHY
    # Declared in errors.py, wherever they are re-exported (their __module__ may name the
    # public module of 1.16.2).
    tree = ast.parse(MODULES["pyvisa.errors"].read_text(encoding="utf-8"))
    declared = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    elsewhere = {
        cls
        for cls in classes
        if cls.__name__ not in declared or vars(errors)[cls.__name__] is not cls
    }
    assert elsewhere == set()


#: Modules below errors.py (it re-exports their codes): their few checks raise builtins.
BELOW_ERRORS = {"pyvisa.constants"}


def test_raise_sites_use_the_hierarchy() -> None:
    builtin_exceptions = {
        name
        for name, value in vars(builtins).items()
        if inspect.isclass(value) and issubclass(value, BaseException)
    }
    offenders = []
    for name, path in MODULES.items():
        if name in BELOW_ERRORS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and node.exc is not None:
                raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                if isinstance(raised, ast.Name) and raised.id in builtin_exceptions:
                    offenders.append(f"{name}:{node.lineno} {raised.id}")
    assert offenders == []


def test_an_open_parses_the_name_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from pyvisa import rname
    from pyvisa.highlevel import ResourceManager

    original = rname.parse_resource_name
    frontend_parses: list[str] = []

    def spy(resource_name: str) -> rname.ResourceName:
        if sys._getframe(1).f_globals["__name__"].startswith("pyvisa."):
            frontend_parses.append(resource_name)
        return original(resource_name)

    rm = ResourceManager("@sim")
    try:
        monkeypatch.setattr(rname, "parse_resource_name", spy)
        rname._CANONICAL.clear()
        inst = rm.open_resource("tcpip::localhost::inst0")
        assert inst.resource_name == "TCPIP0::localhost::inst0::INSTR"
        # resource_info parsed it; the resource got the canonical name without a parse.
        assert frontend_parses == ["tcpip::localhost::inst0"]
        inst.close()
    finally:
        rm.close()
