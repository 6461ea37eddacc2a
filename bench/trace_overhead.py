"""What the I/O trace (pyvisa.trace) costs: nothing when off, a few microseconds when on.

Run from the repository root::

    python bench/trace_overhead.py                 # the in-process fake backend
    python bench/trace_overhead.py --backend ivi-ref   # the reference C library (needs cc)
    python bench/trace_overhead.py --calls 20000 --repeats 7

It times ``inst.query("*IDN?")`` (best batch of ``--repeats`` batches of ``--calls``
calls, garbage collector off) in four states of the same process:

1. ``never``: before any tracer was started;
2. ``on, list``: while a tracer appends its records to a list (cleared between batches);
3. ``on, file``: while a tracer writes JSON lines to a temporary file;
4. ``after off``: after the last tracer was stopped.

``never`` and ``after off`` must be equal within the noise: switching tracing off puts
the original functions back (checked here by identity), so no trace code runs on the call
path. The fake backend shows the pure frontend cost, which makes any overhead most
visible.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import timeit
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pyvisa
from pyvisa import trace
from pyvisa.resources import MessageBasedResource, Resource

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_backend import BenchFakeLibrary  # noqa: E402

RESOURCE = "TCPIP0::192.168.0.10::inst0::INSTR"


def best_time(func: Callable[[], Any], calls: int, repeats: int, setup: Callable[[], Any]) -> float:
    """Best time per call, in seconds, over ``repeats`` batches of ``calls`` calls."""
    return min(timeit.Timer(func, setup).repeat(repeats, calls)) / calls


@contextmanager
def opened(backend: str, build_dir: str) -> Iterator[Any]:
    """A message-based resource with ``\\n`` terminations on the backend asked for."""
    if backend == "fake":
        rm = pyvisa.ResourceManager(BenchFakeLibrary("bench-fake"))
    else:
        from pyvisa.testsuite.reference_visa import build_reference_library

        rm = pyvisa.ResourceManager(f"{build_reference_library(build_dir)}@ivi")
    inst = rm.open_resource(RESOURCE, read_termination="\n", write_termination="\n")
    try:
        yield inst
    finally:
        inst.close()
        rm.close()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--backend", choices=("fake", "ivi-ref"), default="fake")
    parser.add_argument("--calls", type=int, default=5000, help="calls per batch")
    parser.add_argument("--repeats", type=int, default=5, help="batches (the best is kept)")
    parser.add_argument(
        "--build-dir",
        default=os.path.join(tempfile.gettempdir(), "pyvisa-bench-refvisa"),
        help="where the reference library is built (ivi-ref)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    originals = (MessageBasedResource.query, MessageBasedResource.write, Resource.open)
    results: dict[str, float] = {}
    with opened(args.backend, args.build_dir) as inst:
        query = inst.query
        inst.query("*IDN?")  # warm up

        def time_query(setup: Callable[[], Any] = lambda: None) -> float:
            return best_time(lambda: query("*IDN?"), args.calls, args.repeats, setup)

        assert not trace.active_tracers()
        results["never"] = time_query()

        records: list[trace.TraceRecord] = []
        with trace.trace_to(records):
            results["on, list"] = time_query(records.clear)
        with tempfile.TemporaryDirectory() as directory:
            with trace.trace_to(os.path.join(directory, "trace.jsonl")):
                results["on, file"] = time_query()

        restored = (MessageBasedResource.query, MessageBasedResource.write, Resource.open)
        if restored != originals or "read" in vars(inst.visalib):
            print("tracing switched off did not restore the original functions")
            return 1
        results["after off"] = time_query()

    print(
        f'inst.query("*IDN?") on the {args.backend} backend, best of {args.repeats} x {args.calls}'
    )
    never = results["never"]
    for name, seconds in results.items():
        print(f"  {name:<10} {seconds * 1e6:9.2f} us/call   x{seconds / never:5.2f}")
    print("  originals restored after off: yes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
