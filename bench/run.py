"""Benchmarks of the PyVISA resource path: per-call and per-byte costs, and the targets.

Run from the repository root::

    python bench/run.py              # full run (about 25 s here)
    python bench/run.py --quick      # smaller counts and payloads (about 15 s)
    python bench/run.py --json out.json
    python bench/run.py --group calls,split
    python bench/run.py --group targets     # each target next to its floor: MET/MISSED
    python bench/run.py --runs 3 --markdown   # best of 3 runs, as the README tables
    python bench/run.py --compare bench/baseline.json
    python bench/run.py --quick --group targets --compare bench/targets_before.json
    python bench/run.py --profile fake   # cProfile of 10k queries, top functions by tottime

See bench/README.md for what each benchmark measures.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import ctypes
import io
import itertools
import json
import os
import platform
import pstats
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from functools import partial
from typing import Any

import pyvisa
from pyvisa import rname, util
from pyvisa.constants import StatusCode
from pyvisa.resources import MessageBasedResource

try:
    import numpy as np
except ImportError:  # numpy is optional: the numpy variants are skipped
    np = None  # type: ignore[assignment]

#: ``numpy.array`` as a ``container`` argument (typed loosely: it is an overloaded function).
NP_ARRAY: Any = getattr(np, "array", None)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_backend import BenchFakeLibrary  # noqa: E402

KIB = 1024
MIB = 1024 * 1024
GROUPS = ("calls", "split", "transfer", "util", "targets")

#: Loopback resources of the reference library used by the benchmarks.
REF_CALLS_RESOURCE = "TCPIP0::192.168.0.10::inst0::INSTR"
REF_TRANSFER_RESOURCE = "GPIB0::1::INSTR"
FAKE_RESOURCE = "TCPIP0::192.168.0.10::inst0::INSTR"
SIM_RESOURCE = "TCPIP::localhost::INSTR"


# --------------------------------------------------------------------------------------
# Results and timing
# --------------------------------------------------------------------------------------


@dataclass
class Result:
    """Best time per call of one benchmark."""

    group: str
    name: str
    backend: str
    seconds: float
    calls: int
    repeats: int
    size: int | None = None
    #: Name of the floor benchmark (same group, backend and size) this one compares to.
    floor: str | None = None
    #: Time relative to that floor (None when there is none).
    x_floor: float | None = None

    @property
    def key(self) -> tuple[str, str, str, int | None]:
        return (self.group, self.name, self.backend, self.size)

    @property
    def us(self) -> float:
        return self.seconds * 1e6

    @property
    def mb_per_s(self) -> float | None:
        if not self.size:
            return None
        return self.size / self.seconds / 1e6


@dataclass
class Settings:
    """Counts and sizes for one run."""

    #: Calls per timed batch for the per-call benchmarks (the fake backend does 4x more).
    calls: int
    #: Timed batches per benchmark (the best one is kept).
    repeats: int
    #: Calls per batch on pyvisa-sim (slow).
    sim_calls: int
    #: Payload sizes of the transfer and numpy benchmarks.
    sizes: tuple[int, ...]
    #: Payload sizes of the list benchmarks (Python floats: slow).
    list_sizes: tuple[int, ...]
    #: Bytes moved per timed batch in the transfer benchmarks (at least one call).
    transfer_batch_bytes: int
    results: list[Result] = field(default_factory=list)

    def batch(self, size: int) -> int:
        """Calls per timed batch for a payload of ``size`` bytes."""
        return max(1, min(self.calls, self.transfer_batch_bytes // size))

    def repeats_for(self, size: int) -> int:
        """Fewer batches for payloads above 1 MiB (each takes tens of milliseconds)."""
        return self.repeats if size <= MIB else min(self.repeats, 4)


def full_settings() -> Settings:
    return Settings(
        calls=1000,
        repeats=15,
        sim_calls=500,
        sizes=(KIB, MIB, 64 * MIB),
        list_sizes=(KIB, MIB),
        transfer_batch_bytes=8 * MIB,
    )


def quick_settings() -> Settings:
    return Settings(
        calls=1000,
        repeats=5,
        sim_calls=100,
        sizes=(KIB, MIB, 16 * MIB),
        list_sizes=(KIB, MIB),
        transfer_batch_bytes=2 * MIB,
    )


def best_time(
    func: Callable[[], Any], number: int, repeats: int, setup: Callable[[], Any] | None = None
) -> float:
    """Best time per call over ``repeats`` batches of ``number`` calls.

    ``setup`` runs before each batch, outside the timed region (timeit's semantics);
    the garbage collector is disabled while timing, as timeit does.
    """
    timer = timeit.Timer(func, setup if setup is not None else "pass")
    return min(timer.repeat(repeats, number)) / number


@dataclass
class Recorder:
    """Times benchmarks of one group and backend, printing and storing the results."""

    settings: Settings
    group: str
    backend: str

    def __call__(
        self,
        name: str,
        func: Callable[[], Any],
        calls: int,
        setup: Callable[[], Any] | None = None,
        size: int | None = None,
        floor: Result | None = None,
    ) -> Result:
        repeats = self.settings.repeats if size is None else self.settings.repeats_for(size)
        seconds = best_time(func, calls, repeats, setup)
        result = Result(self.group, name, self.backend, seconds, calls, repeats, size)
        if floor is not None:
            result.floor = floor.name
            result.x_floor = seconds / floor.seconds
        self.settings.results.append(result)
        print(format_row(result), flush=True)
        return result


def format_size(size: int | None) -> str:
    if not size:
        return "-"
    if size >= MIB:
        return f"{size // MIB} MiB"
    return f"{size // KIB} KiB" if size >= KIB else f"{size} B"


def format_row(result: Result) -> str:
    rate = f"{result.mb_per_s:10.1f}" if result.mb_per_s is not None else f"{'-':>10}"
    ratio = f"{result.x_floor:8.1f}" if result.x_floor is not None else f"{'-':>8}"
    return (
        f"  {result.name:<44} {result.backend:<8} {format_size(result.size):>7} "
        f"{result.us:12.2f} {rate} {ratio}"
    )


def print_header(title: str) -> None:
    print(f"\n== {title}")
    print(
        f"  {'benchmark':<44} {'backend':<8} {'size':>7} {'us/call':>12} {'MB/s':>10} {'x floor':>8}"
    )


# --------------------------------------------------------------------------------------
# Backends
# --------------------------------------------------------------------------------------


class RefLibrary:
    """The reference C VISA library, opened through the ``ivi`` (ctypes) backend."""

    def __init__(self, build_dir: str) -> None:
        from pyvisa.testsuite.reference_visa import build_reference_library

        self.path = str(build_reference_library(build_dir))
        self.rm = pyvisa.ResourceManager(f"{self.path}@ivi")
        self.visalib: Any = self.rm.visalib
        # A second handle on the same library, without PyVISA's argtypes/errcheck: the
        # floor cost of calling the C functions through ctypes.
        self.raw = ctypes.CDLL(self.path)
        self._push = self.raw.refvisa_push_data
        self._push.argtypes = [ctypes.c_uint32, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int]
        self._push.restype = ctypes.c_int32

    def push(self, inst: MessageBasedResource, data: bytes, end: bool = True) -> None:
        """Append ``data`` to the read queue of the resource of ``inst``."""
        status = self._push(inst.session, data, len(data), int(end))
        if status < 0:
            raise RuntimeError(f"refvisa_push_data failed with status {status}")

    def preloader(
        self, inst: MessageBasedResource, data: bytes, times: int, end: bool = True
    ) -> Callable[[], None]:
        """A setup function emptying the queue then pushing ``data`` ``times`` times."""

        def preload() -> None:
            inst.clear()
            for _ in range(times):
                self.push(inst, data, end)

        return preload


def open_message_resource(rm: pyvisa.ResourceManager, name: str) -> Any:
    """Open ``name`` with ``\\n`` as read and write termination."""
    inst = rm.open_resource(name, read_termination="\n", write_termination="\n")
    assert isinstance(inst, MessageBasedResource)
    return inst


# --------------------------------------------------------------------------------------
# 1. per-call overhead
# --------------------------------------------------------------------------------------


def bench_calls_fake(settings: Settings) -> None:
    rm = pyvisa.ResourceManager(BenchFakeLibrary("bench-fake"))
    inst = open_message_resource(rm, FAKE_RESOURCE)
    run = Recorder(settings, "calls", "fake")
    n = settings.calls * 4
    run('inst.write("X")', partial(inst.write, "X"), n)
    run("inst.read()", inst.read, n)
    run('inst.query("*IDN?")', partial(inst.query, "*IDN?"), n)
    inst.close()


def bench_calls_ref(settings: Settings, ref: RefLibrary) -> None:
    inst = open_message_resource(ref.rm, REF_CALLS_RESOURCE)
    run = Recorder(settings, "calls", "ivi-ref")
    n = settings.calls
    # One push of n answers (no END): each read stops at its termination character.
    answers = ref.preloader(inst, b"BENCH,RefInstrument,0,1.0\n" * n, 1, end=False)
    run('inst.write("X")', partial(inst.write, "X"), n, inst.clear)
    run("inst.read()", inst.read, n, answers)
    run('inst.query("*IDN?")', partial(inst.query, "*IDN?"), n, inst.clear)
    inst.clear()
    inst.close()


def bench_calls_sim(settings: Settings) -> None:
    try:
        rm = pyvisa.ResourceManager("@sim")
    except Exception as exc:  # pyvisa-sim missing or broken: say so and go on
        print(f"  (pyvisa-sim unavailable: {exc!r})")
        return
    inst = open_message_resource(rm, SIM_RESOURCE)
    run = Recorder(settings, "calls", "sim")
    n = settings.sim_calls

    def queue_answers() -> None:
        for _ in range(n):
            inst.write("?IDN")

    # pyvisa-sim's default device has no "*IDN?" dialogue: "?IDN" is its equivalent, and
    # "*RST" a command without answer.
    run('inst.write("*RST")', partial(inst.write, "*RST"), n)
    run("inst.read()", inst.read, n, queue_answers)
    run('inst.query("?IDN")', partial(inst.query, "?IDN"), n)
    inst.close()


# --------------------------------------------------------------------------------------
# 2. where the time of the ctypes backend goes
# --------------------------------------------------------------------------------------


def bench_split(settings: Settings, ref: RefLibrary) -> None:
    inst = open_message_resource(ref.rm, REF_CALLS_RESOURCE)
    run = Recorder(settings, "split", "ivi-ref")
    session = inst.session
    visalib = ref.visalib
    n = settings.calls
    chunk = inst.chunk_size
    answers = ref.preloader(inst, b"BENCH,RefInstrument,0,1.0\n" * n, 1, end=False)

    raw_write = ref.raw.viWrite
    raw_read = ref.raw.viRead
    count = ctypes.byref(ctypes.c_uint32())
    buffer = ctypes.create_string_buffer(chunk)

    c_write = partial(raw_write, session, b"X\n", 2, count)
    floor = run("C viWrite via bare ctypes (floor)", c_write, n, inst.clear)
    write = partial(visalib.write, session, b"X\n")
    run("visalib.write(session, b'X\\n')", write, n, inst.clear, floor=floor)
    run("inst.write_raw(b'X\\n')", partial(inst.write_raw, b"X\n"), n, inst.clear, floor=floor)
    run('inst.write("X")', partial(inst.write, "X"), n, inst.clear, floor=floor)

    c_read = partial(raw_read, session, buffer, chunk, count)
    floor = run("C viRead via bare ctypes (floor)", c_read, n, answers)
    for size in (64, chunk):
        read = partial(visalib.read, session, size)
        run(f"visalib.read(session, {size})", read, n, answers, floor=floor)
    run("inst.read_raw()", inst.read_raw, n, answers, floor=floor)
    run("inst.read()", inst.read, n, answers, floor=floor)
    inst.clear()

    # Pieces of the frontend that every read or write pays.
    codes = (StatusCode.success_device_not_present, StatusCode.success_max_count_read)

    def ignore_warning_context() -> None:
        with inst.ignore_warning(*codes):
            pass

    run("piece: inst.session", lambda: inst.session, n * 4)
    run("piece: with inst.ignore_warning(2 codes)", ignore_warning_context, n * 4)
    run(
        "piece: visalib.handle_return_value(s, 0)",
        partial(visalib.handle_return_value, session, 0),
        n * 4,
    )
    run(
        f"piece: ctypes.create_string_buffer({chunk})",
        partial(ctypes.create_string_buffer, chunk),
        n * 4,
    )
    inst.close()


# --------------------------------------------------------------------------------------
# 3. per-byte cost of large transfers
# --------------------------------------------------------------------------------------


def ascii_payload(size: int) -> bytes:
    """``size`` bytes of comma separated digits ending with the termination character."""
    pattern = b"0123456789,"
    return (pattern * (size // len(pattern) + 1))[: size - 1] + b"\n"


def float_values(size: int) -> Any:
    """Little-endian float32 values filling ``size`` bytes (random: the data contain \\n)."""
    return np.random.default_rng(0).standard_normal(size // 4).astype("<f4")


def bench_transfer(settings: Settings, ref: RefLibrary) -> None:
    inst = open_message_resource(ref.rm, REF_TRANSFER_RESOURCE)
    run = Recorder(settings, "transfer", "ivi-ref")
    session = inst.session
    raw_read = ref.raw.viRead
    count = ctypes.byref(ctypes.c_uint32())
    for size in settings.sizes:
        n = settings.batch(size)
        preload = ref.preloader(inst, ascii_payload(size), n)

        # Floors: the C library copying the message into memory Python already owns
        # (touched before), and into a freshly allocated buffer (what an API returning a
        # new object of that size pays at least once). The ratios are to the latter.
        warm = ctypes.create_string_buffer(size)

        def into_fresh(size: int = size) -> None:
            fresh = bytearray(size)
            raw_read(session, (ctypes.c_char * size).from_buffer(fresh), size, count)

        into_warm = partial(raw_read, session, warm, size, count)
        run("floor: C viRead into a reused buffer", into_warm, n, preload, size)
        floor = run("floor: bytearray(n) + C viRead into it", into_fresh, n, preload, size)
        del warm, into_warm
        run("inst.read_raw()", inst.read_raw, n, preload, size, floor)
        read_bytes = partial(inst.read_bytes, size)
        run(f"inst.read_bytes({format_size(size)})", read_bytes, n, preload, size, floor)
        read_bytes = partial(inst.read_bytes, size, size)
        run("inst.read_bytes(n, chunk_size=n)", read_bytes, n, preload, size, floor)
        del preload
        if np is None:
            continue
        values = float_values(size)
        preload = ref.preloader(inst, util.to_ieee_block(values, "f") + b"\n", n)
        # The query's own message must not land in the loopback queue before the block:
        # an empty message with no termination and END off writes nothing.
        inst.write_termination = ""
        inst.send_end = False
        query = partial(inst.query_binary_values, "", "f", container=NP_ARRAY)
        run('query_binary_values("", "f", np.array)', query, n, preload, size, floor)
        inst.write_termination = "\n"
        inst.send_end = True
        del preload
        write = partial(inst.write_binary_values, "D ", values, "f")
        run('write_binary_values("D ", f32 ndarray)', write, n, inst.clear, size, floor)
        inst.clear()
        del values
    inst.close()


# --------------------------------------------------------------------------------------
# 4. pure Python helpers
# --------------------------------------------------------------------------------------


def bench_util(settings: Settings) -> None:
    run = Recorder(settings, "util", "-")
    for size in settings.list_sizes:
        values = [float(i % 1000) for i in range(size // 4)]
        block = util.to_ieee_block(values, "f")
        n = settings.batch(size)
        run("to_ieee_block(list, 'f')", partial(util.to_ieee_block, values, "f"), n, size=size)
        run(
            "from_ieee_block(b, 'f', list)", partial(util.from_ieee_block, block, "f"), n, size=size
        )
    if np is not None:
        for size in settings.sizes:
            values = float_values(size)
            block = util.to_ieee_block(values, "f")
            n = settings.batch(size)
            to_block = partial(util.to_ieee_block, values, "f")
            from_block = partial(util.from_ieee_block, block, "f", container=NP_ARRAY)
            run("to_ieee_block(ndarray, 'f')", to_block, n, size=size)
            run("from_ieee_block(b, 'f', np.array)", from_block, n, size=size)
            del values, block, to_block, from_block
    name = "TCPIP0::192.168.0.10::inst0::INSTR"
    calls = settings.calls * 4
    run("parse_resource_name (same name: cached)", partial(rname.parse_resource_name, name), calls)
    run(
        "ResourceName.from_string (same name)", partial(rname.ResourceName.from_string, name), calls
    )
    # More distinct names than the parser's cache holds: every call parses.
    names = itertools.cycle(
        [f"TCPIP0::10.0.{i // 250}.{i % 250}::inst0::INSTR" for i in range(4096)]
    )
    run(
        "parse_resource_name (distinct names)", lambda: rname.parse_resource_name(next(names)), 2048
    )


# --------------------------------------------------------------------------------------
# Profiling
# --------------------------------------------------------------------------------------


@contextlib.contextmanager
def opened(backend: str, build_dir: str) -> Iterator[tuple[Any, str]]:
    if backend == "fake":
        rm = pyvisa.ResourceManager(BenchFakeLibrary("bench-fake"))
        inst = open_message_resource(rm, FAKE_RESOURCE)
        yield inst, "*IDN?"
    elif backend == "ivi-ref":
        ref = RefLibrary(build_dir)
        inst = open_message_resource(ref.rm, REF_CALLS_RESOURCE)
        yield inst, "*IDN?"
    else:
        rm = pyvisa.ResourceManager("@sim")
        inst = open_message_resource(rm, SIM_RESOURCE)
        yield inst, "?IDN"
    inst.close()


def profile_queries(backend: str, build_dir: str, count: int = 10_000, top: int = 20) -> None:
    """Print the functions taking most time (tottime) over ``count`` queries."""
    with opened(backend, build_dir) as (inst, message):
        inst.query(message)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(count):
            inst.query(message)
        profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats("tottime")
    stats.print_stats(top)
    print(f"cProfile of {count} x inst.query({message!r}) on the {backend} backend")
    print(stream.getvalue())


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    return {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "pyvisa": getattr(pyvisa, "__version__", "?"),
        "numpy": getattr(np, "__version__", None),
        "date": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smaller counts and payloads (<20 s)")
    parser.add_argument("--json", metavar="FILE", help="save the results as JSON")
    parser.add_argument(
        "--runs", type=int, default=1, help="run everything N times and keep the best of each"
    )
    parser.add_argument(
        "--markdown", action="store_true", help="also print the results as Markdown tables"
    )
    parser.add_argument(
        "--compare",
        metavar="FILE",
        help="a JSON file saved by --json: print each time as a fraction of the saved one",
    )
    parser.add_argument(
        "--group", default=",".join(GROUPS), help=f"comma separated subset of {', '.join(GROUPS)}"
    )
    parser.add_argument(
        "--profile", choices=("fake", "ivi-ref", "sim"), help="profile 10k queries and exit"
    )
    parser.add_argument(
        "--build-dir",
        default=os.path.join(tempfile.gettempdir(), "pyvisa-bench-refvisa"),
        help="where the reference VISA library is built (reused when up to date)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error(f"--runs must be at least 1, got {args.runs}")
    args.groups = [g.strip() for g in args.group.split(",") if g.strip()]
    unknown = set(args.groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s) {sorted(unknown)}: expected some of {GROUPS}")
    return args


def merge_best(runs: list[list[Result]]) -> list[Result]:
    """Keep the best time of each benchmark over several runs; recompute the floor ratios."""
    best: dict[tuple[str, str, str, int | None], Result] = {}
    for results in runs:
        for result in results:
            kept = best.get(result.key)
            if kept is None or result.seconds < kept.seconds:
                best[result.key] = result
    merged = list(best.values())
    for result in merged:
        if result.floor is not None:
            floor = best[(result.group, result.floor, result.backend, result.size)]
            result.x_floor = result.seconds / floor.seconds
    return merged


def _goodness(target: Any) -> float:
    """How far a target is on the good side of its limit (to keep the best of several runs)."""
    return target.value if target.at_least else -target.value


def print_markdown(results: list[Result]) -> None:
    """Print the results as the Markdown tables of bench/README.md."""
    group = None
    for result in results:
        if result.group != group:
            group = result.group
            print(f"\n| {group} | backend | size | per call | MB/s | x floor |")
            print("|---|---|---|--:|--:|--:|")
        per_call = (
            f"{result.seconds * 1e3:,.1f} ms" if result.seconds >= 1e-3 else f"{result.us:.2f} µs"
        )
        rate = f"{result.mb_per_s:,.0f}" if result.mb_per_s is not None else "-"
        ratio = f"{result.x_floor:.1f}" if result.x_floor is not None else "-"
        print(
            f"| `{result.name}` | {result.backend} | {format_size(result.size)} | {per_call} "
            f"| {rate} | {ratio} |"
        )


def print_comparison(results: list[Result], path: str, targets: list[Any] | None = None) -> None:
    """Print each time as a fraction of the time saved in ``path`` (a --json file).

    The targets measured in both runs are printed side by side, as a Markdown table.
    """
    with open(path, encoding="utf-8") as stream:
        saved_run = json.load(stream)
    saved = saved_run["results"]
    before = {(r["group"], r["name"], r["backend"], r["size"]): r["seconds"] for r in saved}
    if results:
        print(f"\n== compared with {path} (now / then: below 1 is faster)")
    for result in results:
        then = before.get(result.key)
        ratio = f"{result.seconds / then:8.2f}" if then else f"{'new':>8}"
        print(f"  {result.name:<44} {result.backend:<8} {format_size(result.size):>7} {ratio}")
    saved_targets = {t["name"]: t for t in saved_run.get("targets", [])}
    if not targets or not saved_targets:
        return
    from targets import Target

    print(f"\n| target | then ({path}) | now | limit | verdict | now: path vs floor |")
    print("|---|--:|--:|---|---|---|")
    for target in targets:
        then = saved_targets.get(target.name)
        old = Target(**{k: v for k, v in then.items() if k != "met"}) if then else None
        sign = "≥" if target.at_least else "≤"
        print(
            f"| {target.name} | {old.format_value(old.value) if old else '-'} "
            f"| {target.format_value(target.value)} | {sign} {target.format_value(target.limit)} "
            f"| {'**MET**' if target.met else '**MISSED**'} | {target.detail} |"
        )


def run_groups(
    groups: list[str], settings: Settings, ref: RefLibrary | None, quick: bool
) -> list[Any]:
    if "calls" in groups:
        print_header("1. per-call overhead")
        bench_calls_fake(settings)
        assert ref is not None
        bench_calls_ref(settings, ref)
        bench_calls_sim(settings)
    if "split" in groups:
        print_header("2. ivi backend: C floor / ctypes layer / resource layer")
        assert ref is not None
        bench_split(settings, ref)
    if "transfer" in groups:
        print_header("3. per-byte cost over the reference library")
        assert ref is not None
        bench_transfer(settings, ref)
    if "util" in groups:
        print_header("4. helpers")
        bench_util(settings)
    if "targets" in groups:
        from targets import run_targets

        return run_targets(ref, quick)
    return []


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.profile:
        profile_queries(args.profile, args.build_dir)
        return 0
    info = machine_info()
    print("PyVISA resource path benchmarks  " + "  ".join(f"{k}={v}" for k, v in info.items()))
    start = time.perf_counter()
    needs_ref = {"calls", "split", "transfer", "targets"} & set(args.groups)
    ref = RefLibrary(args.build_dir) if needs_ref else None
    runs: list[list[Result]] = []
    targets: list[Any] = []
    for index in range(args.runs):
        if args.runs > 1:
            print(f"\n######## run {index + 1} of {args.runs}")
        settings = quick_settings() if args.quick else full_settings()
        measured = run_groups(args.groups, settings, ref, args.quick)
        targets = targets or measured
        if measured and targets is not measured:
            # Several runs: keep the best measurement of each target.
            targets = [max(pair, key=_goodness) for pair in zip(targets, measured, strict=True)]
        runs.append(settings.results)
    results = merge_best(runs)
    elapsed = time.perf_counter() - start
    if args.runs > 1:
        print(f"\n######## best of {args.runs} runs")
        group = None
        for result in results:
            if result.group != group:
                group = result.group
                print_header(group)
            print(format_row(result))
    if args.markdown:
        print_markdown(results)
        if targets:
            from targets import print_markdown as print_targets_markdown

            print_targets_markdown(targets)
    if targets and args.runs > 1:
        from targets import print_header as print_targets_header

        print_targets_header()
        for target in targets:
            print(target.row())
    if args.compare:
        print_comparison(results, args.compare, targets)
    print(f"\ntotal {elapsed:.1f} s")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as stream:
            json.dump(
                {
                    "machine": info,
                    "quick": args.quick,
                    "runs": args.runs,
                    "elapsed_s": elapsed,
                    "results": [
                        {**asdict(r), "us_per_call": r.us, "mb_per_s": r.mb_per_s} for r in results
                    ],
                    "targets": [{**asdict(t), "met": t.met} for t in targets],
                },
                stream,
                indent=2,
            )
        print(f"results saved to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
