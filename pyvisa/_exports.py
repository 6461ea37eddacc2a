"""Keep a moved definition known under the public module where PyVISA defines it."""

from collections.abc import Callable
from typing import TypeVar

_D = TypeVar("_D", bound=Callable[..., object])


def public_at(module_name: str) -> Callable[[_D], _D]:
    """Give a class or function the ``__module__`` of its public import path.

    A definition that lives in an implementation module but is documented (and pickled,
    and shown in tracebacks and reprs) as part of another module keeps that module's name:
    the public module re-exports the very same object. The methods of a class are renamed
    with it.

    Parameters
    ----------
    module_name : str
        Dotted name of the public module, which must import the definition.

    """

    def mark(definition: _D) -> _D:
        original = definition.__module__
        definition.__module__ = module_name
        if isinstance(definition, type):
            # Its methods too, as if the class body were written in the public module.
            for member in vars(definition).values():
                for function in _functions_of(member):
                    if getattr(function, "__module__", None) == original:
                        function.__module__ = module_name
        return definition

    return mark


def _functions_of(member: object) -> tuple[object, ...]:
    """The functions behind a class member: itself, or those a descriptor wraps."""
    if isinstance(member, (staticmethod, classmethod)):
        return (member.__func__,)
    if isinstance(member, property):
        return tuple(f for f in (member.fget, member.fset, member.fdel) if f is not None)
    return (member,) if callable(member) else ()
