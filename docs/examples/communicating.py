import pyvisa

rm = pyvisa.ResourceManager("instruments.yaml@sim")

# Options given to open_resource are set on the resource right after it is opened.
dmm = rm.open_resource(
    "TCPIP::192.168.0.10::INSTR",
    read_termination="\n",
    write_termination="\n",
    timeout=5000,
)
print(repr(dmm.read_termination), repr(dmm.write_termination))
print(dmm.query("*IDN?"))

# Timeouts are in milliseconds; None (or del) means wait forever.
print(dmm.timeout)
dmm.timeout = 2500
print(dmm.timeout)
del dmm.timeout
print(dmm.timeout)
dmm.timeout = 2000

# Chunk size: how many bytes each low-level read asks for.
print(dmm.chunk_size)
dmm.chunk_size = 4
print(dmm.query("*IDN?"))
dmm.chunk_size = 20 * 1024

# A pause between the write and the read of every query (seconds), or for one query.
dmm.query_delay = 0.01
print(dmm.query("MEAS:VOLT?"))
print(dmm.query("MEAS:VOLT?", delay=0.0))

# Messages are encoded and decoded with the resource's encoding (ASCII by default).
print(dmm.encoding)
dmm.encoding = "latin-1"

# Read raw bytes, with the termination character kept.
dmm.write("*IDN?")
print(dmm.read_raw())

# Read an exact number of bytes: here the first 7, then the rest of the message.
dmm.write("*IDN?")
print(dmm.read_bytes(7))
print(dmm.read())

# A different read termination, for a few reads only.
with dmm.read_termination_context(","):
    dmm.write("*IDN?")
    print(dmm.read())
print(repr(dmm.read_termination))
rm.close()
