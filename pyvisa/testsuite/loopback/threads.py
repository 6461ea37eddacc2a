"""The threads of the loopback servers: spawned and tracked, accept loops, a bounded stop."""

from __future__ import annotations

import select
import socket
import threading
import time
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

POLL = 0.2  # seconds between two checks of the stop event


class Closable(Protocol):
    def close(self) -> None: ...


P = TypeVar("P", bound=Closable)


class Workers(Generic[P]):
    """Threads of one server and the connections they serve.

    Parameters
    ----------
    stopping : threading.Event
        The server's stop event: accept loops end when it is set.

    """

    def __init__(self, stopping: threading.Event) -> None:
        self.stopping = stopping
        self._guard = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._peers: set[P] = set()

    def spawn(self, target: Callable[..., None], *args: object, name: str) -> None:
        """Start a daemon thread, remembered (with the dead ones dropped) for :meth:`join`."""
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        with self._guard:  # several accept threads spawn connection threads
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
        thread.start()

    def accept(
        self,
        listener: socket.socket,
        wrap: Callable[[socket.socket], P],
        serve: Callable[[P], None],
        label: str,
    ) -> None:
        """Accept connections until the stop event is set, each served in its own thread."""
        while not self.stopping.is_set():
            try:
                ready, _, _ = select.select([listener], [], [], POLL)
                if not ready:
                    continue
                sock, _ = listener.accept()
            except (OSError, ValueError):
                return
            peer = wrap(sock)
            with self._guard:
                self._peers.add(peer)
            self.spawn(serve, peer, name=f"loopback-{label}-connection")

    def forget(self, peer: P) -> None:
        """Drop a connection whose serving thread ended."""
        with self._guard:
            self._peers.discard(peer)

    def close_and_join(self, timeout: float) -> None:
        """Close the open connections and wait (at most ``timeout`` s) for the threads."""
        with self._guard:
            peers = list(self._peers)
            threads = list(self._threads)
        for peer in peers:
            peer.close()
        deadline = time.monotonic() + timeout
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join(max(deadline - time.monotonic(), 0))
