"""``python -m pyvisa info`` and ``python -m pyvisa shell [-b BACKEND] [-v]``."""

from .cmd_line_tools import visa_main

if __name__ == "__main__":
    visa_main()
