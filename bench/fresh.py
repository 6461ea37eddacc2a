"""Child process of the fresh-process benchmarks of ``bench/targets.py``.

Each run measures one thing in a new interpreter and prints it as one JSON object:

- ``import``: the time of ``import pyvisa`` and which heavy modules it left loaded;
- ``first-ivi PATH``: ``ResourceManager("PATH@ivi")`` + ``open_resource`` + ``query``,
  after ``import pyvisa`` (the import is measured by ``import``);
- ``first-raw PATH``: the floor of the former, the library's own load time:
  ``import ctypes``, ``ctypes.CDLL(PATH)`` and the same four C calls
  (``viOpenDefaultRM``, ``viOpen``, ``viWrite``, ``viRead``) through bare ctypes;
- ``first-py``: ``ResourceManager(backend)`` + ``open_resource`` + ``query`` with the
  in-process backend of ``bench/fake_backend.py`` created in the timed region;
- ``first-py-raw``: its floor, the backend's own cost: creating it and calling its
  ``open_default_resource_manager``, ``open``, ``write`` and ``read`` directly;
- ``memory PATH SIZE``: the peak memory of reading a block of SIZE bytes into numpy through
  the reference library (``tracemalloc`` peak and, on Linux, the growth of the peak
  resident set size, reset just before the read).

Times are in milliseconds, measured with ``time.perf_counter`` inside the process.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

RESOURCE = "TCPIP0::192.168.0.10::inst0::INSTR"
BLOCK_RESOURCE = "GPIB0::1::INSTR"


def measure_import() -> dict[str, object]:
    start = time.perf_counter()
    import pyvisa  # noqa: F401

    elapsed = time.perf_counter() - start
    heavy = ("numpy", "ctypes", "importlib.metadata", "pyvisa.ctwrapper", "pyvisa_py", "pyvisa_sim")
    return {"ms": elapsed * 1e3, "loaded": [name for name in heavy if name in sys.modules]}


def first_ivi(path: str) -> dict[str, object]:
    import pyvisa

    start = time.perf_counter()
    rm = pyvisa.ResourceManager(f"{path}@ivi")
    inst: Any = rm.open_resource(RESOURCE, read_termination="\n", write_termination="\n")
    answer = inst.query("*IDN?")
    elapsed = time.perf_counter() - start
    assert answer == "*IDN?", answer
    return {"ms": elapsed * 1e3}


def first_raw(path: str) -> dict[str, object]:
    start = time.perf_counter()
    import ctypes

    lib = ctypes.CDLL(path)
    rm, session, count = ctypes.c_uint32(), ctypes.c_uint32(), ctypes.c_uint32()
    lib.viOpenDefaultRM(ctypes.byref(rm))
    lib.viOpen(rm, RESOURCE.encode(), 0, 0, ctypes.byref(session))
    lib.viWrite(session, b"*IDN?\n", 6, ctypes.byref(count))
    buffer = ctypes.create_string_buffer(20480)
    lib.viRead(session, buffer, 20480, ctypes.byref(count))
    elapsed = time.perf_counter() - start
    assert buffer.raw[: count.value] == b"*IDN?\n"
    return {"ms": elapsed * 1e3}


def _fake_backend() -> object:
    import pyvisa  # noqa: F401 - imported before the timed region, as for first-ivi

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from fake_backend import BenchFakeLibrary

    return BenchFakeLibrary


def first_py() -> dict[str, object]:
    import pyvisa

    backend = _fake_backend()
    start = time.perf_counter()
    rm = pyvisa.ResourceManager(backend("fresh-py"))  # type: ignore[operator]
    inst: Any = rm.open_resource(RESOURCE, read_termination="\n", write_termination="\n")
    inst.query("*IDN?")
    elapsed = time.perf_counter() - start
    return {"ms": elapsed * 1e3}


def first_py_raw() -> dict[str, object]:
    backend = _fake_backend()
    start = time.perf_counter()
    lib = backend("fresh-py")  # type: ignore[operator]
    rm, _ = lib.open_default_resource_manager()
    session, _ = lib.open(rm, RESOURCE)
    lib.write(session, b"*IDN?\n")
    lib.read(session, 20480)
    elapsed = time.perf_counter() - start
    return {"ms": elapsed * 1e3}


def _peak_rss_reset() -> bool:
    """Reset the peak resident set size of this process (Linux), True if it worked."""
    try:
        with open("/proc/self/clear_refs", "w") as stream:
            stream.write("5")
        return True
    except OSError:
        return False


def _rss_kib(field: str) -> int:
    with open("/proc/self/status") as stream:
        for line in stream:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


def memory(path: str, size: int) -> dict[str, object]:
    import ctypes
    import gc
    import tracemalloc

    import numpy as np

    import pyvisa

    rm = pyvisa.ResourceManager(f"{path}@ivi")
    inst: Any = rm.open_resource(BLOCK_RESOURCE, read_termination="\n", write_termination="\n")
    raw = ctypes.CDLL(path)
    push = raw.refvisa_push_data
    push.argtypes = [ctypes.c_uint32, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int]
    # The payload holds every byte value, the termination character included.
    payload = bytes(range(256)) * (size // 256)
    digits = str(len(payload))
    header = f"#{len(digits):X}{digits}".encode()  # 10 digits: "#A" (the count is hex)
    push.restype = ctypes.c_int32
    for piece, end in ((header, 0), (payload, 0), (b"\n", 1)):
        if push(inst.session, piece, len(piece), end) < 0:
            raise RuntimeError("refvisa_push_data failed")
    del payload
    gc.collect()
    rss_reset = _peak_rss_reset()
    rss_before = _rss_kib("VmRSS")
    tracemalloc.start()
    start = time.perf_counter()
    values = inst.read_binary_values("B", container=np.array)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    result: dict[str, object] = {
        "payload": size,
        "tracemalloc_peak": peak,
        "seconds": elapsed,
        "values_ok": bool(values.size == size and values[:256].tolist() == list(range(256))),
        "writable": bool(values.flags.writeable),
    }
    if rss_reset:
        result["rss_peak_growth"] = (_rss_kib("VmHWM") - rss_before) * 1024
    return result


def main(argv: list[str]) -> int:
    mode, args = argv[0], argv[1:]
    if mode == "pass":
        return 0
    if mode == "import":
        result = measure_import()
    elif mode == "first-ivi":
        result = first_ivi(args[0])
    elif mode == "first-raw":
        result = first_raw(args[0])
    elif mode == "first-py":
        result = first_py()
    elif mode == "first-py-raw":
        result = first_py_raw()
    elif mode == "memory":
        result = memory(args[0], int(args[1]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
