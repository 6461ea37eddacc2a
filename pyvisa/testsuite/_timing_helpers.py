"""Time limits for the tests that check that parsers and encoders stay fast."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, settings


@contextmanager
def cpu_time_below(seconds: float) -> Iterator[None]:
    """Assert that the block uses less than ``seconds`` of CPU time.

    The CPU time of the process is measured rather than the wall-clock time, so that the
    limit is about the work done (a quadratic or backtracking algorithm) and not about
    how busy the machine running the tests is.
    """
    start = time.process_time()
    yield
    used = time.process_time() - start
    assert used < seconds, f"the work took {used:.3f} s of CPU time, more than {seconds} s"


#: Hypothesis settings for a loaded machine: no deadline per example and no health check
#: on the speed of data generation (both measure wall-clock time). Use as the parent of
#: the settings of a test: ``@settings(LOADED_MACHINE, max_examples=100)``.
LOADED_MACHINE = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
