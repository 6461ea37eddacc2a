"""The package against the PyVISA 1.16.2 API listing, name by name.

Every module and class of ``api_listing/api-1.16.2.json`` is one test case: the names it lists
must exist with the listed kind, signature, bases, enum members and values. The only facts that
may differ are the deliberate deviations below, each with its reason (the docs page
"Differences from PyVISA" gives them to users).
"""

from __future__ import annotations

import re

import pytest

from ._api_listing import (
    LISTING_PATH,
    Difference,
    _compare_member,
    _compare_value,
    compare_class,
    compare_module,
    compare_signature,
    import_all,
    load_listing,
)
from ._constants_helpers import SPEC_DIR

_WIN_SIZE = (
    "on 64-bit platforms the C header (visa.h: VI_ATTR_WIN_SIZE is VI_ATTR_WIN_SIZE_64) gives "
    "0x3FFF009C; 1.16.2 uses the 32-bit id 0x3FFF009A there. attributes.AttributesByID answers "
    "both ids."
)
_SLOTPATH = (
    "attribute ids are unsigned in visa.h (0xBFFF0207UL); 1.16.2 stores the signed form of the "
    "same bits. attributes.AttributesByID answers both."
)
_WIDE = (
    "on 64-bit platforms visa.h makes these attributes aliases of their _64 variants "
    "(ViBusAddress64/ViBusSize64/ViUInt64): 1.16.2 declares 32-bit types and limits, which "
    "would reject valid 64-bit values"
)

#: The facts of the listing the package deliberately does not reproduce, as regular expressions
#: matched against whole difference lines (``str(Difference)``), with the reason.
DEVIATIONS: dict[str, str] = {
    r"pyvisa\.constants:VI_ATTR_WIN_SIZE: value: expected 1073676442, found 1073676444": _WIN_SIZE,
    r"pyvisa\.constants\.ResourceAttribute\.window_size: enum: expected 1073676442, "
    r"found 1073676444": _WIN_SIZE,
    r"pyvisa\.attributes\.AttrVI_ATTR_WIN_SIZE\.attribute_id: value: expected 1073676442, "
    r"found 1073676444": _WIN_SIZE,
    r"pyvisa\.attributes:AttributesByID: value: item 1073676444 not in the listing": _WIN_SIZE,
    r"pyvisa\.constants:VI_ATTR_PXI_SLOTPATH: value: expected -1073806841, found 3221160455": (
        _SLOTPATH
    ),
    r"pyvisa\.constants\.ResourceAttribute\.pxi_slotpath: enum: expected -1073806841, "
    r"found 3221160455": _SLOTPATH,
    r"pyvisa\.attributes\.AttrVI_ATTR_PXI_SLOTPATH\.attribute_id: value: expected -1073806841, "
    r"found 3221160455": _SLOTPATH,
    r"pyvisa\.attributes:AttributesByID: value: item 3221160455 not in the listing": _SLOTPATH,
    r"pyvisa\.attributes\.AttrVI_ATTR_(PXI_MEM_(BASE|SIZE)_BAR\d|RET_COUNT)\.max_value: value: "
    r"expected 4294967295, found 18446744073709551615": _WIDE,
    r"pyvisa\.attributes\.AttrVI_ATTR_(PXI_MEM_BASE_BAR\d\.visa_type: value: expected 'ViUInt32', "
    r"found 'ViBusAddress64'|PXI_MEM_SIZE_BAR\d\.visa_type: value: expected 'ViUInt32', found "
    r"'ViBusSize64'|RET_COUNT\.visa_type: value: expected 'ViUInt32', found 'ViUInt64')": _WIDE,
    r"pyvisa\.attributes\.AttrVI_ATTR_GPIB_RECV_CIC_STATE\.visa_type: value: expected 'ViBool', "
    r"found 'ViBoolean'": "ViBool is not a VISA type (visa-types.tsv); the attribute is a ViBoolean",
    r"pyvisa\.events\.TrigEvent\.received_trigger_id: visa_attribute: expected an "
    r"AttrVI_ATTR_TRIG_ID, found \['AttrVI_ATTR_RECV_TRIG_ID'\]": (
        "a trigger event carries VI_ATTR_RECV_TRIG_ID; 1.16.2 names the resource's VI_ATTR_TRIG_ID"
    ),
    r"pyvisa\.attributes:AttributesPerResource: value: item \(InterfaceType\.ni_enet100_tcpip, "
    r"'INTFC'\) not in the listing": "PyVISA 1.17's NI GPIB-ENET/100 interface, newer than 1.16.2",
}

_MOVED = (
    "defined in a private module of one purpose (block codecs, library architecture, events) "
    "and re-exported at the listed path: the same object, imported the same way"
)
DEVIATIONS.update(
    {
        r"pyvisa\.util:(\w+): origin: is not pyvisa\.util\.\1 \(found "
        r"pyvisa\._(binary_blocks|ascii_blocks|libarch)\.\1\)": _MOVED,
        r"pyvisa\.resources\.resource:WaitResponse: origin: is not "
        r"pyvisa\.resources\.resource\.WaitResponse \(found pyvisa\.events\.WaitResponse\)": _MOVED,
    }
)

_PATTERNS = [re.compile(p) for p in DEVIATIONS]


def _is_deviation(difference: Difference) -> bool:
    line = str(difference)
    return any(p.fullmatch(line) for p in _PATTERNS)


def _unexpected(differences: list[Difference]) -> list[str]:
    return [str(d) for d in differences if not _is_deviation(d)]


_LISTING = load_listing()


@pytest.mark.parametrize("module_name", sorted(_LISTING["modules"]))
def test_module_names(module_name: str) -> None:
    import_all()
    assert _unexpected(list(compare_module(module_name))) == []


@pytest.mark.parametrize("qualified", sorted(_LISTING["classes"]))
def test_class(qualified: str) -> None:
    import_all()
    assert _unexpected(list(compare_class(qualified))) == []


def test_deviations_are_still_differences() -> None:
    """A declared deviation that the package no longer has must leave the list."""
    import_all()
    lines = [str(d) for name in _LISTING["modules"] for d in compare_module(name)]
    lines += [str(d) for name in _LISTING["classes"] for d in compare_class(name)]
    unused = [p.pattern for p in _PATTERNS if not any(p.fullmatch(line) for line in lines)]
    assert unused == []


def test_listing_copy_matches_spec() -> None:
    spec_copy = SPEC_DIR / "api-1.16.2.json"
    if not spec_copy.exists():
        pytest.skip(f"{spec_copy} not found (shared/spec is absent)")
    assert LISTING_PATH.read_bytes() == spec_copy.read_bytes()


def test_engine_sees_a_changed_default_parameter_and_value() -> None:
    """The comparisons are not vacuous: a listed fact that differs is a difference."""
    listed = {
        "params": [
            {"name": "a", "kind": "POSITIONAL_OR_KEYWORD", "default": "1", "default_json": 1}
        ]
    }
    assert compare_signature(listed, lambda a=1: None) is None
    assert compare_signature(listed, lambda a=True: None) is not None  # True == 1
    assert compare_signature(listed, lambda b=1: None) is not None
    assert compare_signature(listed, lambda *, a=1: None) is not None
    items = {"type": "list", "items": ["1", "2"], "len": 2}
    spec = {"type": "list", "container": items}
    assert list(_compare_value("k", [1, 2], spec)) == []
    assert [d.what for d in _compare_value("k", [2, 1], spec)] == ["order"]
    assert [d.what for d in _compare_value("k", [1], spec)] == ["value"]
    assert [d.what for d in _compare_value("k", (1, 2), spec)] == ["type"]


def test_engine_sees_a_visa_attribute_of_another_class() -> None:
    from pyvisa import attributes

    class Owner:
        timeout = attributes.AttrVI_ATTR_TMO_VALUE()

    member = {"kind": "visa_attribute", "visa": {"attr_class": "AttrVI_ATTR_TMO_VALUE"}}
    assert list(_compare_member("Owner", Owner, "timeout", member)) == []
    member = {"kind": "visa_attribute", "visa": {"attr_class": "AttrVI_ATTR_TRIG_ID"}}
    assert [d.what for d in _compare_member("Owner", Owner, "timeout", member)] == [
        "visa_attribute"
    ]
