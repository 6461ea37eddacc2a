"""The performance targets: every figure measured through the public API next to its floor.

``python bench/run.py --group targets`` runs them and prints one line per target with
the measured ratio (or difference) to its floor and MET/MISSED. Each comparison is made
in the same run, the floor and the measured path timed in alternating batches (best
batch of each), so that the ratios hold on any machine and a loaded machine slows both
alike. See ``bench/README.md`` for what each target means.

The floors:

- ``raw ctypes``: the C functions of the reference library called through a second
  ``ctypes.CDLL`` handle without argtypes or errcheck (``viWrite`` + ``viRead`` into a
  reused buffer for the calls; ``viRead`` of the whole block into a numpy array
  allocated just before, on a session without termination character, for the blocks);
- ``in-process backend``: the backend's own ``write`` + ``read`` called directly;
- ``frombuffer().copy()``: ``numpy.frombuffer(payload, dtype).copy()`` of the payload
  (one copy into new memory: what a writable array built from ``bytes`` costs at least);
- ``frombuffer().tolist()``; ``list(map(float, s.split(",")))``;
  ``numpy.fromstring(s, sep=",")``;
- fresh processes: ``python -c pass``, and the library's own load time (``import
  ctypes``, ``ctypes.CDLL`` and the four C calls of a first query, see ``fresh.py``).
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import subprocess
import sys
import tempfile
import timeit
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, cast

import pyvisa
from pyvisa import util
from pyvisa.resources import MessageBasedResource

try:
    import numpy as np
except ImportError:  # pragma: no cover - the block targets need numpy
    np = None  # type: ignore[assignment]

from fake_backend import BenchFakeLibrary, PiecesFakeLibrary

HERE = os.path.dirname(os.path.abspath(__file__))
CALLS_RESOURCE = "TCPIP0::192.168.0.10::inst0::INSTR"
BLOCK_RESOURCE = "GPIB0::1::INSTR"
MIB = 1024 * 1024
GIB = 1024 * MIB


@dataclass
class Target:
    """One target: a measured quantity compared with its limit."""

    name: str
    #: The compared quantity (a difference in µs or ms, a ratio, a fraction).
    value: float
    limit: float
    #: How the quantity reads: "µs above floor", "x floor", "of floor", "ms above floor"...
    unit: str
    #: True when the value must be at least the limit (throughputs).
    at_least: bool = False
    #: The raw numbers behind the value (times of the path and of its floor).
    detail: str = ""

    @property
    def met(self) -> bool:
        return self.value >= self.limit if self.at_least else self.value <= self.limit

    def format_value(self, value: float) -> str:
        unit = self.unit.split()[0]
        if self.unit == "of floor":
            return f"{value:.0%}"
        if unit.startswith("x"):
            return f"{value:.2f}x"
        if unit == "modules":
            return f"{value:.0f}"
        return f"{value:.2f} {unit}"

    def row(self) -> str:
        sign = ">=" if self.at_least else "<="
        verdict = "MET" if self.met else "MISSED"
        return (
            f"  {self.name:<66} {self.format_value(self.value):>10} {sign} "
            f"{self.format_value(self.limit):<9} {verdict:<7} {self.detail}"
        )

    def markdown(self) -> str:
        sign = "≥" if self.at_least else "≤"
        verdict = "**MET**" if self.met else "**MISSED**"
        unit = self.unit.split(" ", 1)
        relation = f" {unit[1]}" if len(unit) > 1 and self.unit != "of floor" else ""
        if self.unit == "of floor":
            relation = " of floor"
        return (
            f"| {self.name} | {self.format_value(self.value)}{relation} | "
            f"{sign} {self.format_value(self.limit)} | {verdict} | {self.detail} |"
        )


def paired(
    ours: Callable[[], Any],
    floor: Callable[[], Any],
    number: int,
    repeats: int,
    setup_ours: Callable[[], Any] | None = None,
    setup_floor: Callable[[], Any] | None = None,
) -> tuple[float, float]:
    """Best time per call of ``ours`` and of ``floor``, timed in alternating batches."""
    timer_ours = timeit.Timer(ours, setup_ours or "pass")
    timer_floor = timeit.Timer(floor, setup_floor or "pass")
    best_ours = best_floor = float("inf")
    for _ in range(repeats):
        best_floor = min(best_floor, timer_floor.timeit(number) / number)
        best_ours = min(best_ours, timer_ours.timeit(number) / number)
    return best_ours, best_floor


def open_message(rm: Any, name: str, **kwargs: Any) -> Any:
    kwargs.setdefault("read_termination", "\n")
    kwargs.setdefault("write_termination", "\n")
    inst = rm.open_resource(name, **kwargs)
    assert isinstance(inst, MessageBasedResource)
    return inst


def us(seconds: float) -> str:
    return f"{seconds * 1e6:.2f} µs"


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms"


class Runner:
    """Measures the targets; ``ref`` is the reference C library of ``run.py``."""

    def __init__(self, ref: Any, quick: bool) -> None:
        self.ref = ref
        self.quick = quick
        self.calls = 2000 if quick else 5000
        self.repeats = 7 if quick else 15
        self.targets: list[Target] = []

    def add(self, target: Target) -> None:
        self.targets.append(target)
        print(target.row(), flush=True)

    # -- per-call overhead ------------------------------------------------------------

    def calls_ivi(self) -> None:
        ref = self.ref
        inst = open_message(ref.rm, CALLS_RESOURCE)
        session, n = inst.session, self.calls
        count = ctypes.byref(ctypes.c_uint32())
        buffer = ctypes.create_string_buffer(inst.chunk_size)
        raw_write, raw_read = ref.raw.viWrite, ref.raw.viRead
        chunk = inst.chunk_size

        def c_query() -> None:
            raw_write(session, b"*IDN?\n", 6, count)
            raw_read(session, buffer, chunk, count)

        ours, floor = paired(
            partial(inst.query, "*IDN?"), c_query, n, self.repeats, inst.clear, inst.clear
        )
        self.add(
            Target(
                'inst.query("*IDN?") over raw ctypes viWrite+viRead (ivi)',
                (ours - floor) * 1e6,
                2.5,
                "µs above floor",
                detail=f"{us(ours)} vs {us(floor)}",
            )
        )
        ours, floor = paired(
            partial(inst.write, "X"),
            partial(raw_write, session, b"X\n", 2, count),
            n,
            self.repeats,
            inst.clear,
            inst.clear,
        )
        self.add(
            Target(
                'inst.write("X") over raw ctypes viWrite (ivi)',
                (ours - floor) * 1e6,
                1.2,
                "µs above floor",
                detail=f"{us(ours)} vs {us(floor)}",
            )
        )
        answers = ref.preloader(inst, b"BENCH,RefInstrument,0,1.0\n" * n, 1, end=False)
        ours, floor = paired(
            inst.read,
            partial(raw_read, session, buffer, chunk, count),
            n,
            self.repeats,
            answers,
            answers,
        )
        self.add(
            Target(
                "inst.read() over raw ctypes viRead (ivi)",
                (ours - floor) * 1e6,
                1.2,
                "µs above floor",
                detail=f"{us(ours)} vs {us(floor)}",
            )
        )
        inst.clear()
        inst.close()

    def calls_in_process(self) -> None:
        lib = BenchFakeLibrary("bench-targets")
        rm = pyvisa.ResourceManager(lib)
        inst = open_message(rm, CALLS_RESOURCE)
        session, chunk = inst.session, inst.chunk_size

        def own_cost() -> None:
            lib.write(session, b"*IDN?\n")
            lib.read(session, chunk)

        ours, floor = paired(partial(inst.query, "*IDN?"), own_cost, self.calls * 2, self.repeats)
        self.add(
            Target(
                'inst.query("*IDN?") over the in-process backend\'s own cost',
                (ours - floor) * 1e6,
                1.5,
                "µs above floor",
                detail=f"{us(ours)} vs {us(floor)}",
            )
        )
        name = CALLS_RESOURCE

        def cycle() -> None:
            manager = pyvisa.ResourceManager(lib)
            manager.open_resource(name).close()
            manager.close()

        cycle()
        best = min(timeit.Timer(cycle).repeat(self.repeats, self.calls // 5)) / (self.calls // 5)
        self.add(
            Target(
                "ResourceManager() + open_resource + close (in-process)",
                best * 1e6,
                35.0,
                "µs",
                detail="(includes rm.close())",
            )
        )
        inst.close()
        rm.close()

    # -- binary blocks --------------------------------------------------------------------

    def blocks_ivi(self) -> None:
        ref = self.ref
        inst = open_message(ref.rm, BLOCK_RESOURCE)
        inst.write_termination = ""  # the query writes nothing in the loopback queue
        inst.send_end = False
        # A second session on the same resource (same queue), without termination
        # character: the floor reads the whole message in one viRead.
        raw = ref.raw
        rm_session, session = ctypes.c_uint32(), ctypes.c_uint32()
        raw.viOpenDefaultRM(ctypes.byref(rm_session))
        raw.viOpen(rm_session, BLOCK_RESOURCE.encode(), 0, 0, ctypes.byref(session))
        count = ctypes.c_uint32()
        for points in (10**6, 10**7):
            for with_term in (True, False):
                values = np.random.default_rng(points).standard_normal(points).astype("<f4")
                octets = values.view(np.uint8)
                if not with_term:
                    octets[octets == 0x0A] = 0x0B
                assert (0x0A in octets) == with_term
                message = util.to_ieee_block(cast(Any, values), "f") + b"\n"
                size = len(message)

                def preload(message: bytes = message) -> None:
                    ref.push(inst, message)

                def c_read(size: int = size) -> Any:
                    array = np.empty(size, np.uint8)
                    raw.viRead(
                        session, ctypes.c_void_p(array.ctypes.data), size, ctypes.byref(count)
                    )
                    return array

                query = partial(inst.query_binary_values, "", "f", container=np.array)
                preload()
                got = query()
                assert np.array_equal(got, values) and got.flags.writeable
                repeats = self.repeats * (4 if points <= 10**6 else 1)
                ours, floor = paired(query, c_read, 1, repeats, preload, preload)
                term = "with" if with_term else "without"
                self.add(
                    Target(
                        f"query_binary_values 1e{len(str(points)) - 1} f32, {term} \\n in data (ivi)",
                        floor / ours,
                        0.60,
                        "of floor",
                        at_least=True,
                        detail=f"{size / ours / 1e9:.2f} vs {size / floor / 1e9:.2f} GB/s",
                    )
                )
                del values, octets, message, got
                gc.collect()
        raw.viClose(session)
        inst.close()

    def blocks_in_process(self) -> None:
        lib = PiecesFakeLibrary("bench-targets-pieces")
        rm = pyvisa.ResourceManager(lib)
        inst = open_message(rm, CALLS_RESOURCE)
        session, chunk = inst.session, inst.chunk_size
        for points in (10**6, 10**7):
            values = np.random.default_rng(points).standard_normal(points).astype("<f4")
            payload = values.tobytes()
            message = util.to_ieee_block(cast(Any, values), "f") + b"\n"
            # The first read gets one chunk, the next one all the rest in one piece.
            pieces = [message[:chunk], message[chunk:]]

            def feed(pieces: list[bytes] = pieces) -> None:
                lib.feed(session, pieces)

            query = partial(inst.query_binary_values, "CURV?", "f", container=np.array)
            feed()
            got = query()
            assert np.array_equal(got, values) and got.flags.writeable
            floor_copy = partial(lambda p: np.frombuffer(p, "<f4").copy(), payload)
            # A 4 MB copy takes about 0.1 ms: more batches make the best of each stable.
            repeats = self.repeats * (8 if points <= 10**6 else 1)
            ours, floor = paired(query, floor_copy, 1, repeats, feed)
            self.add(
                Target(
                    f"query_binary_values {len(payload) // 10**6} MB in one piece (in-process)",
                    floor / ours,
                    0.90,
                    "of floor",
                    at_least=True,
                    detail=f"{len(payload) / ours / 1e9:.2f} vs {len(payload) / floor / 1e9:.2f} GB/s"
                    " (floor: frombuffer().copy())",
                )
            )
            del values, payload, message, pieces, got
            gc.collect()
        # Memory bandwidth of this machine, for reference (a warm 40 MB memmove).
        size = 40 * 10**6
        source, target = bytearray(size), bytearray(size)
        dst = (ctypes.c_char * size).from_buffer(target)
        src = (ctypes.c_char * size).from_buffer(source)
        best = min(timeit.Timer(partial(ctypes.memmove, dst, src, size)).repeat(self.repeats, 1))
        del dst, src
        print(f"  (memcpy bandwidth, warm 40 MB: {size / best / 1e9:.2f} GB/s)")
        inst.close()
        rm.close()

    def containers(self) -> None:
        lib = PiecesFakeLibrary("bench-targets-containers")
        rm = pyvisa.ResourceManager(lib)
        inst = open_message(rm, CALLS_RESOURCE)
        session = inst.session
        points = 10**5
        values = np.random.default_rng(1).standard_normal(points).astype("<f4")
        payload = values.tobytes()
        message = util.to_ieee_block(cast(Any, values), "f") + b"\n"

        def feed_block() -> None:
            lib.feed(session, [message])

        floor_list = partial(lambda p: np.frombuffer(p, "<f4").tolist(), payload)
        query = partial(inst.query_binary_values, "CURV?", "f", container=list)
        feed_block()
        assert query() == values.tolist()
        ours, floor = paired(query, floor_list, 1, self.repeats * 2, feed_block)
        self.add(
            Target(
                "query_binary_values 1e5 f32 into a list (in-process)",
                ours / floor,
                1.2,
                "x floor",
                detail=f"{ms(ours)} vs {ms(floor)} (floor: frombuffer().tolist())",
            )
        )
        text = ",".join(f"{v:.6e}" for v in values.tolist())
        answer = (text + "\n").encode()

        def feed_text() -> None:
            lib.feed(session, [answer])

        for container, floor_func, floor_name in (
            (
                list,
                partial(lambda s: list(map(float, s.split(","))), text),
                "list(map(float, split))",
            ),
            (
                np.array,
                partial(lambda s: np.fromstring(s, sep=","), text),
                'fromstring(s, sep=",")',
            ),
        ):
            query = partial(inst.query_ascii_values, "CURV?", container=container)
            feed_text()
            assert list(query()) == list(map(float, text.split(",")))
            ours, floor = paired(query, floor_func, 1, self.repeats * 2, feed_text)
            kind = "list" if container is list else "numpy"
            self.add(
                Target(
                    f"query_ascii_values 1e5 values into {kind} (in-process)",
                    ours / floor,
                    1.1,
                    "x floor",
                    detail=f"{ms(ours)} vs {ms(floor)} (floor: {floor_name})",
                )
            )
        inst.close()
        rm.close()

    # -- fresh processes ------------------------------------------------------------------

    def child(self, *args: str) -> dict[str, Any]:
        """Run ``fresh.py`` in a new interpreter, with bytecode caches as an install has."""
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "pyvisa-bench-pycache")
        out = subprocess.run(
            [sys.executable, os.path.join(HERE, "fresh.py"), *args],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return json.loads(out) if out.strip() else {}

    def best_child(self, runs: int, *args: str) -> float:
        self.child(*args)  # warm-up: writes the bytecode caches
        return min(self.child(*args)["ms"] for _ in range(runs))

    def fresh(self) -> None:
        runs = 7 if self.quick else 15
        path = self.ref.path
        ours = self.best_child(runs, "first-ivi", path)
        floor = self.best_child(runs, "first-raw", path)
        self.add(
            Target(
                "first query in a fresh process, over the library's load (ivi)",
                ours - floor,
                1.0,
                "ms above floor",
                detail=f"{ours:.2f} ms vs {floor:.2f} ms",
            )
        )
        ours = self.best_child(runs, "first-py")
        floor = self.best_child(runs, "first-py-raw")
        self.add(
            Target(
                "first query in a fresh process, over the backend's own (in-process)",
                ours - floor,
                1.0,
                "ms above floor",
                detail=f"{ours:.2f} ms vs {floor:.2f} ms",
            )
        )
        self.child("import")
        results = [self.child("import") for _ in range(runs)]
        best = min(r["ms"] for r in results)
        loaded = sorted({name for r in results for name in r["loaded"]})
        self.add(
            Target(
                "import pyvisa own time",
                best,
                30.0,
                "ms",
                detail=f"loaded: {', '.join(loaded) or 'none of numpy, ctypes, importlib.metadata, backends'}",
            )
        )
        if loaded:
            self.add(Target("import pyvisa leaves heavy modules out", len(loaded), 0, "modules"))

    def memory(self) -> None:
        size = GIB
        result = self.child("memory", self.ref.path, str(size))
        assert result["values_ok"] and result["writable"]
        self.add(
            Target(
                "peak memory reading a 1 GiB block into numpy (tracemalloc)",
                result["tracemalloc_peak"] / size,
                1.1,
                "x payload",
                detail=f"read in {result['seconds']:.2f} s",
            )
        )
        if "rss_peak_growth" in result:
            self.add(
                Target(
                    "peak memory reading a 1 GiB block into numpy (resident set)",
                    result["rss_peak_growth"] / size,
                    1.1,
                    "x payload",
                )
            )


def print_header() -> None:
    print(f"\n== targets\n  {'target':<66} {'measured':>10}    {'limit':<9} {'verdict':<7} detail")


def run_targets(ref: Any, quick: bool) -> list[Target]:
    """Measure every target; print and return them."""
    runner = Runner(ref, quick)
    print_header()
    runner.calls_ivi()
    runner.calls_in_process()
    if np is not None:
        runner.blocks_ivi()
        runner.blocks_in_process()
        runner.containers()
    runner.fresh()
    if np is not None:
        runner.memory()
    missed = [t for t in runner.targets if not t.met]
    print(f"  {len(runner.targets) - len(missed)} of {len(runner.targets)} targets met")
    return runner.targets


def print_markdown(targets: list[Target]) -> None:
    print("\n| target | measured | limit | verdict | detail |")
    print("|---|--:|---|---|---|")
    for target in targets:
        print(target.markdown())
