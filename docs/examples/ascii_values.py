# requires: numpy
import numpy as np

import pyvisa

rm = pyvisa.ResourceManager("instruments.yaml@sim")
dmm = rm.open_resource("GPIB0::12::INSTR", read_termination="\n", write_termination="\n")

# Comma-separated decimal numbers become a list of floats.
print(dmm.query_ascii_values("READ:LIST?"))

# Any callable taking an iterable can hold the values: numpy arrays are built directly.
print(dmm.query_ascii_values("READ:LIST?", container=tuple))
print(repr(dmm.query_ascii_values("READ:LIST?", container=np.array)))

# Hexadecimal integers, through a format letter; or any callable.
print(dmm.query_ascii_values("READ:HEX?", converter="x"))
print(dmm.query_ascii_values("READ:HEX?", converter=lambda text: int(text, 16) * 2))

# Another separator.
print(dmm.query_ascii_values("READ:DOLLAR?", separator="$"))

# Writing: the message followed by the values, with a converter and a separator.
dmm.write_ascii_values("LIST ", [1, 2, 3])
print(dmm.query("LIST?"))
dmm.write_ascii_values("LIST ", [10, 31, 255], converter="x", separator="/")
print(dmm.query("LIST?"))
rm.close()
