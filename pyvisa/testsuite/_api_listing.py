"""Hold the package against the PyVISA 1.16.2 API listing (``api_listing/api-1.16.2.json``).

The listing was made by introspecting the released package: for every module its public names
(kind, signature, value) and for every public class its bases, enum members and members. This
module walks the listing and yields one :class:`Difference` per fact the package does not have.
``python -m pyvisa.testsuite._api_listing`` prints them all, grouped by module.
"""

from __future__ import annotations

import ctypes
import enum
import importlib
import inspect
import json
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

LISTING_PATH = Path(__file__).resolve().parent / "api_listing" / "api-1.16.2.json"

_SKIPPED_ORIGINS = ("typing", "typing_extensions", "collections.abc")

_MISSING = object()


@dataclass(frozen=True)
class Difference:
    """One fact of the listing that the package does not have."""

    key: str  # "module:name" or "module.Class.member"
    what: str  # short category: missing, kind, signature, value, bases, enum, property
    detail: str

    def __str__(self) -> str:
        return f"{self.key}: {self.what}: {self.detail}"


@cache
def load_listing() -> dict[str, Any]:
    with LISTING_PATH.open(encoding="utf-8") as stream:
        return json.load(stream)


def _is_pyvisa(origin: str | None) -> bool:
    return bool(origin) and (origin == "pyvisa" or origin.startswith("pyvisa."))  # type: ignore[union-attr]


def _import(module_name: str) -> types.ModuleType | None:
    try:
        return importlib.import_module(module_name)
    except Exception:
        return None


def kind_of(obj: Any) -> str:
    """Classify ``obj`` the way the listing does."""
    if isinstance(obj, types.ModuleType):
        return "module"
    if isinstance(obj, type):
        return "enum" if issubclass(obj, enum.Enum) else "class"
    if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
        return "function"
    if isinstance(obj, (bool, int, float, str, bytes, tuple, list, dict, set, frozenset)):
        return "constant"
    if obj is None or isinstance(obj, enum.Enum):
        return "constant"
    return "other"


def to_json(value: Any) -> Any:
    """The JSON form of a value, as the listing stores it."""
    if isinstance(value, enum.Enum):
        return to_json(value.value)
    if isinstance(value, (tuple, list)):
        return [to_json(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((to_json(v) for v in value), key=repr)
    if isinstance(value, dict):
        return {str(to_json(k)): to_json(v) for k, v in value.items()}
    return value


def _default_matches(expected: dict[str, Any], actual: Any) -> bool:
    if "default_json" in expected:
        if isinstance(actual, enum.Enum):
            return expected["default"] == f"{type(actual).__name__}.{actual.name}"
        # The repr too: ``True == 1``, ``1.0 == 1`` and ``IntEnum.x == 1`` are other defaults.
        return to_json(actual) == expected["default_json"] and repr(actual) == expected["default"]
    text = expected["default"]
    if text.startswith("<class ") and isinstance(actual, type):
        return text == f"<class {actual.__name__}>"
    return text == repr(actual)


def _describe_params(params: list[dict[str, Any]]) -> str:
    parts = []
    for p in params:
        prefix = {"VAR_POSITIONAL": "*", "VAR_KEYWORD": "**"}.get(p["kind"], "")
        if p["kind"] == "KEYWORD_ONLY":
            prefix = "kw:"
        text = prefix + p["name"]
        if "default" in p:
            text += "=" + p["default"]
        parts.append(text)
    return "(" + ", ".join(parts) + ")"


def _describe_signature(sig: inspect.Signature) -> str:
    parts = []
    for p in sig.parameters.values():
        prefix = {p.VAR_POSITIONAL: "*", p.VAR_KEYWORD: "**", p.KEYWORD_ONLY: "kw:"}.get(p.kind, "")
        text = prefix + p.name
        if p.default is not p.empty:
            text += "=" + repr(p.default)
        parts.append(text)
    return "(" + ", ".join(parts) + ")"


def compare_signature(expected: dict[str, Any], func: Any, drop_first: bool = False) -> str | None:
    """Return a description of the mismatch between ``func`` and the listed signature."""
    if "params" not in expected:
        return None
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError) as exc:
        return f"no signature ({exc})"
    params = list(sig.parameters.values())
    if (
        drop_first
        and params
        and params[0].kind in (params[0].POSITIONAL_ONLY, params[0].POSITIONAL_OR_KEYWORD)
    ):
        params = params[1:]
        sig = sig.replace(parameters=params)
    listed = expected["params"]
    ok = len(params) == len(listed)
    if ok:
        for exp, act in zip(listed, params, strict=True):
            if exp["name"] != act.name or exp["kind"] != act.kind.name:
                ok = False
                break
            has_default = act.default is not act.empty
            if ("default" in exp) != has_default:
                ok = False
                break
            if has_default and not _default_matches(exp, act.default):
                ok = False
                break
    if ok:
        return None
    return f"expected {_describe_params(listed)}, found {_describe_signature(sig)}"


def _compare_module_name(
    module_name: str, module: types.ModuleType, name: str, spec: dict[str, Any]
) -> Iterator[Difference]:
    key = f"{module_name}:{name}"
    obj = getattr(module, name, _MISSING)
    if obj is _MISSING:
        yield Difference(key, "missing", f"{spec['kind']} not found")
        return
    kind = spec["kind"]
    actual_kind = kind_of(obj)
    if kind != actual_kind and kind != "other":
        if not (kind == "class" and actual_kind == "enum" and spec.get("binding") == "imported"):
            yield Difference(key, "kind", f"expected {kind}, found {actual_kind}")
            return
    origin = spec.get("origin")
    if kind == "module" and _is_pyvisa(origin) and obj.__name__ != origin:
        yield Difference(key, "origin", f"is not {origin} (found {obj.__name__})")
    if kind in ("class", "enum", "function") and _is_pyvisa(origin):
        # The object must be defined where 1.16.2 defines it (its __module__ and __qualname__)
        # and, when that module exports it, be the very object exported there.
        actual_origin = f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', '?')}"
        owner_name, _, attr = origin.rpartition(".")  # type: ignore[union-attr]
        owner = _import(owner_name)
        exported = _MISSING if owner is None else getattr(owner, attr, _MISSING)
        if isinstance(obj, type) and issubclass(obj, ctypes._Pointer):
            # ctypes makes one pointer type per target type for the whole process, named
            # after the module that first asked for it.
            actual_origin = origin
        if actual_origin != origin or exported is not _MISSING and exported is not obj:
            yield Difference(key, "origin", f"is not {origin} (found {actual_origin})")
    if kind == "function" and "signature" in spec:
        problem = compare_signature(spec["signature"], obj)
        if problem:
            yield Difference(key, "signature", problem)
    if kind == "constant":
        yield from _compare_value(key, obj, spec)


def _compare_value(key: str, obj: Any, spec: dict[str, Any]) -> Iterator[Difference]:
    """Compare a constant or class attribute with its listed type and value."""
    type_name = spec.get("type")
    # A listed plain ``object`` is a sentinel (``NotAvailable``): its repr is compared below.
    # A subclass of the listed type is that type (an int default that validates what is
    # assigned, say), but a bool is never an int here.
    if type_name not in (None, "object"):
        wanted = type_name.rsplit(".", 1)[-1]
        names = [klass.__name__ for klass in type(obj).__mro__]
        if wanted not in names or (isinstance(obj, bool) and wanted != "bool"):
            yield Difference(key, "type", f"expected {type_name}, found {type(obj).__name__}")
    if "json" in spec:
        try:
            value = to_json(obj)
        except Exception as exc:  # pragma: no cover - defensive
            value = f"<unserialisable {exc}>"
        if value != spec["json"]:
            yield Difference(key, "value", f"expected {spec['json']!r}, found {value!r}")
    elif "container" in spec:
        yield from _compare_container(key, obj, spec["container"])
    elif "value" in spec and not _repr_matches(spec["value"], obj):
        yield Difference(key, "value", f"expected {spec['value']}, found {listing_repr(obj)}")


def listing_repr(value: Any) -> str:
    """Format a value the way the listing writes the items of module-level tables."""
    if isinstance(value, type):
        return f"<class {value.__name__}>"
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, tuple):
        inner = ", ".join(listing_repr(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, (set, frozenset)):
        if not value:
            return "set()"
        return "{" + ", ".join(sorted(listing_repr(v) for v in value)) + "}"
    return repr(value)


def _repr_matches(text: str, value: Any) -> bool:
    candidates = (listing_repr(value), repr(value), str(value))
    if text.endswith("\u2026"):  # the listing cuts long values
        return any(c.startswith(text[:-1]) for c in candidates)
    return text in candidates


def _compare_sequence(key: str, obj: Any, type_name: str, items: list[str]) -> Iterator[Difference]:
    """Compare a list (in order) or a set (the listing writes it sorted) item by item."""
    if not isinstance(obj, (list, tuple, set, frozenset)):
        yield Difference(key, "value", f"expected a {type_name}, found {type(obj).__name__}")
        return
    found = list(obj)
    unmatched = list(found)
    for text in items:
        match = next((v for v in unmatched if _repr_matches(text, v)), _MISSING)
        if match is _MISSING:
            yield Difference(key, "value", f"item {text} missing")
        else:
            unmatched.remove(match)
    for value in unmatched:
        yield Difference(key, "value", f"item {listing_repr(value)} not in the listing")
    if isinstance(obj, (list, tuple)) and not unmatched and len(found) == len(items):
        if not all(_repr_matches(t, v) for t, v in zip(items, found, strict=True)):
            yield Difference(
                key, "order", f"expected {items}, found {[listing_repr(v) for v in found]}"
            )


def _compare_container(key: str, obj: Any, spec: dict[str, Any]) -> Iterator[Difference]:
    items = spec["items"]
    if isinstance(items, list):
        yield from _compare_sequence(key, obj, spec["type"], items)
        return
    if not isinstance(obj, dict):
        yield Difference(key, "value", f"expected a {spec['type']}, found {type(obj).__name__}")
        return
    actual = {(str(int(k)) if isinstance(k, int) else listing_repr(k)): v for k, v in obj.items()}
    for item_key, item_repr in items.items():
        if item_key not in actual:
            yield Difference(key, "value", f"item {item_key} missing")
            continue
        if not _repr_matches(item_repr, actual[item_key]):
            value = actual[item_key]
            yield Difference(
                key, "value", f"item {item_key}: expected {item_repr}, found {value!r}"
            )
    for item_key in actual:
        if item_key not in items:
            yield Difference(key, "value", f"item {item_key} not in the listing")


def compare_module(module_name: str) -> Iterator[Difference]:
    listing = load_listing()["modules"][module_name]
    module = _import(module_name)
    if module is None:
        yield Difference(module_name, "missing", "module cannot be imported")
        return
    if listing["all"] is not None:
        actual_all = getattr(module, "__all__", None)
        if actual_all is None or set(listing["all"]) - set(actual_all):
            missing = sorted(set(listing["all"]) - set(actual_all or ()))
            yield Difference(module_name, "__all__", f"missing from __all__: {missing}")
    if listing["is_package"] != hasattr(module, "__path__"):
        yield Difference(module_name, "kind", f"1.16.2 is_package={listing['is_package']}")
    for name, spec in listing["names"].items():
        origin = spec.get("imported_from") or spec.get("origin")
        if spec.get("binding") == "imported" and not _is_pyvisa(origin):
            continue
        if (
            spec.get("kind") == "module"
            and spec.get("binding") == "imported"
            and not hasattr(module, name)
        ):
            # A module another module imports for its own use is not part of its API; when
            # the package binds the name too, it must be the same module.
            continue
        if (
            spec.get("binding") == "defined"
            and spec.get("kind") == "other"
            and any(str(spec.get("origin", "")).startswith(p) for p in ("typing.TypeVar",))
        ):
            continue
        yield from _compare_module_name(module_name, module, name, spec)


def _qualname(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _member_kind(cls: type, name: str) -> tuple[str, Any]:
    for klass in cls.__mro__:
        if name in vars(klass):
            raw = vars(klass)[name]
            break
    else:
        return "missing", None
    if isinstance(raw, staticmethod):
        return "staticmethod", raw
    if isinstance(raw, classmethod):
        return "classmethod", raw
    if isinstance(raw, property):
        return "property", raw
    if isinstance(raw, (types.FunctionType,)):
        return "method", raw
    if hasattr(raw, "__get__") and hasattr(raw, "attribute_id"):
        return "visa_attribute", raw
    if hasattr(type(raw), "__get__") and not isinstance(raw, (types.BuiltinFunctionType, type)):
        if type(raw).__name__ in ("getset_descriptor", "member_descriptor", "_tuplegetter"):
            return "descriptor", raw
        if callable(raw) and not hasattr(type(raw), "__set__"):
            return "method", raw
        return "descriptor", raw
    return "class_attr", raw


def compare_class(qualified: str) -> Iterator[Difference]:
    spec = load_listing()["classes"][qualified]
    module = _import(spec["module"])
    if module is None:
        yield Difference(qualified, "missing", "module cannot be imported")
        return
    cls: Any = module
    for part in spec["qualname"].split("."):
        cls = getattr(cls, part, _MISSING)
        if cls is _MISSING:
            yield Difference(qualified, "missing", "class not found")
            return
    if not isinstance(cls, type):
        yield Difference(qualified, "kind", f"not a class: {cls!r}")
        return
    bases = [_qualname(b) for b in cls.__bases__]
    if bases != spec["bases"]:
        yield Difference(qualified, "bases", f"expected {spec['bases']}, found {bases}")
    # The class itself is held by the modules table (its "origin"); here its ancestors.
    ancestors = [_qualname(b) for b in cls.__mro__[1:]]
    if ancestors != spec["mro"][1:]:
        yield Difference(qualified, "mro", f"expected {spec['mro'][1:]}, found {ancestors}")
    metaclass = _qualname(type(cls))
    if metaclass != spec["metaclass"]:
        yield Difference(qualified, "metaclass", f"expected {spec['metaclass']}, found {metaclass}")
    abstract = sorted(getattr(cls, "__abstractmethods__", ()))
    if abstract != sorted(spec["abstract"]):
        yield Difference(qualified, "abstract", f"expected {spec['abstract']}, found {abstract}")
    if spec.get("is_enum"):
        yield from _compare_enum(qualified, cls, spec)
    init = spec.get("init_signature")
    if init and not spec.get("is_enum"):
        problem = compare_signature(init, cls)
        if problem:
            yield Difference(qualified + ".__init__", "signature", problem)
    for name, member in spec["members"].items():
        yield from _compare_member(qualified, cls, name, member)


def _compare_enum(qualified: str, cls: type, spec: dict[str, Any]) -> Iterator[Difference]:
    kind = spec.get("enum_kind")
    expected_base = {
        "IntEnum": enum.IntEnum,
        "IntFlag": enum.IntFlag,
        "Enum": enum.Enum,
        "Flag": enum.Flag,
    }.get(kind or "")
    if expected_base is not None and not issubclass(cls, expected_base):
        yield Difference(qualified, "enum", f"expected an {kind}")
    if kind == "Enum" and issubclass(cls, (enum.IntEnum, enum.IntFlag)):
        yield Difference(qualified, "enum", "expected a plain Enum")
    if kind == "IntEnum" and issubclass(cls, enum.IntFlag):
        yield Difference(qualified, "enum", "expected an IntEnum, found an IntFlag")
    members = cls.__members__  # type: ignore[attr-defined]
    for name, value in spec.get("enum_members", {}).items():
        if name not in members:
            yield Difference(f"{qualified}.{name}", "enum", "member missing")
            continue
        actual = to_json(members[name].value)
        if "json" in value and actual != value["json"]:
            yield Difference(
                f"{qualified}.{name}", "enum", f"expected {value['json']!r}, found {actual!r}"
            )


def _compare_member(
    qualified: str, cls: type, name: str, member: dict[str, Any]
) -> Iterator[Difference]:
    key = f"{qualified}.{name}"
    kind, raw = _member_kind(cls, name)
    listed = member["kind"]
    if kind == "missing":
        if getattr(cls, name, _MISSING) is _MISSING:
            yield Difference(key, "missing", f"{listed} not found")
            return
        kind, raw = "class_attr", getattr(cls, name)
    if listed in ("method", "classmethod", "staticmethod"):
        if kind != listed:
            yield Difference(key, "kind", f"expected {listed}, found {kind}")
            return
        func = raw.__func__ if isinstance(raw, (classmethod, staticmethod)) else raw
        problem = compare_signature(
            member.get("signature", {}), func, drop_first=listed != "staticmethod"
        )
        if problem:
            yield Difference(key, "signature", problem)
    elif listed == "property":
        if kind != "property":
            yield Difference(key, "kind", f"expected property, found {kind}")
            return
        for part in ("fget", "fset", "fdel"):
            if bool(getattr(raw, part)) != member[part]:
                state = "has" if member[part] else "lacks"
                yield Difference(key, "property", f"1.16.2 {state} {part}")
    elif listed == "visa_attribute":
        if kind != "visa_attribute":
            yield Difference(key, "kind", f"expected a VISA attribute, found {kind}")
            return
        # The descriptor is an instance of the attribute class, whose VISA facts (id, type,
        # range, default, resources) are held against the listing by the classes table.
        expected = member["visa"]["attr_class"]
        attr_cls = getattr(_import("pyvisa.attributes"), expected, None)
        if attr_cls is None or not isinstance(raw, attr_cls):
            found = [k.__name__ for k in type(raw).__mro__ if k.__name__.startswith("AttrVI_")]
            yield Difference(
                key, "visa_attribute", f"expected an {expected}, found {found or type(raw)}"
            )
    elif listed == "class_attr":
        if kind != "class_attr":
            yield Difference(key, "kind", f"expected class attribute, found {kind}")
            return
        yield from _compare_value(key, getattr(cls, name), member)
    elif listed == "descriptor":
        if kind not in ("descriptor", "property", "visa_attribute"):
            yield Difference(key, "kind", f"expected descriptor, found {kind}")


def import_all() -> None:
    """Import every listed module, so that submodules are bound on their packages."""
    for module_name in load_listing()["modules"]:
        _import(module_name)


def all_differences() -> Iterator[Difference]:
    listing = load_listing()
    import_all()
    for module_name in listing["modules"]:
        yield from compare_module(module_name)
    for qualified in listing["classes"]:
        yield from compare_class(qualified)


def main(argv: list[str]) -> int:
    differences = list(all_differences())
    pattern = argv[1] if len(argv) > 1 else ""
    count = 0
    for diff in differences:
        if pattern in diff.key:
            print(diff)
            count += 1
    print(f"{count} differences", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
