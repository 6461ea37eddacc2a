"""The package against the PyVISA 1.16.2 API listing, name by name.

Every module and class of ``api_listing/api-1.16.2.json`` is one test case: the names it lists
must exist with the listed kind, signature, bases, enum members and values. The only facts that
may differ are the deliberate deviations below, each with its reason (the docs page
"Differences from PyVISA" gives them to users).
"""

from __future__ import annotations

import pytest

from ._api_listing import LISTING_PATH, Difference, compare_class, compare_module, import_all, load_listing
from ._constants_helpers import SPEC_DIR

#: Facts of the listing that the package deliberately does not reproduce: key -> reason.
#: A key is the ``Difference.key`` and the category, ``"<key>: <what>"``.
_WIN_SIZE = (
    "on 64-bit platforms the C header (visa.h, VI_ATTR_WIN_SIZE = VI_ATTR_WIN_SIZE_64) gives "
    "0x3FFF009C; 1.16.2 uses the 32-bit id 0x3FFF009A there. attributes.AttributesByID answers "
    "both ids."
)
_SLOTPATH = (
    "attribute ids are unsigned in visa.h (0xBFFF0207UL); 1.16.2 stores the signed form of the "
    "same bits"
)
DEVIATIONS: dict[str, str] = {
    "pyvisa.constants:VI_ATTR_WIN_SIZE: value": _WIN_SIZE,
    "pyvisa.constants.ResourceAttribute.window_size: enum": _WIN_SIZE,
    "pyvisa.constants:VI_ATTR_PXI_SLOTPATH: value": _SLOTPATH,
    "pyvisa.constants.ResourceAttribute.pxi_slotpath: enum": _SLOTPATH,
}


def _unexpected(differences: list[Difference]) -> list[str]:
    return [str(d) for d in differences if f"{d.key}: {d.what}" not in DEVIATIONS]


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
    found = set()
    for module_name in _LISTING["modules"]:
        found.update(f"{d.key}: {d.what}" for d in compare_module(module_name))
    for qualified in _LISTING["classes"]:
        found.update(f"{d.key}: {d.what}" for d in compare_class(qualified))
    assert sorted(set(DEVIATIONS) - found) == []


def test_listing_copy_matches_spec() -> None:
    spec_copy = SPEC_DIR / "api-1.16.2.json"
    if not spec_copy.exists():
        pytest.skip(f"{spec_copy} not found (shared/spec is absent)")
    assert LISTING_PATH.read_bytes() == spec_copy.read_bytes()
