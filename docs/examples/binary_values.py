# requires: numpy
import numpy as np

import pyvisa

rm = pyvisa.ResourceManager("instruments.yaml@sim")
scope = rm.open_resource(
    "TCPIP::192.168.0.20::INSTR", read_termination="\n", write_termination="\n"
)

# IEEE 488.2 block (#<digits><length><data>): four big-endian single precision floats.
print(scope.query_binary_values("CURV:IEEE?", datatype="f", is_big_endian=True))

# HP block (#A<length on 2 bytes><data>): two big-endian 16 bit integers.
print(scope.query_binary_values("CURV:HP?", datatype="h", is_big_endian=True, header_fmt="hp"))

# Rohde & Schwarz block (#(<length>)<data>): four unsigned bytes.
print(scope.query_binary_values("CURV:RS?", datatype="B", header_fmt="rs"))

# No header: the number of points must be given.
print(scope.query_binary_values("CURV:RAW?", datatype="B", header_fmt="empty", data_points=4))

# The data as bytes, or in a numpy array.
print(scope.query_binary_values("CURV:RS?", datatype="s", header_fmt="rs", container=bytes))
values = scope.query_binary_values(
    "CURV:IEEE?", datatype="f", is_big_endian=True, container=np.array
)
print(repr(values), values.dtype)

# Writing a block, then reading it back.
scope.write_binary_values("WAV:DATA ", [72, 105, 33], datatype="B")
print(scope.query("WAV:DATA?"))
print(scope.query_binary_values("WAV:DATA?", datatype="B"))

# When nothing fits: read everything and parse it yourself.
scope.write("CURV:RS?")
print(scope.read_raw())
rm.close()
