"""Tests of the I/O trace (pyvisa.trace): records, targets, nesting, the cost when off."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pyvisa import errors, trace
from pyvisa.highlevel import ResourceManager
from pyvisa.resources import MessageBasedResource, RegisterBasedResource, Resource
from pyvisa.trace import TraceRecord

pytest.importorskip("pyvisa_sim")

NAME = "TCPIP0::192.168.0.10::inst0::INSTR"
OTHER = "TCPIP0::192.168.0.11::inst0::INSTR"

#: A pyvisa-sim device answering each query of the script with the query itself, as the
#: loopback instruments of the reference library do.
ECHO_YAML = textwrap.dedent(
    r"""
    spec: "1.1"
    devices:
      echo:
        eom:
          TCPIP INSTR:
            q: "\n"
            r: "\n"
        dialogues:
          - q: "*IDN?"
            r: "*IDN?"
          - q: "MEAS:VOLT?"
            r: "MEAS:VOLT?"
          - q: "1.5,2.5,-3"
            r: "1.5,2.5,-3"
    resources:
      TCPIP0::192.168.0.10::inst0::INSTR:
        device: echo
      TCPIP0::192.168.0.11::inst0::INSTR:
        device: echo
    """
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_tracer_left() -> Iterator[None]:
    yield
    leftover = trace.active_tracers()
    for tracer in leftover:
        trace.stop_trace(tracer)
    assert leftover == ()


@pytest.fixture
def echo_yaml(tmp_path: Path) -> Path:
    path = tmp_path / "echo.yaml"
    path.write_text(ECHO_YAML, encoding="utf-8")
    return path


@pytest.fixture
def sim_rm(echo_yaml: Path) -> Iterator[ResourceManager]:
    rm = ResourceManager(f"{echo_yaml}@sim")
    yield rm
    rm.close()


@pytest.fixture
def inst(sim_rm: ResourceManager) -> Iterator[Any]:
    inst = sim_rm.open_resource(NAME, read_termination="\n", write_termination="\n")
    inst.timeout = 100
    yield inst
    inst.close()


def by_start(records: list[TraceRecord]) -> list[TraceRecord]:
    return sorted(records, key=lambda record: record.id)


def operations(records: list[TraceRecord]) -> list[tuple[int, str]]:
    return [(record.depth, record.operation) for record in by_start(records)]


def without_write_raw(records: list[TraceRecord]) -> list[TraceRecord]:
    """The records but those of a ``write_raw`` made by a ``write``.

    Whether ``write`` goes through the public ``write_raw`` is an implementation detail
    of the resource classes: when it does, the trace shows it one level deeper.
    """
    by_id = {record.id: record for record in records}
    kept = []
    for record in records:
        parent = by_id.get(record.parent) if record.parent is not None else None
        if record.operation == "write_raw" and parent is not None and parent.operation == "write":
            assert record.depth == parent.depth + 1
            assert (record.sent_length, record.sent_preview) == (
                parent.sent_length,
                parent.sent_preview,
            )
            continue
        kept.append(record)
    return kept


# -- the same trace over pyvisa-sim and over the reference C library -----------------------


def scripted_session(rm: ResourceManager) -> None:
    """The session both backends answer alike (every answer is the message sent)."""
    inst: Any = rm.open_resource(NAME, read_termination="\n", write_termination="\n")
    inst.timeout = 150
    inst.query("*IDN?")
    inst.write("MEAS:VOLT?")
    inst.read()
    assert inst.query_ascii_values("1.5,2.5,-3") == [1.5, 2.5, -3.0]
    inst.write_raw(b"*IDN?\n")
    assert inst.read_raw() == b"*IDN?\n"
    inst.write("MEAS:VOLT?")
    assert inst.read_bytes(4) == b"MEAS"
    assert inst.read() == ":VOLT?"
    with pytest.raises(errors.VisaIOError):
        inst.read()
    inst.close()


def comparable(records: list[TraceRecord]) -> list[tuple[Any, ...]]:
    """What must not depend on the backend (ids and parents as positions)."""
    ordered = by_start(records)
    position = {record.id: index for index, record in enumerate(ordered)}
    # pyvisa-sim ends every read with VI_SUCCESS: it does not say whether the termination
    # character or END ended the message, as a VISA library does (VI_SUCCESS_TERM_CHAR).
    same_success = {"VI_SUCCESS_TERM_CHAR": "VI_SUCCESS"}
    return [
        (
            record.resource,
            record.operation,
            record.depth,
            None if record.parent is None else position[record.parent],
            record.arguments,
            record.result,
            record.sent_length,
            record.sent_preview,
            record.received_length,
            record.received_preview,
            same_success.get(record.status or "", record.status),
            record.error,
        )
        for record in ordered
    ]


def test_same_trace_over_pyvisa_sim_and_the_reference_library(
    echo_yaml: Path, reference_library: str
) -> None:
    from pyvisa.testsuite.reference_visa import load_hooks

    traces = []
    for spec in (f"{echo_yaml}@sim", reference_library):
        rm = ResourceManager(spec)
        records: list[TraceRecord] = []
        try:
            with trace.trace_to(records):
                scripted_session(rm)
        finally:
            rm.close()
        traces.append(records)
    load_hooks(reference_library).refvisa_reset()
    sim, ref = traces
    assert comparable(sim) == comparable(ref)
    outer = [record.operation for record in by_start(ref) if record.depth == 0]
    assert outer == [
        "open",
        "set_visa_attribute",  # read_termination
        "set_visa_attribute",
        "set_visa_attribute",  # timeout
        "query",
        "write",
        "read",
        "query_ascii_values",
        "write_raw",
        "read_raw",
        "write",
        "read_bytes",
        "read",
        "read",
        "close",
    ]
    # The statuses both report the same way, then those of the C library's reads.
    statuses = {(r.operation, r.depth): r.status for r in ref}
    assert statuses[("write", 0)] == "VI_SUCCESS"
    assert statuses[("query", 0)] == "VI_SUCCESS_TERM_CHAR"
    assert statuses[("read_bytes", 0)] == "VI_SUCCESS_MAX_CNT"
    assert [r.status for r in sim if r.operation == "read" and r.error] == ["VI_ERROR_TMO"]


# -- records --------------------------------------------------------------------------------


def test_a_query_contains_its_write_and_read(inst: Any) -> None:
    records: list[TraceRecord] = []
    with trace.trace_to(records):
        assert inst.query("*IDN?") == "*IDN?"
    main = without_write_raw(records)
    assert operations(main) == [(0, "query"), (1, "write"), (1, "read")]
    query, write, read = by_start(main)
    assert query.parent is None
    assert write.parent == query.id and read.parent == query.id
    # The outer operation counts the bytes of the inner ones.
    assert (query.sent_length, query.sent_preview) == (6, "*IDN?\\n")
    assert (query.received_length, query.received_preview) == (6, "*IDN?\\n")
    assert (write.sent_length, write.received_length) == (6, 0)
    assert (read.sent_length, read.received_length) == (0, 6)
    assert query.arguments == "'*IDN?'" and query.result == "'*IDN?'"
    assert write.result == "6"
    assert query.resource == NAME
    assert {record.thread for record in records} == {threading.get_ident()}
    assert all(record.duration >= 0 and record.error is None for record in records)
    assert query.duration >= read.duration
    # Records are delivered as operations end: the inner ones first.
    assert [record.operation for record in main] == ["write", "read", "query"]


def test_status_names_on_success_and_on_a_timeout(inst: Any) -> None:
    records: list[TraceRecord] = []
    with trace.trace_to(records):
        inst.write("*IDN?")
        inst.read()
        with pytest.raises(errors.VisaIOError):
            inst.read()
    write, read, timed_out = by_start(without_write_raw(records))
    assert write.status == "VI_SUCCESS" and read.status == "VI_SUCCESS"
    assert timed_out.status == "VI_ERROR_TMO"
    assert timed_out.result is None
    assert timed_out.error is not None
    assert timed_out.error.startswith("VisaIOError: VI_ERROR_TMO (-1073807339)")


def test_an_argument_error_is_recorded_without_status(inst: Any) -> None:
    records: list[TraceRecord] = []
    with trace.trace_to(records), pytest.raises(errors.InvalidArgument):
        inst.read_bytes(-1)
    (record,) = records
    assert (record.operation, record.arguments, record.status) == ("read_bytes", "-1", None)
    assert record.error is not None and record.error.startswith("InvalidArgument: count")


def test_the_preview_is_bounded_and_escaped_the_length_is_full(inst: Any) -> None:
    payload = bytes(range(256)) * 2
    records: list[TraceRecord] = []
    with trace.trace_to(records, preview=16):
        inst.write_raw(payload)
    (record,) = records
    assert record.sent_length == 512
    assert (
        record.sent_preview
        == "\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\t\\n\\x0b\\x0c\\r\\x0e\\x0f"
    )
    assert record.arguments == "b'\\x00\\x01\\x0..."
    assert len(record.arguments) == 16


def test_escape() -> None:
    assert trace.escape(b"AZ az 09 ~") == "AZ az 09 ~"
    assert trace.escape(b"\\\n\r\t\x00\x7f\x80\xff\"'") == "\\\\\\n\\r\\t\\x00\\x7f\\x80\\xff\"'"
    assert trace.escape(memoryview(b"ok")) == "ok"


def test_attribute_arguments_are_named(inst: Any) -> None:
    records: list[TraceRecord] = []
    with trace.trace_to(records):
        inst.timeout = 250
        assert inst.timeout == 250
    set_timeout, get_timeout = by_start(records)
    assert set_timeout.operation == "set_visa_attribute"
    assert set_timeout.arguments == "ResourceAttribute.timeout_value, 250"
    assert set_timeout.result == "StatusCode.success"
    assert get_timeout.operation == "get_visa_attribute"
    assert get_timeout.arguments == "ResourceAttribute.timeout_value"
    assert get_timeout.result == "250"


def test_register_based_operations(reference_library: str) -> None:
    from pyvisa.constants import AddressSpace

    rm = ResourceManager(reference_library)
    try:
        inst: Any = rm.open_resource("VXI0::1::INSTR")
        assert isinstance(inst, RegisterBasedResource)
        records: list[TraceRecord] = []
        with trace.trace_to(records):
            inst.write_memory(AddressSpace.a16, 0x10, 0xBEEF, 16)
            assert inst.read_memory_16(AddressSpace.a16, 0x10) == 0xBEEF
        inst.close()
    finally:
        rm.close()
    assert operations(records) == [(0, "write_memory"), (0, "read_memory_16"), (1, "read_memory")]
    write, read16, read = by_start(records)
    assert write.arguments == "AddressSpace.a16, 16, 48879, 16"
    assert read16.result == read.result == "48879"
    assert {record.status for record in records} == {"VI_SUCCESS"}


def test_partial_data_of_a_failed_read(reference_library: str) -> None:
    from pyvisa.testsuite.reference_visa import load_hooks

    rm = ResourceManager(reference_library)
    try:
        inst: Any = rm.open_resource(NAME, read_termination="\n", timeout=50)
        inst.send_end = False
        inst.write_raw(b"half a mess")  # no termination, no END: the read times out
        records: list[TraceRecord] = []
        with trace.trace_to(records), pytest.raises(errors.VisaIOError) as caught:
            inst.read()
        inst.close()
    finally:
        rm.close()
        load_hooks(reference_library).refvisa_reset()
    assert caught.value.partial_data == b"half a mess"
    (record,) = records
    assert (record.status, record.received_length) == ("VI_ERROR_TMO", 11)
    assert record.received_preview == "half a mess"


# -- targets --------------------------------------------------------------------------------


def test_json_lines_file(inst: Any, tmp_path: Path) -> None:
    path = tmp_path / "trace.jsonl"
    records: list[TraceRecord] = []
    with trace.trace_to(path) as tracer, trace.trace_to(records):
        assert tracer.active and tracer.path == str(path)
        inst.query("*IDN?")
        # Flushed after each record.
        assert len(path.read_text(encoding="utf-8").splitlines()) == len(records)
    assert not tracer.active
    count = len(records)
    with trace.trace_to(str(path)), trace.trace_to(records):  # appended
        inst.write("*IDN?")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(records) > count
    objects = [json.loads(line) for line in lines]
    fields = [field.name for field in dataclasses.fields(TraceRecord)]
    assert all(list(item) == fields for item in objects)
    assert objects == [record.to_dict() for record in records]
    assert objects[count - 1]["operation"] == "query"
    assert objects[count - 1]["sent_preview"] == "*IDN?\\n"
    assert records[0].to_json() == lines[0]


def test_callback_and_stream_targets(inst: Any) -> None:
    seen: list[str] = []
    stream = io.StringIO()
    with trace.trace_to(lambda record: seen.append(record.operation)), trace.trace_to(stream):
        inst.write("*IDN?")
    assert seen[-1] == "write" and set(seen) <= {"write", "write_raw"}
    assert [json.loads(line)["operation"] for line in stream.getvalue().splitlines()] == seen
    assert not stream.closed


def test_a_failing_target_does_not_break_the_io(inst: Any, caplog: Any) -> None:
    def broken(record: TraceRecord) -> None:
        raise RuntimeError("full disk")

    with trace.trace_to(broken):
        assert inst.query("*IDN?") == "*IDN?"
    assert "trace target" in caplog.text


def test_io_made_by_a_target_is_not_traced(inst: Any, sim_rm: ResourceManager) -> None:
    other: Any = sim_rm.open_resource(NAME, read_termination="\n", write_termination="\n")
    seen: list[str] = []

    def echo_elsewhere(record: TraceRecord) -> None:
        seen.append(record.operation)
        other.write("*IDN?")

    with trace.trace_to(echo_elsewhere):
        inst.write("*IDN?")
    other.close()
    assert seen[-1] == "write" and set(seen) <= {"write", "write_raw"}
    assert seen.count("write") == 1


def test_target_checks() -> None:
    with pytest.raises(errors.InvalidArgumentType):
        trace.start_trace(42)  # type: ignore[arg-type]
    with pytest.raises(errors.InvalidArgument):
        trace.start_trace([], preview=-1)
    with pytest.raises(errors.InvalidArgumentType):
        trace.start_trace([], preview=1.5)  # type: ignore[arg-type]
    with pytest.raises(OSError):
        trace.start_trace(os.path.join(os.devnull, "no", "such", "file"))
    assert trace.active_tracers() == ()


# -- switching on and off ---------------------------------------------------------------


def traced_functions() -> dict[tuple[type, str], Any]:
    return {
        (cls, name): cls.__dict__[name]
        for cls in trace._traced_classes()
        for name in trace.OPERATIONS
        if name in cls.__dict__
    }


def test_switching_off_restores_the_original_functions(inst: Any) -> None:
    originals = traced_functions()
    write, query, open_ = MessageBasedResource.write, MessageBasedResource.query, Resource.open
    first = trace.start_trace([])
    second = trace.start_trace([])
    assert MessageBasedResource.write is not write
    assert MessageBasedResource.write.__wrapped__ is write  # type: ignore[attr-defined]
    inst.query("*IDN?")  # the library object gets its hooks
    assert "read" in vars(inst.visalib)
    trace.stop_trace(first)
    assert MessageBasedResource.write is not write  # one tracer is still active
    trace.stop_trace(second)
    trace.stop_trace(second)  # stopping twice does nothing
    assert MessageBasedResource.write is write
    assert MessageBasedResource.query is query
    assert Resource.open is open_
    assert traced_functions() == originals
    assert not {"read", "write", "open", "close"} & set(vars(inst.visalib))


def test_the_operations_of_every_resource_class_are_wrapped() -> None:
    from pyvisa.resources import GPIBInstrument, USBInstrument

    with trace.trace_to([]):
        for cls, name in [
            (Resource, "lock"),
            (MessageBasedResource, "read_binary_values"),
            (RegisterBasedResource, "move_in_32"),
            (GPIBInstrument, "wait_for_srq"),
            (USBInstrument, "control_in"),
            (USBInstrument, "control_ren"),
        ]:
            function = getattr(cls, name)
            assert hasattr(function, "__wrapped__"), (cls, name)
    assert not hasattr(MessageBasedResource.read_binary_values, "__wrapped__")


def test_a_wrapper_replaced_meanwhile_is_left_alone() -> None:
    def replacement(self: Any) -> None:
        pass

    original = Resource.__dict__["clear"]
    try:
        with trace.trace_to([]):
            wrapper = Resource.__dict__["clear"]
            Resource.clear = replacement  # type: ignore[method-assign]
        assert Resource.clear is replacement
    finally:
        Resource.clear = original  # type: ignore[method-assign]
    assert wrapper.__wrapped__ is original


def test_library_hooks_keep_a_previous_instance_attribute(inst: Any) -> None:
    visalib = inst.visalib
    calls: list[int] = []
    original = visalib.read

    def counting_read(session: Any, count: int) -> Any:
        calls.append(count)
        return original(session, count)

    visalib.read = counting_read
    try:
        records: list[TraceRecord] = []
        with trace.trace_to(records):
            inst.query("*IDN?")
        assert visalib.read is counting_read
        assert calls and records[-1].received_length == 6
    finally:
        del visalib.read


def by_thread_query(records: list[TraceRecord]) -> list[TraceRecord]:
    """The records of the first query of the first thread, the query included."""
    first = min(records, key=lambda record: record.id)
    while first.parent is not None:
        first = next(record for record in records if record.id == first.parent)
    family = {first.id}
    for record in by_start(records):
        if record.parent in family:
            family.add(record.id)
    return [record for record in records if record.id in family]


def test_threads_tracing_two_resources(sim_rm: ResourceManager) -> None:
    resources: list[Any] = [
        sim_rm.open_resource(NAME, read_termination="\n", write_termination="\n") for _ in range(2)
    ]
    records: list[TraceRecord] = []
    barrier = threading.Barrier(2)
    failures: list[BaseException] = []

    def talk(inst: Any, message: str) -> None:
        try:
            barrier.wait()
            for _ in range(50):
                assert inst.query(message) == message
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)

    with trace.trace_to(records):
        threads = [
            threading.Thread(target=talk, args=(inst, message))
            for inst, message in zip(resources, ("*IDN?", "MEAS:VOLT?"), strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    for inst in resources:
        inst.close()
    assert failures == []
    per_query = len(by_thread_query(records))
    assert len(records) == 2 * 50 * per_query
    assert len({record.id for record in records}) == len(records)
    by_id = {record.id: record for record in records}
    for record in records:
        if record.parent is not None:
            parent = by_id[record.parent]
            assert parent.thread == record.thread
            assert parent.depth == record.depth - 1
    for thread in {record.thread for record in records}:
        queries = [r for r in records if r.thread == thread and r.operation == "query"]
        assert len(queries) == 50
        assert len({r.resource for r in records if r.thread == thread}) == 1
        assert len({(q.sent_preview, q.received_preview) for q in queries}) == 1
        assert queries[0].sent_preview == queries[0].received_preview


# -- environment and shell ----------------------------------------------------------------


def run_python(arguments: list[str], env: dict[str, str], **kwargs: Any) -> Any:
    environment = {**os.environ, **env}
    environment.pop("PYVISA_LIBRARY", None)
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    return subprocess.run(
        [sys.executable, *arguments],
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        **kwargs,
    )


SCRIPT = f"""
import sys
import pyvisa
rm = pyvisa.ResourceManager(sys.argv[1] + "@sim")
inst = rm.open_resource({NAME!r}, read_termination="\\n", write_termination="\\n")
print(inst.query("*IDN?"))
rm.close()
print("pyvisa.trace" in sys.modules)
"""


def test_pyvisa_trace_environment_variable(echo_yaml: Path, tmp_path: Path) -> None:
    path = tmp_path / "env.jsonl"
    done = run_python(["-c", SCRIPT, str(echo_yaml)], {"PYVISA_TRACE": str(path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["*IDN?", "True"]
    objects = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    outer = [item["operation"] for item in objects if item["depth"] == 0]
    assert outer == ["open", "set_visa_attribute", "set_visa_attribute", "query", "close"]
    query = next(item for item in objects if item["operation"] == "query")
    assert query["resource"] == NAME and query["received_preview"] == "*IDN?\\n"


def test_without_the_variable_pyvisa_does_not_import_the_trace(echo_yaml: Path) -> None:
    done = run_python(["-c", SCRIPT, str(echo_yaml)], {"PYVISA_TRACE": ""})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["*IDN?", "False"]


def test_an_unwritable_trace_file_warns() -> None:
    path = os.path.join(os.devnull, "trace.jsonl")
    with pytest.warns(RuntimeWarning, match="PYVISA_TRACE"):
        assert trace.trace_from_environment({"PYVISA_TRACE": path}) is None
    assert trace.trace_from_environment({}) is None


def test_pyvisa_shell_trace_option_and_command(echo_yaml: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    script = tmp_path / "commands.txt"
    script.write_text(
        f"open {NAME} read_termination=\\n write_termination=\\n\n"
        "query *IDN?\n"
        "trace\n"
        f"trace on {second}\n"
        "write MEAS:VOLT?\n"
        "trace off\n"
        "read\n"
        "trace sideways\n",
        encoding="utf-8",
    )
    done = run_python(
        [
            "-m",
            "pyvisa",
            "shell",
            "-b",
            f"{echo_yaml}@sim",
            "--trace",
            str(first),
            "--keep-going",
            str(script),
        ],
        {},
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stderr  # the last command is wrong
    out = done.stdout.splitlines()
    assert f"Trace: on, to {first}" in out
    assert f"Trace: on, to {second}" in out
    assert "Trace: off" in out
    assert "Usage: trace on <file> | trace off | trace" in out
    assert "trace sideways" in done.stderr

    def outer(path: Path) -> list[str]:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [o["operation"] for o in map(json.loads, lines) if o["depth"] == 0]

    assert outer(first)[0] == "open" and outer(first)[-1] == "query"
    assert outer(second) == ["write"]


def test_shell_trace_option_with_an_unwritable_file(echo_yaml: Path) -> None:
    done = run_python(
        ["-m", "pyvisa", "shell", "-b", f"{echo_yaml}@sim", "--trace", "/dev/null/x", "-"],
        {},
        input="",
    )
    assert done.returncode == 1
    assert "Could not write the trace to '/dev/null/x'" in done.stderr


def test_console_command_in_process(tmp_path: Path) -> None:
    path = tmp_path / "console.jsonl"
    assert trace.console_command("") == "Trace: off"
    assert trace.console_command(f"on {path}") == f"Trace: on, to {path}"
    assert trace.console_command(" ") == f"Trace: on, to {path}"
    assert trace.console_command("on -") == "Trace: on, to the standard error"
    assert len(trace.active_tracers()) == 1
    assert trace.console_command("off") == "Trace: off"
    assert trace.console_command("off") == "Trace: off"
    with pytest.raises(errors.InvalidArgument):
        trace.console_command("on")
    assert trace.active_tracers() == ()
