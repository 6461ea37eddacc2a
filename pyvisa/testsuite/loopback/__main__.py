"""Run the loopback instrument by hand: ``python -m pyvisa.testsuite.loopback``."""

from __future__ import annotations

import argparse
import logging
import sys

from .server import LoopbackServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pyvisa.testsuite.loopback",
        description=(
            "Serve the PyVISA loopback test instrument over raw TCP sockets and HiSLIP. "
            "See the docstring of pyvisa.testsuite.loopback for its command set."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--socket-port", type=int, default=0, help="raw socket port (0: free)")
    parser.add_argument("--hislip-port", type=int, default=0, help="HiSLIP port (0: free)")
    parser.add_argument(
        "--lifetime", type=float, default=600.0, help="seconds before stopping (default 600)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log the connections")
    args = parser.parse_args(argv)
    if args.verbose:
        logging.basicConfig(level=logging.DEBUG)
    server = LoopbackServer(args.host, args.socket_port, args.hislip_port, args.lifetime)
    server.start()
    for address in server.addresses.values():
        print(address, flush=True)
    try:
        server.stopping.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
