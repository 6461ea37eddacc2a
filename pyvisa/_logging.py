"""The package logger, alone in a leaf module so that every layer can import it.

Records go to the ``pyvisa`` logger. It has a :class:`logging.NullHandler` and no level of
its own, so nothing is printed unless the application configures logging (or calls
:func:`pyvisa.log_to_screen`).
"""

import logging

logger = logging.getLogger("pyvisa")
logger.addHandler(logging.NullHandler())
