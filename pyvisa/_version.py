"""The version of the installed distribution, read from its metadata when first asked for."""

import functools


@functools.cache
def package_version() -> str:
    """Version of the ``PyVISA`` distribution, ``"unknown"`` when it is not installed.

    ``importlib.metadata`` is imported here only, on first call, so that importing the
    package never pays for it.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("PyVISA")
    except PackageNotFoundError:
        return "unknown"
