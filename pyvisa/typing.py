"""Type aliases for the values exchanged with a VISA library.

The session, event context and job identifiers are plain integers at run time; the
:func:`typing.NewType` wrappers only let a type checker tell them apart.
"""

from collections.abc import Callable
from typing import Any, NewType

from .constants import EventType

#: Session to a VISA resource.
VISASession = NewType("VISASession", int)

#: Session to a VISA resource manager.
VISARMSession = NewType("VISARMSession", int)

#: Context of a VISA event.
VISAEventContext = NewType("VISAEventContext", int)

#: Identifier of an asynchronous operation.
VISAJobID = NewType("VISAJobID", int)

#: Address of a mapped memory region.
VISAMemoryAddress = NewType("VISAMemoryAddress", int)

#: The signature of an event handler, ``handler(session, event_type, event_context, user_handle)``.
VISAHandler = Callable[[VISASession, EventType, VISAEventContext, Any], None]

__all__ = [
    "VISAEventContext",
    "VISAHandler",
    "VISAJobID",
    "VISAMemoryAddress",
    "VISARMSession",
    "VISASession",
]
