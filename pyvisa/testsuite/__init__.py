"""PyVISA test suite and the helpers shared with the test suites of the backends.

Run it with ``python -m pytest --pyargs pyvisa``. Backends (pyvisa-py for instance) import
:class:`BaseTestCase` and the :mod:`pyvisa.testsuite.keysight_assisted_tests` base classes
to run the same checks against their own implementation.

Importing this package must stay cheap and must not open any VISA library.
"""

import logging

from pyvisa import logger

__all__ = ["BaseTestCase"]


class _RecordingHandler(logging.Handler):
    """Logging handler keeping the records it receives."""

    def __init__(self, level: int = logging.WARNING) -> None:
        super().__init__(level)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class BaseTestCase:
    """Base class for tests checking that pyvisa logs no warning while they run.

    When :attr:`CHECK_NO_WARNING` is true, a handler recording the WARNING (and more
    severe) records of the ``pyvisa`` logger is installed before each test, and the test
    fails if any record was captured. Subclasses may override :meth:`setup_method` and
    :meth:`teardown_method` without calling these ones (the check is then skipped).
    """

    #: Whether to fail a test when pyvisa logs a warning while it runs.
    CHECK_NO_WARNING = True

    _warning_handler: _RecordingHandler | None = None

    def setup_method(self) -> None:
        """Start recording the warnings logged by pyvisa."""
        if self.CHECK_NO_WARNING:
            self._warning_handler = _RecordingHandler()
            logger.addHandler(self._warning_handler)

    def teardown_method(self) -> None:
        """Stop recording and fail if pyvisa logged a warning during the test."""
        handler = self._warning_handler
        if handler is None:
            return
        logger.removeHandler(handler)
        self._warning_handler = None
        messages = [f"{record.levelname}: {record.getMessage()}" for record in handler.records]
        assert not messages, "pyvisa logged unexpected warnings:\n" + "\n".join(messages)
