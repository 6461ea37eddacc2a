"""Tests of the asyncio front end :mod:`pyvisa.aio`.

The slow instruments of ``_aio_helpers`` answer after a configurable delay; pyvisa-sim
covers the round trips against a third-party backend. Each test runs its own event loop
with :func:`asyncio.run` (no pytest-asyncio).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from pyvisa import constants, errors
from pyvisa.aio import (
    AsyncMessageBasedResource,
    AsyncResource,
    AsyncResourceManager,
)
from pyvisa.constants import EventMechanism, EventType, StatusCode
from pyvisa.highlevel import ResourceManager
from pyvisa.resources import GPIBInstrument, MessageBasedResource, TCPIPInstrument
from pyvisa.testsuite._aio_helpers import CURVE, RESOURCES, SlowVisaLibrary, slow_manager

T = TypeVar("T")

TCPIP = RESOURCES[0]
GPIB = "GPIB0::1::INSTR"


def run(main: Callable[[], Awaitable[T]], limit: float = 10.0) -> T:
    """Run a coroutine function in a new loop, failing instead of hanging."""

    async def guarded() -> T:
        return await asyncio.wait_for(main(), limit)

    return asyncio.run(guarded())


@pytest.fixture
def slow() -> Iterator[tuple[AsyncResourceManager, SlowVisaLibrary]]:
    with slow_manager() as (rm, library):
        yield AsyncResourceManager(rm), library


async def open_msg(arm: AsyncResourceManager, name: str = TCPIP, **kwargs: Any) -> Any:
    kwargs.setdefault("read_termination", "\n")
    kwargs.setdefault("write_termination", "\n")
    ares = await arm.open_resource(name, **kwargs)
    assert isinstance(ares, AsyncMessageBasedResource)
    return ares


# -- import ------------------------------------------------------------------------------


def test_import_pyvisa_does_not_import_aio() -> None:
    code = "import sys, pyvisa; assert 'pyvisa.aio' not in sys.modules; import pyvisa.aio"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# -- the event loop keeps running, resources run concurrently ----------------------------


def test_loop_ticks_during_slow_query(slow: tuple[AsyncResourceManager, SlowVisaLibrary]) -> None:
    arm, _ = slow

    async def main() -> tuple[str, int]:
        ares = await open_msg(arm)
        await ares.write("DELAY 0.3")
        ticks = 0
        stop = asyncio.Event()

        async def ticker() -> None:
            nonlocal ticks
            while not stop.is_set():
                ticks += 1
                await asyncio.sleep(0.01)

        task = asyncio.create_task(ticker())
        answer = await ares.query("MEAS?")
        stop.set()
        await task
        await ares.close()
        return answer, ticks

    answer, ticks = run(main)
    assert answer == "MEAS"
    # 0.3 s at one tick per 10 ms: a blocked loop would give at most 1 or 2 ticks.
    assert ticks >= 8


def test_concurrent_instruments(slow: tuple[AsyncResourceManager, SlowVisaLibrary]) -> None:
    arm, library = slow
    library.default_delay = 0.3
    count = 4

    async def main() -> tuple[list[str], float]:
        resources = [await open_msg(arm, name) for name in RESOURCES[:count]]
        start = time.monotonic()
        answers = await asyncio.gather(*(r.query(f"CH{i}?") for i, r in enumerate(resources)))
        elapsed = time.monotonic() - start
        await arm.close()
        return answers, elapsed

    answers, elapsed = run(main)
    assert answers == [f"CH{i}" for i in range(count)]
    # Serially: 4 * 0.3 = 1.2 s.
    assert elapsed < 0.8


def test_one_resource_is_serialised(slow: tuple[AsyncResourceManager, SlowVisaLibrary]) -> None:
    arm, library = slow
    library.default_delay = 0.1

    async def main() -> tuple[list[str], float]:
        ares = await open_msg(arm)
        start = time.monotonic()
        answers = await asyncio.gather(*(ares.query(f"Q{i}?") for i in range(3)))
        elapsed = time.monotonic() - start
        await ares.close()
        return answers, elapsed

    answers, elapsed = run(main)
    assert answers == ["Q0", "Q1", "Q2"]
    assert elapsed >= 0.28


def test_wrappers_of_one_session_share_the_lock(
    slow: tuple[AsyncResourceManager, SlowVisaLibrary],
) -> None:
    arm, library = slow
    library.default_delay = 0.1

    async def main() -> list[str]:
        first = await open_msg(arm)
        second = AsyncResource(first.sync)
        assert second is not first and second.sync is first.sync
        answers = await asyncio.gather(first.query("A?"), second.query("B?"), first.query("C?"))
        await first.close()
        return list(answers)

    assert run(main) == ["A", "B", "C"]


# -- cancellation ------------------------------------------------------------------------


@pytest.mark.parametrize("policy", ["drain", "clear"])
def test_cancelled_query_leaves_no_late_answer(
    slow: tuple[AsyncResourceManager, SlowVisaLibrary], policy: Any
) -> None:
    arm, library = slow

    async def main() -> tuple[str, str]:
        ares = await open_msg(arm)
        ares.on_cancel = policy
        await ares.write("DELAY 0.25")
        task = asyncio.create_task(ares.query("LATE?"))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await ares.write("DELAY 0")
        after = await ares.query("NEXT?")
        again = await ares.query("AGAIN?")
        await ares.close()
        return after, again

    assert run(main) == ("NEXT", "AGAIN")


def test_wait_for_cancels_and_next_query_is_clean(
    slow: tuple[AsyncResourceManager, SlowVisaLibrary],
) -> None:
    arm, _ = slow

    async def main() -> tuple[float, str]:
        ares = await open_msg(arm)
        await ares.write("DELAY 0.2")
        start = time.monotonic()
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(ares.query("LATE?"), 0.05)
        # The coroutine is cancelled at once, the worker thread finishes in the background.
        returned = time.monotonic() - start
        answer = await ares.query("NEXT?")
        await ares.close()
        return returned, answer

    returned, answer = run(main)
    assert returned < 0.15
    assert answer == "NEXT"


def test_cancel_while_waiting_for_the_lock(
    slow: tuple[AsyncResourceManager, SlowVisaLibrary],
) -> None:
    arm, library = slow

    async def main() -> list[bytes]:
        ares = await open_msg(arm)
        await ares.write("DELAY 0.2")
        first = asyncio.create_task(ares.query("FIRST?"))
        queued = asyncio.create_task(ares.write("NEVER"))
        await asyncio.sleep(0.05)
        queued.cancel()  # still waiting for the resource lock
        assert await first == "FIRST"
        with pytest.raises(asyncio.CancelledError):
            await queued
        written = list(library.state(ares.session).written)
        await ares.close()
        return written

    assert b"NEVER\n" not in run(main)


def test_cancel_before_the_worker_starts_skips_the_call() -> None:
    from concurrent.futures import ThreadPoolExecutor

    with slow_manager(0.2) as (rm, library), ThreadPoolExecutor(1) as pool:
        arm = AsyncResourceManager(rm, executor=pool)

        async def main() -> tuple[list[bytes], str]:
            busy = await open_msg(arm, RESOURCES[0])
            other = await open_msg(arm, RESOURCES[1])
            first = asyncio.create_task(busy.query("BUSY?"))
            await asyncio.sleep(0.02)
            # The only worker is busy: this write is submitted but cannot start.
            queued = asyncio.create_task(other.write("NEVER"))
            await asyncio.sleep(0.05)
            queued.cancel()
            with pytest.raises(asyncio.CancelledError):
                await queued
            assert await first == "BUSY"
            answer = await other.query("AFTER?")
            written = list(library.state(other.session).written)
            await arm.close()
            return written, answer

        written, answer = run(main)
    assert written == [b"AFTER?\n"]
    assert answer == "AFTER"


def test_clear_policy_clears_after_cancel(
    slow: tuple[AsyncResourceManager, SlowVisaLibrary],
) -> None:
    arm, library = slow
    calls: list[str] = []

    async def main() -> str:
        ares = await open_msg(arm)
        ares.on_cancel = "clear"
        original = library.clear

        def clear(session: Any) -> StatusCode:
            calls.append("clear")
            return original(session)

        library.clear = clear  # type: ignore[method-assign]
        # A stale answer queued in the instrument (a query that timed out earlier): the
        # slow query reads it, its own answer comes later and only a clear discards it.
        await ares.write("DELAY 0.2")
        await ares.write("STALE?")
        task = asyncio.create_task(ares.query("SLOW?"))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await ares.write("DELAY 0")
        answer = await ares.query("FRESH?")
        await ares.close()
        return answer

    assert run(main) == "FRESH"
    assert calls == ["clear"]


def test_on_cancel_is_checked(slow: tuple[AsyncResourceManager, SlowVisaLibrary]) -> None:
    arm, _ = slow
    with pytest.raises(ValueError):
        AsyncResourceManager(arm.sync, on_cancel="ignore")  # type: ignore[arg-type]

    async def main() -> None:
        ares = await open_msg(arm)
        with pytest.raises(ValueError):
            ares.on_cancel = "nope"
        await ares.close()

    run(main)


# -- timeouts ------------------------------------------------------------------------------


def test_timeout_raises_visa_io_error(slow: tuple[AsyncResourceManager, SlowVisaLibrary]) -> None:
    arm, _ = slow

    async def main() -> float:
        ares = await open_msg(arm, timeout=100)
        assert ares.timeout == 100
        await ares.write("DELAY 2")
        start = time.monotonic()
        with pytest.raises(errors.VisaIOError) as info:
            await ares.query("LATE?")
        assert info.value.error_code == StatusCode.error_timeout
        elapsed = time.monotonic() - start
        await ares.clear()
        await ares.close()
        return elapsed

    assert run(main) < 1.0


def test_timeout_property_and_configure(
    slow: tuple[AsyncResourceManager, SlowVisaLibrary],
) -> None:
    arm, _ = slow

    async def main() -> None:
        ares = await open_msg(arm)
        ares.timeout = 1234
        assert ares.sync.timeout == 1234
        ares.timeout = None
        assert ares.timeout == float("+inf")
        del ares.timeout
        assert ares.timeout == float("+inf")
        await ares.configure(timeout=500, read_termination="\r\n", query_delay=0.0)
        assert ares.timeout == 500
        assert ares.read_termination == "\r\n"
        with pytest.raises(AttributeError):
            await ares.configure(no_such_attribute=1)
        ares.read_termination = "\n"
        ares.write_termination = "\n"
        ares.encoding = "latin-1"
        ares.query_delay = 0.001
        ares.chunk_size = 4096
        assert (ares.sync.encoding, ares.sync.query_delay, ares.sync.chunk_size) == (
            "latin-1",
            0.001,
            4096,
        )
        # Other attributes go through to the synchronous resource.
        ares.send_end = False
        assert ares.send_end is False and ares.sync.send_end is False
        assert ares.resource_name == TCPIP
        assert ares.interface_type == constants.InterfaceType.tcpip
        assert ares.visalib is arm.visalib and ares.resource_manager is arm.sync
        assert ares.last_status == StatusCode.success
        assert repr(ares) == f"<AsyncMessageBasedResource({TCPIP!r})>"
        await ares.close()

    run(main)


# -- events ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [TCPIP, GPIB])
def test_awaited_service_request(
    slow: tuple[AsyncResourceManager, SlowVisaLibrary], name: str
) -> None:
    arm, _ = slow

    async def main() -> tuple[float, int, str]:
        ares = await open_msg(arm, name)
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        task = asyncio.create_task(ticker())
        start = time.monotonic()
        waiter = asyncio.create_task(ares.wait_for_srq(2000))
        await asyncio.sleep(0.02)
        await ares.write("SRQ 0.2")
        # The I/O lock is free while waiting: a query goes through meanwhile.
        during = await ares.query("DURING?")
        await waiter
        elapsed = time.monotonic() - start
        task.cancel()
        await ares.close()
        return elapsed, ticks, during

    elapsed, ticks, during = run(main)
    assert 0.15 <= elapsed < 1.5
    assert ticks >= 5
    assert during == "DURING"


def test_wait_for_srq_timeout(slow: tuple[AsyncResourceManager, SlowVisaLibrary]) -> None:
    arm, _ = slow

    async def main() -> None:
        ares = await open_msg(arm)
        with pytest.raises(errors.VisaIOError) as info:
            await ares.wait_for_srq(100)
        assert info.value.error_code == StatusCode.error_timeout
        await ares.close()

    run(main)


def test_wait_on_event(slow: tuple[AsyncResourceManager, SlowVisaLibrary]) -> None:
    arm, library = slow

    async def main() -> None:
        ares = await open_msg(arm)
        srq = EventType.service_request
        await ares.enable_event(srq, EventMechanism.queue)
        response = await ares.wait_on_event(srq, 50, capture_timeout=True)
        assert response.timed_out
        with pytest.raises(errors.VisaIOError):
            await ares.wait_on_event(srq, 50)
        await ares.write("SRQ 0.05")
        with await ares.wait_on_event(srq, 2000) as response:
            assert response.event.event_type == srq and not response.timed_out
        assert await ares.read_stb() & 0x40
        await ares.discard_events(srq, EventMechanism.queue)
        await ares.disable_event(srq, EventMechanism.queue)
        # A cancelled wait closes the late event context it receives.
        await ares.enable_event(srq, EventMechanism.queue)
        task = asyncio.create_task(ares.wait_on_event(srq, 1000))
        await asyncio.sleep(0.02)
        task.cancel()
        library.raise_srq(ares.session)
        with pytest.raises(asyncio.CancelledError):
            await task
        # The event lock is released once the worker is done: the next wait can run.
        await ares.write("SRQ 0.02")
        (await ares.wait_on_event(srq, 1000)).close()
        await ares.close()
        assert not library.contexts

    run(main)


def test_events_through_a_handler(slow: tuple[AsyncResourceManager, SlowVisaLibrary]) -> None:
    arm, library = slow

    async def main() -> None:
        ares = await open_msg(arm)
        async with ares.events(EventType.service_request) as events:
            assert events.empty()
            with pytest.raises(errors.VisaIOError):
                await events.get(20)
            await ares.write("SRQ 0.05")
            assert await events.get(2000) == EventType.service_request
            threading.Thread(target=library.raise_srq, args=(ares.session,)).start()
            async for event in events:
                assert event == EventType.service_request
                break
        state = library.state(ares.session)
        assert not state.handlers and not state.enabled
        await ares.close()

    run(main)


# -- round trips against the slow backend -------------------------------------------------


class Progress:
    def __init__(self) -> None:
        self.sizes: list[int] = []

    def update(self, size: int) -> None:
        self.sizes.append(size)


def test_round_trips_slow_backend(slow: tuple[AsyncResourceManager, SlowVisaLibrary]) -> None:
    arm, library = slow

    async def main() -> None:
        assert await arm.list_resources() == RESOURCES
        assert await arm.list_resources("GPIB?*::INSTR") == RESOURCES[8:]
        info = await arm.resource_info(TCPIP)
        assert info.interface_type == constants.InterfaceType.tcpip
        assert set(await arm.list_resources_info("TCPIP?*")) == set(RESOURCES[:8])
        async with await open_msg(arm) as ares:
            assert arm.list_opened_resources() == [ares]
            assert isinstance(ares.sync, TCPIPInstrument)
            written = library.state(ares.session).written
            assert await ares.write("CONF") == 5
            assert await ares.write_raw(b"RAW\n") == 4
            assert await ares.write_ascii_values("VOLT ", [1, 2], "d", ";") == 9
            assert await ares.write_binary_values("DATA ", [1.0], "f", header_fmt="ieee") > 9
            assert written[:3] == [b"CONF\n", b"RAW\n", b"VOLT 1;2\n"]
            assert written[3].startswith(b"DATA #14")
            assert await ares.query("*IDN?") == f"AIO,SlowInstrument,{TCPIP},1.0"
            await ares.write("X?")
            assert await ares.read() == "X"
            await ares.write("Y?")
            assert await ares.read_raw() == b"Y\n"
            await ares.write("ZZZ?")
            assert await ares.read_bytes(2) == b"ZZ"
            progress = Progress()
            assert await ares.read_bytes(2, monitoring_interface=progress) == b"Z\n"
            assert progress.sizes == [2]
            await ares.write("VALUES?")
            assert await ares.read_ascii_values() == [1.5, 2.5, 3.5]
            assert await ares.query_ascii_values("VALUES?", container=tuple) == (1.5, 2.5, 3.5)
            await ares.write("CURV?")
            assert await ares.read_binary_values() == CURVE
            progress = Progress()
            values = await ares.query_binary_values("CURV?", monitoring_interface=progress)
            assert values == CURVE and sum(progress.sizes) > 0
            await ares.assert_trigger()
            assert library.state(ares.session).triggers == 1
            assert await ares.read_stb() == 0
            await ares.clear()
            await ares.flush(constants.BufferOperation.discard_read_buffer)
            assert await ares.lock() == f"key-{ares.session}"
            await ares.unlock()
            assert await ares.lock(requested_key="shared") == "shared"
            await ares.unlock()
            await ares.lock_excl()
            await ares.unlock()
            async with ares.lock_context() as key:
                assert key is None and library.state(ares.session).lock == "exclusive"
            assert library.state(ares.session).lock is None
            async with ares.lock_context(requested_key="abc") as key:
                assert key == "abc"
            with pytest.raises(errors.VisaIOError):
                await ares.unlock()
            attr = constants.ResourceAttribute.timeout_value
            await ares.set_visa_attribute(attr, 321)
            assert await ares.get_visa_attribute(attr) == 321
            assert await ares.run_sync(ares.sync.query, "RUN?") == "RUN"
        assert ares.sync._session is None
        assert arm.list_opened_resources() == []
        gpib = await open_msg(arm, GPIB)
        assert isinstance(gpib.sync, GPIBInstrument)
        await arm.close()
        assert gpib.sync._session is None
        with pytest.raises(errors.InvalidSession):
            arm.session  # noqa: B018

    run(main)


def test_wrap_existing_resource_and_reuse_across_loops() -> None:
    with slow_manager() as (rm, _):
        sync = rm.open_resource(TCPIP, read_termination="\n", write_termination="\n")
        assert isinstance(sync, MessageBasedResource)
        ares = AsyncResource(sync)
        assert type(ares) is AsyncMessageBasedResource and ares.sync is sync
        assert isinstance(ares, AsyncMessageBasedResource)
        assert run(lambda: ares.query("ONE?")) == "ONE"
        # Another loop, the same wrapper; the synchronous object still works.
        assert run(lambda: ares.query("TWO?")) == "TWO"
        assert sync.query("THREE?") == "THREE"
        arm = AsyncResourceManager(rm)
        assert arm.sync is rm and "AsyncResourceManager" in repr(arm)
        assert type(arm.wrap(sync)) is AsyncMessageBasedResource
        with pytest.raises(TypeError):
            AsyncResource("not a resource")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            AsyncMessageBasedResource(object())  # type: ignore[arg-type]
        sync.close()


def test_executor_of_the_manager() -> None:
    from concurrent.futures import ThreadPoolExecutor

    names: set[str] = set()

    with slow_manager(0.05) as (rm, library), ThreadPoolExecutor(2, "aio-test") as pool:
        arm = AsyncResourceManager(rm, executor=pool)

        async def main() -> list[str]:
            resources = [await open_msg(arm, name) for name in RESOURCES[:2]]

            def record() -> None:
                names.add(threading.current_thread().name)

            await resources[0].run_sync(record)
            answers = [await r.query("A?") for r in resources]
            await arm.close()
            return answers

        assert run(main) == ["A", "A"]
    assert all(name.startswith("aio-test") for name in names)


# -- round trips against pyvisa-sim --------------------------------------------------------

SIM_YAML = textwrap.dedent(
    r"""
    spec: "1.1"
    devices:
      dev:
        eom:
          TCPIP INSTR:
            q: "\n"
            r: "\n"
        error: ERROR
        dialogues:
          - q: "*IDN?"
            r: "SIM,AIO,1,1.0"
          - q: "VALUES?"
            r: "1.5,2.5,3.5"
          - q: "CURV?"
            r: "#14ABCD"
          - q: "CONF"
            r: "OK"
    resources:
      TCPIP::localhost:2222::INSTR:
        device: dev
    """
)


def test_round_trips_pyvisa_sim_default() -> None:
    pytest.importorskip("pyvisa_sim")

    async def main() -> None:
        arm = AsyncResourceManager("@sim")
        assert "TCPIP0::localhost:2222::inst0::INSTR" in await arm.list_resources()
        ares = await open_msg(arm, "TCPIP::localhost:2222::INSTR")
        assert await ares.query("*IDN?") == "SCPI,MOCK,VERSION_1.0"
        assert await ares.write("*IDN?") == 6
        assert await ares.read() == "SCPI,MOCK,VERSION_1.0"
        await ares.close()
        await arm.close()

    run(main)


def test_round_trips_pyvisa_sim_custom(tmp_path: Path) -> None:
    pytest.importorskip("pyvisa_sim")
    path = tmp_path / "aio.yaml"
    path.write_text(SIM_YAML, encoding="utf-8")
    sync_rm = ResourceManager(f"{path}@sim")
    name = "TCPIP::localhost:2222::INSTR"

    async def main() -> None:
        async with AsyncResourceManager(sync_rm) as arm:
            ares = await open_msg(arm, name)
            assert await ares.query("*IDN?") == "SIM,AIO,1,1.0"
            assert await ares.write_raw(b"*IDN?\n") == 6
            assert await ares.read_raw() == b"SIM,AIO,1,1.0\n"
            await ares.write("*IDN?")
            assert await ares.read_bytes(4) == b"SIM,"
            assert await ares.read() == "AIO,1,1.0"
            assert await ares.query_ascii_values("VALUES?") == [1.5, 2.5, 3.5]
            await ares.write("VALUES?")
            assert await ares.read_ascii_values(container=tuple) == (1.5, 2.5, 3.5)
            progress = Progress()
            block = await ares.query_binary_values(
                "CURV?", datatype="B", monitoring_interface=progress
            )
            assert bytes(block) == b"ABCD" and sum(progress.sizes) > 0
            await ares.write("CURV?")
            assert bytes(await ares.read_binary_values(datatype="B")) == b"ABCD"
            # Writes of values: the simulated device answers an unknown command with ERROR.
            assert await ares.write_ascii_values("CONF", []) == 5
            assert await ares.read() == "OK"
            await ares.write_binary_values("DATA ", [1, 2], datatype="B")
            assert await ares.read() == "ERROR"
            ares.timeout = 200
            assert ares.timeout == 200
            # Operations pyvisa-sim does not implement fail as in the synchronous API.
            for operation in (ares.read_stb, ares.assert_trigger, ares.clear, ares.lock_excl):
                with pytest.raises(Exception) as info:
                    await operation()
                with pytest.raises(info.type):
                    getattr(ares.sync, operation.__name__)()
            # The sim library reports a timeout when no answer is pending.
            with pytest.raises(errors.VisaIOError) as timeout_info:
                await ares.read()
            assert timeout_info.value.error_code == StatusCode.error_timeout
        assert ares.sync._session is None

    run(main)
