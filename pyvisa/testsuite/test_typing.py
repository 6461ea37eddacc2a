"""Tests of pyvisa.typing: the aliases backends use at run time and in annotations."""

import typing as std_typing
from collections.abc import Callable

import pyvisa
from pyvisa import typing as vtyping
from pyvisa.constants import EventType

NEW_TYPES = ["VISASession", "VISARMSession", "VISAEventContext", "VISAJobID", "VISAMemoryAddress"]


def test_new_types_return_the_int_unchanged() -> None:
    for name in NEW_TYPES:
        alias = getattr(vtyping, name)
        assert alias.__name__ == name and alias.__supertype__ is int
        value = alias(1234)
        assert value == 1234 and type(value) is int


def test_aliases_are_valid_typing_arguments() -> None:
    # Backends write such annotations, evaluated when their modules are imported.
    annotation = dict[vtyping.VISASession, tuple[vtyping.VISARMSession, vtyping.VISAJobID]]
    assert std_typing.get_args(annotation)[0] is vtyping.VISASession
    optional = vtyping.VISAEventContext | None
    assert std_typing.get_args(optional) == (vtyping.VISAEventContext, type(None))


def test_handler_signature() -> None:
    assert std_typing.get_origin(vtyping.VISAHandler) is Callable
    arguments, result = std_typing.get_args(vtyping.VISAHandler)
    assert arguments == [
        vtyping.VISASession,
        EventType,
        vtyping.VISAEventContext,
        std_typing.Any,
    ]
    assert result is None


def test_package_attribute_is_the_pyvisa_module() -> None:
    assert pyvisa.typing is vtyping
    assert set(vtyping.__all__) == {*NEW_TYPES, "VISAHandler"}
