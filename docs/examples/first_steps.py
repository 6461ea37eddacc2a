import pyvisa

# The instruments of this documentation, described in instruments.yaml (next to this file).
rm = pyvisa.ResourceManager("instruments.yaml@sim")
print(rm.list_resources())

dmm = rm.open_resource("GPIB0::12::INSTR")
print(type(dmm).__name__)
dmm.read_termination = "\n"
dmm.write_termination = "\n"
print(dmm.query("*IDN?"))

# query() is write() followed by read().
dmm.write("MEAS:VOLT?")
print(dmm.read())

print(len(rm.list_opened_resources()))
dmm.close()
rm.close()
