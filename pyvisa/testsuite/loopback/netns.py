"""Run test code in a private network namespace (Linux, root; standard library only).

The VXI-11 portmapper must listen on port 111, which only root can bind and which a host
``rpcbind`` may already use. A child process entering a new network namespace (what
``unshare --net`` does) has a loopback interface of its own, where both the server and the
client of a test can use port 111 without touching the host.

:class:`NamespaceAgent` is the parent side: it starts ``python -m
pyvisa.testsuite.loopback.netns <module> <setup>``, whose child side

1. calls ``unshare(CLONE_NEWNET)`` and brings its ``lo`` interface up
   (:func:`enter_private_network`);
2. imports ``<module>`` and calls its function ``<setup>()``, which returns a context
   (for instance a started server);
3. answers requests read on its standard input, one JSON object a line: ``{"call": name,
   "timeout": seconds}`` runs ``<module>.<name>(context)`` and writes one JSON line
   (after the :data:`MARK` prefix) on its standard output: ``{"ok": true, "result": ...}``,
   ``{"ok": false, "error": "<traceback>"}`` or ``{"ok": false, "skipped": "<reason>"}``.

Every wait is bounded: a call longer than its timeout makes the child dump its threads'
tracebacks and exit (``faulthandler``), and the parent kills it a little later anyway; the
child also leaves when its standard input closes.
"""

from __future__ import annotations

import ctypes
import fcntl
import json
import os
import select
import socket
import struct
import subprocess
import sys
import tempfile
import time
import traceback
from typing import Any

__all__ = [
    "MARK",
    "AgentError",
    "NamespaceAgent",
    "NamespaceUnavailable",
    "enter_private_network",
    "private_network_problem",
]

#: Prefix of the lines of the child's standard output carrying a JSON answer.
MARK = b"@@pyvisa-netns-agent@@ "

_CLONE_NEWNET = 0x4000_0000
_SIOCGIFFLAGS = 0x8913
_SIOCSIFFLAGS = 0x8914
_IFF_UP = 0x1
_STARTUP_TIMEOUT = 30.0
_KILL_MARGIN = 5.0  # seconds granted to the child beyond the timeout of a call


class NamespaceUnavailable(Exception):
    """A private network namespace cannot be created here (the reason is the message)."""


class AgentError(Exception):
    """The child died, timed out or answered something unexpected."""


def private_network_problem() -> str | None:
    """Why this process cannot make a private network namespace, or None if it may.

    Only what can be checked without trying: the platform and the user. Whether
    ``unshare(CLONE_NEWNET)`` really works (containers may forbid it) is known when the
    child tries it.
    """
    if not sys.platform.startswith("linux"):
        return f"network namespaces (unshare --net) are Linux only, this is {sys.platform}"
    if os.geteuid() != 0:
        return (
            "root is needed to create a private network namespace (unshare --net) and to "
            f"bind the portmapper port 111 in it; running as uid {os.geteuid()}"
        )
    return None


def enter_private_network() -> None:
    """Move the calling thread (and the threads it starts next) to a new network namespace.

    The namespace only has a loopback interface, brought up here.

    Raises
    ------
    NamespaceUnavailable
        ``unshare(CLONE_NEWNET)`` or bringing ``lo`` up failed.

    """
    problem = private_network_problem()
    if problem is not None:
        raise NamespaceUnavailable(problem)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(_CLONE_NEWNET) != 0:
        errno = ctypes.get_errno()
        raise NamespaceUnavailable(
            f"unshare(CLONE_NEWNET) (unshare --net) failed: [Errno {errno}] {os.strerror(errno)}"
        )
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            request = struct.pack("16sH14x", b"lo", 0)
            flags = struct.unpack("16sH14x", fcntl.ioctl(sock, _SIOCGIFFLAGS, request))[1]
            fcntl.ioctl(sock, _SIOCSIFFLAGS, struct.pack("16sH14x", b"lo", flags | _IFF_UP))
    except OSError as exc:
        raise NamespaceUnavailable(f"cannot bring lo up in the new namespace: {exc}") from exc


class NamespaceAgent:
    """Parent side of a child process running functions in a private network namespace.

    Parameters
    ----------
    module : str
        Module imported by the child (it holds the setup function and the calls).
    setup : str
        Name of the function of ``module`` making the context given to every call.
    python : str
        Interpreter of the child.

    """

    def __init__(self, module: str, setup: str, python: str = sys.executable) -> None:
        self.command = [python, "-m", "pyvisa.testsuite.loopback.netns", module, setup]
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: Any = None
        self._buffer = b""
        self.ready: dict[str, Any] = {}

    # -- lifecycle -----------------------------------------------------------------------

    def start(self, timeout: float = _STARTUP_TIMEOUT) -> NamespaceAgent:
        """Start the child and wait for its setup.

        Raises
        ------
        NamespaceUnavailable
            The child could not make the namespace (or bind what it needs in it).
        AgentError
            The child failed otherwise.

        """
        self._buffer = b""
        self._stderr = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            self.command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            cwd=os.getcwd(),
        )
        answer = self._answer(time.monotonic() + timeout)
        if not answer.get("ok"):
            self.close()
            if answer.get("unavailable"):
                raise NamespaceUnavailable(answer["unavailable"])
            raise AgentError(f"the child setup failed:\n{answer.get('error')}")
        self.ready = answer.get("result") or {}
        return self

    def close(self, timeout: float = 5.0) -> None:
        """Ask the child to leave (its standard input closes), kill it if it lingers."""
        process = self._process
        if process is None:
            return
        self._process = None
        try:
            if process.stdin is not None:
                process.stdin.close()
        except OSError:
            pass
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)
        if process.stdout is not None:
            process.stdout.close()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def __enter__(self) -> NamespaceAgent:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    # -- calls ---------------------------------------------------------------------------

    def call(self, name: str, timeout: float = 30.0) -> dict[str, Any]:
        """Run ``<module>.<name>(context)`` in the child; return its JSON answer.

        Raises
        ------
        AgentError
            The child is gone, or did not answer within ``timeout`` (it is then killed,
            and the error holds the end of its standard error: the tracebacks of its
            threads when it was stuck).

        """
        process = self._process
        if process is None or process.poll() is not None:
            raise AgentError("the namespace child is not running" + self._stderr_tail())
        assert process.stdin is not None
        request = json.dumps({"call": name, "timeout": timeout}).encode() + b"\n"
        try:
            process.stdin.write(request)
            process.stdin.flush()
        except OSError as exc:
            raise AgentError(f"cannot talk to the child: {exc}" + self._stderr_tail()) from exc
        try:
            return self._answer(time.monotonic() + timeout + _KILL_MARGIN)
        except AgentError:
            tail = self._stderr_tail()
            self._kill()
            raise AgentError(f"no answer to {name!r} within {timeout} s{tail}") from None

    def _answer(self, deadline: float) -> dict[str, Any]:
        process = self._process
        assert process is not None and process.stdout is not None
        descriptor = process.stdout.fileno()
        while True:
            while b"\n" in self._buffer:
                line, self._buffer = self._buffer.split(b"\n", 1)
                if line.startswith(MARK):
                    return json.loads(line[len(MARK) :])
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AgentError("timeout")
            ready, _, _ = select.select([descriptor], [], [], min(remaining, 1.0))
            if ready:
                chunk = os.read(descriptor, 1 << 16)
                if not chunk:
                    process.wait(5)
                    raise AgentError(
                        f"the child exited (status {process.returncode})" + self._stderr_tail()
                    )
                self._buffer += chunk

    def _kill(self) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(5)
        self.close()

    def _stderr_tail(self, size: int = 6000) -> str:
        if self._stderr is None:
            return ""
        try:
            self._stderr.seek(0, os.SEEK_END)
            end = self._stderr.tell()
            self._stderr.seek(max(end - size, 0))
            text = self._stderr.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""
        return f"\n--- standard error of the child (end) ---\n{text}" if text else ""


# -- child side ---------------------------------------------------------------------------------


def _send(answer: dict[str, Any]) -> None:
    sys.stdout.buffer.write(MARK + json.dumps(answer, default=repr).encode() + b"\n")
    sys.stdout.buffer.flush()


def _run_call(function: Any, context: Any) -> dict[str, Any]:
    try:
        return {"ok": True, "result": function(context)}
    except BaseException as exc:  # reported to the parent
        skip = _skip_reason(exc)
        if skip is not None:
            return {"ok": False, "skipped": skip}
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        return {"ok": False, "error": traceback.format_exc()}


def _skip_reason(exc: BaseException) -> str | None:
    """The reason of a ``pytest.skip`` (without importing pytest when it is not loaded)."""
    pytest = sys.modules.get("pytest")
    if pytest is not None and isinstance(exc, pytest.skip.Exception):
        return str(exc.msg if hasattr(exc, "msg") else exc)
    return None


def _child_main(argv: list[str]) -> int:
    import faulthandler
    import importlib

    module_name, setup_name = argv
    try:
        enter_private_network()
    except NamespaceUnavailable as exc:
        _send({"ok": False, "unavailable": str(exc)})
        return 0
    faulthandler.enable()
    try:
        module = importlib.import_module(module_name)
        context = getattr(module, setup_name)()
    except OSError as exc:
        # Binding port 111 can still be forbidden (no CAP_NET_BIND_SERVICE, seccomp...).
        _send({"ok": False, "unavailable": f"setup in the namespace failed: {exc}"})
        return 0
    except BaseException:
        _send({"ok": False, "error": traceback.format_exc()})
        return 1
    describe = getattr(context, "describe", None)
    _send({"ok": True, "result": describe() if callable(describe) else None})
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        request = json.loads(line)
        function = getattr(module, request["call"], None)
        if function is None:
            _send({"ok": False, "error": f"{module_name} has no {request['call']!r}"})
            continue
        faulthandler.dump_traceback_later(float(request["timeout"]), exit=True)
        try:
            answer = _run_call(function, context)
        finally:
            faulthandler.cancel_dump_traceback_later()
        _send(answer)
    close = getattr(context, "close", None)
    if callable(close):
        close()
    return 0


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]))
