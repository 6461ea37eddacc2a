"""Status handling of VisaLibraryBase: handle_return_value and ignore_warning.

Covers the corners of the per-session ignore sets: nesting, contexts shared between
threads on the same or different sessions, reuse of a context object, and what is
recorded as the last status.
"""

from __future__ import annotations

import contextlib
import gc
import random
import threading
import uuid
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from pyvisa import errors
from pyvisa.constants import StatusCode
from pyvisa.testsuite._fake_backend import FakeVisaLibrary, forget_library, fresh_library

MAX_COUNT = StatusCode.success_max_count_read
NOT_PRESENT = StatusCode.success_device_not_present
TIMEOUT = 10.0


@pytest.fixture
def fake() -> Iterator[FakeVisaLibrary]:
    with fresh_library(FakeVisaLibrary) as lib:
        yield lib


def warns(lib: FakeVisaLibrary, session: Any, code: int) -> bool:
    """Whether handle_return_value warns for this session and code (warnings captured)."""
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        lib.handle_return_value(session, code)
    return any(isinstance(record.message, errors.VisaIOWarning) for record in records)


# --- handle_return_value ------------------------------------------------------------------


@pytest.mark.parametrize("code", [0, StatusCode.success, 0x3FFF0006, -1073807339])
def test_status_is_the_member_for_ints_and_members(fake: FakeVisaLibrary, code: int) -> None:
    member = StatusCode(code)
    with contextlib.suppress(errors.VisaIOError):
        assert fake.handle_return_value(None, code) is member
    assert fake.last_status is member


def test_unknown_codes_are_recorded_raw(fake: FakeVisaLibrary) -> None:
    session: Any = 31
    assert type(fake.handle_return_value(session, 0x3FFF0999)) is int
    assert fake.last_status == 0x3FFF0999
    assert fake.get_last_status_in_session(session) == 0x3FFF0999
    with pytest.raises(errors.VisaIOError) as excinfo:
        fake.handle_return_value(session, -5)
    assert excinfo.value.error_code == -5
    assert fake.get_last_status_in_session(session) == -5


def test_last_status_is_library_wide_and_per_session(fake: FakeVisaLibrary) -> None:
    first: Any = 32
    second: Any = 33
    fake.handle_return_value(first, StatusCode.success_termination_character_read)
    fake.handle_return_value(second, 0)
    assert fake.last_status is StatusCode.success
    fake.handle_return_value(None, StatusCode.success_event_already_enabled)
    assert fake.last_status is StatusCode.success_event_already_enabled
    assert fake.get_last_status_in_session(first) is StatusCode.success_termination_character_read
    assert fake.get_last_status_in_session(second) is StatusCode.success
    with pytest.raises(errors.Error):
        fake.get_last_status_in_session(None)


def test_errors_are_recorded_before_raising(fake: FakeVisaLibrary) -> None:
    session: Any = 34
    with pytest.raises(errors.VisaIOError):
        fake.handle_return_value(session, StatusCode.error_timeout)
    assert fake.last_status is StatusCode.error_timeout
    assert fake.get_last_status_in_session(session) is StatusCode.error_timeout


def test_warnings_follow_issue_warning_on(fake: FakeVisaLibrary) -> None:
    session: Any = 35
    extra = StatusCode.success_termination_character_read
    assert extra not in fake.issue_warning_on
    assert not warns(fake, session, extra)
    assert not warns(fake, session, 0)
    fake.issue_warning_on.add(extra)
    fake.issue_warning_on.discard(MAX_COUNT)
    try:
        assert warns(fake, session, extra)
        assert not warns(fake, session, MAX_COUNT)
        # A raw int added to the set works as well as a member.
        fake.issue_warning_on.add(0x3FFF0999)  # type: ignore[arg-type]
        assert warns(fake, session, 0x3FFF0999)
        with fake.ignore_warning(session, 0x3FFF0999):  # type: ignore[arg-type]
            assert not warns(fake, session, 0x3FFF0999)
    finally:
        fake.issue_warning_on.discard(extra)
        fake.issue_warning_on.discard(0x3FFF0999)
        fake.issue_warning_on.add(MAX_COUNT)


def test_no_warning_without_a_session(fake: FakeVisaLibrary) -> None:
    # Only truthy sessions warn (a session 0 or None has no ignore set to consult).
    assert not warns(fake, None, MAX_COUNT)
    assert not warns(fake, 0, MAX_COUNT)
    assert warns(fake, 36, MAX_COUNT)


def test_warning_points_at_the_caller(fake: FakeVisaLibrary) -> None:
    with pytest.warns(errors.VisaIOWarning) as records:
        fake.handle_return_value(37, MAX_COUNT)  # type: ignore[arg-type]
    assert records[0].filename == __file__


# --- ignore_warning: nesting --------------------------------------------------------------


def test_nested_contexts_with_different_codes(fake: FakeVisaLibrary) -> None:
    session: Any = 40
    with fake.ignore_warning(session, MAX_COUNT):
        with fake.ignore_warning(session, MAX_COUNT, NOT_PRESENT):
            assert not warns(fake, session, MAX_COUNT)
            assert not warns(fake, session, NOT_PRESENT)
            assert fake._ignore_warning_in_session == {session: {MAX_COUNT, NOT_PRESENT}}
        assert not warns(fake, session, MAX_COUNT)
        assert warns(fake, session, NOT_PRESENT)
        assert fake._ignore_warning_in_session == {session: {MAX_COUNT}}
    assert warns(fake, session, MAX_COUNT)
    assert fake._ignore_warning_in_session == {}
    assert fake._ignore_warning_contexts == []


def test_contexts_exit_in_any_order(fake: FakeVisaLibrary) -> None:
    session: Any = 41
    outer = fake.ignore_warning(session, MAX_COUNT)
    inner = fake.ignore_warning(session, MAX_COUNT)
    outer.__enter__()
    inner.__enter__()
    outer.__exit__(None, None, None)
    assert not warns(fake, session, MAX_COUNT)
    inner.__exit__(None, None, None)
    assert warns(fake, session, MAX_COUNT)


def test_context_without_codes(fake: FakeVisaLibrary) -> None:
    session: Any = 42
    with fake.ignore_warning(session):
        assert warns(fake, session, MAX_COUNT)
        assert fake._ignore_warning_in_session == {}
    assert fake._ignore_warning_contexts == []


def test_a_context_object_can_be_reentered_and_reused(fake: FakeVisaLibrary) -> None:
    session: Any = 43
    context = fake.ignore_warning(session, MAX_COUNT)
    with context:
        with context:
            assert not warns(fake, session, MAX_COUNT)
        assert not warns(fake, session, MAX_COUNT)
    assert warns(fake, session, MAX_COUNT)
    with context:
        assert not warns(fake, session, MAX_COUNT)
    assert fake._ignore_warning_contexts == []


def test_exiting_more_than_entering_is_an_error(fake: FakeVisaLibrary) -> None:
    context = fake.ignore_warning(44, MAX_COUNT)  # type: ignore[arg-type]
    with pytest.raises(RuntimeError, match="exited more times than it was entered"):
        context.__exit__(None, None, None)
    with context:
        pass
    with pytest.raises(RuntimeError, match="exited more times"):
        context.__exit__(None, None, None)


def test_exceptions_propagate_and_end_the_context(fake: FakeVisaLibrary) -> None:
    session: Any = 45
    with pytest.raises(KeyError), fake.ignore_warning(session, MAX_COUNT):
        raise KeyError("boom")
    assert warns(fake, session, MAX_COUNT)
    assert fake._ignore_warning_contexts == []


def test_is_a_context_manager_and_a_decorator(fake: FakeVisaLibrary) -> None:
    session: Any = 46
    context = fake.ignore_warning(session, MAX_COUNT)
    assert isinstance(context, contextlib.AbstractContextManager)

    @fake.ignore_warning(session, MAX_COUNT)
    def quiet(value: int) -> int:
        """Doc."""
        assert not warns(fake, session, MAX_COUNT)
        return value + 1

    assert quiet(1) == 2
    assert quiet.__doc__ == "Doc."
    assert warns(fake, session, MAX_COUNT)


def test_per_session_and_per_library(fake: FakeVisaLibrary) -> None:
    class OtherFake(FakeVisaLibrary):
        pass

    other = OtherFake(f"fake-{uuid.uuid4()}")
    session: Any = 47
    try:
        with fake.ignore_warning(session, MAX_COUNT):
            assert warns(fake, 48, MAX_COUNT)
            assert warns(other, session, MAX_COUNT)
            assert not warns(fake, session, MAX_COUNT)
    finally:
        forget_library(other)


def test_finalizer_reentering_from_the_same_thread(fake: FakeVisaLibrary) -> None:
    session: Any = 49
    entered: list[bool] = []

    class Finalized:
        def __del__(self) -> None:
            with fake.ignore_warning(session, NOT_PRESENT):
                entered.append(not warns(fake, session, NOT_PRESENT))

    with fake.ignore_warning(session, MAX_COUNT):
        item = Finalized()
        item.cycle = item  # type: ignore[attr-defined]
        del item
        gc.collect()
        assert entered == [True]
        assert not warns(fake, session, MAX_COUNT)
        assert warns(fake, session, NOT_PRESENT)
    assert fake._ignore_warning_contexts == []


# --- ignore_warning: threads --------------------------------------------------------------


def test_threads_on_the_same_session_share_the_ignore_set(fake: FakeVisaLibrary) -> None:
    session: Any = 50
    entered = threading.Event()
    release = threading.Event()
    exited = threading.Event()

    def hold() -> None:
        with fake.ignore_warning(session, MAX_COUNT):
            entered.set()
            release.wait(TIMEOUT)
        exited.set()

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert entered.wait(TIMEOUT)
        # Ignored here too: the set is per session, not per thread.
        assert not warns(fake, session, MAX_COUNT)
        with fake.ignore_warning(session, MAX_COUNT):
            release.set()
            assert exited.wait(TIMEOUT)
            # The other thread left first: this context still ignores the code.
            assert not warns(fake, session, MAX_COUNT)
        assert warns(fake, session, MAX_COUNT)
    finally:
        release.set()
        thread.join(TIMEOUT)


def test_threads_on_different_sessions_do_not_interfere(fake: FakeVisaLibrary) -> None:
    sessions: list[Any] = [51, 52]
    barrier = threading.Barrier(2)
    results: dict[Any, tuple[bool, bool]] = {}

    def work(session: Any, other: Any) -> None:
        with fake.ignore_warning(session, MAX_COUNT):
            barrier.wait(TIMEOUT)  # both contexts are entered now
            results[session] = (warns(fake, session, MAX_COUNT), warns(fake, other, NOT_PRESENT))
            barrier.wait(TIMEOUT)

    threads = [
        threading.Thread(target=work, args=(sessions[0], sessions[1])),
        threading.Thread(target=work, args=(sessions[1], sessions[0])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert results == {51: (False, True), 52: (False, True)}
    assert fake._ignore_warning_contexts == []


def test_many_threads_nesting_at_random(fake: FakeVisaLibrary) -> None:
    sessions: list[Any] = [53, 54, 55]
    n_threads = 8
    barrier = threading.Barrier(n_threads)
    failures: list[str] = []

    def work(seed: int) -> None:
        rng = random.Random(seed)
        barrier.wait(TIMEOUT)
        for _ in range(300):
            session = rng.choice(sessions)
            depth = rng.randint(1, 3)
            with contextlib.ExitStack() as stack:
                for _ in range(depth):
                    stack.enter_context(fake.ignore_warning(session, MAX_COUNT, NOT_PRESENT))
                with warnings.catch_warnings(record=True) as records:
                    warnings.simplefilter("always")
                    fake.handle_return_value(session, MAX_COUNT)
                    fake.handle_return_value(session, NOT_PRESENT)
                if records:
                    failures.append(f"warned for {session} inside its context")

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(n_threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads)
    assert failures == []
    assert fake._ignore_warning_contexts == []
    assert fake._ignore_warning_in_session == {}
    for session in sessions:
        assert warns(fake, session, MAX_COUNT)
