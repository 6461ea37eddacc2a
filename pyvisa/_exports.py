"""Keep a moved definition known under the public module where PyVISA defines it."""

from collections.abc import Callable
from typing import TypeVar

_D = TypeVar("_D", bound=Callable[..., object])


def public_at(module_name: str) -> Callable[[_D], _D]:
    """Give a class or function the ``__module__`` of its public import path.

    A definition that lives in an implementation module but is documented (and pickled,
    and shown in tracebacks and reprs) as part of another module keeps that module's name:
    the public module re-exports the very same object.

    Parameters
    ----------
    module_name : str
        Dotted name of the public module, which must import the definition.

    """

    def mark(definition: _D) -> _D:
        definition.__module__ = module_name
        return definition

    return mark
