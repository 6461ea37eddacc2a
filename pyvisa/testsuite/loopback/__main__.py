"""Run the loopback instrument by hand: ``python -m pyvisa.testsuite.loopback``."""

from __future__ import annotations

import argparse
import logging
import sys

from .server import LoopbackServer
from .vxi11 import VXI11Server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pyvisa.testsuite.loopback",
        description=(
            "Serve the PyVISA loopback test instrument over raw TCP sockets and HiSLIP "
            "(and VXI-11 with --vxi11). See the docstring of pyvisa.testsuite.loopback for "
            "its command set."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--socket-port", type=int, default=0, help="raw socket port (0: free)")
    parser.add_argument("--hislip-port", type=int, default=0, help="HiSLIP port (0: free)")
    parser.add_argument(
        "--vxi11",
        action="store_true",
        help="also serve VXI-11 (portmapper, core and abort channels); the portmapper "
        "port 111 needs root and no other portmapper (rpcbind) on the host: run in a "
        "private network namespace (unshare --net) or pick another --portmapper-port",
    )
    parser.add_argument(
        "--portmapper-port",
        type=int,
        default=111,
        help="VXI-11 portmapper port, TCP and UDP (default 111; 0: free; -1: none, the "
        "resource name then holds the core port)",
    )
    parser.add_argument("--vxi11-port", type=int, default=0, help="VXI-11 core port (0: free)")
    parser.add_argument(
        "--vxi11-abort-port", type=int, default=0, help="VXI-11 abort port (0: free)"
    )
    parser.add_argument(
        "--vxi11-max-recv-size",
        type=int,
        default=4096,
        help="largest device_write accepted, announced by create_link (default 4096)",
    )
    parser.add_argument(
        "--lifetime", type=float, default=600.0, help="seconds before stopping (default 600)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log the connections")
    args = parser.parse_args(argv)
    if args.verbose:
        logging.basicConfig(level=logging.DEBUG)
    vxi11: VXI11Server | None = None
    if args.vxi11:
        vxi11 = VXI11Server(
            args.host,
            None if args.portmapper_port < 0 else args.portmapper_port,
            args.vxi11_port,
            args.vxi11_abort_port,
            args.lifetime,
            args.vxi11_max_recv_size,
        )
        try:
            vxi11.start()
        except OSError as exc:
            print(
                f"cannot serve VXI-11 (portmapper port {args.portmapper_port}): {exc}; "
                "port 111 needs root and must be free (a host rpcbind holds it): run in "
                "a private network namespace (unshare --net) or pass --portmapper-port 0",
                file=sys.stderr,
            )
            return 1
    server = LoopbackServer(args.host, args.socket_port, args.hislip_port, args.lifetime)
    server.start()
    for address in server.addresses.values():
        print(address, flush=True)
    if vxi11 is not None:
        print(vxi11.address, flush=True)
        if vxi11.portmapper_port not in (None, 111):
            print(f"(portmapper on port {vxi11.portmapper_port})", flush=True)
    try:
        server.stopping.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        if vxi11 is not None:
            vxi11.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
