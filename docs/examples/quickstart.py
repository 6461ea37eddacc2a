import pyvisa

# "@sim" selects pyvisa-sim and its built-in example instruments: no hardware needed.
rm = pyvisa.ResourceManager("@sim")
print(rm.list_resources("TCPIP?*"))

inst = rm.open_resource(
    "TCPIP::localhost:2222::INSTR", read_termination="\n", write_termination="\n"
)
print(inst)
print(inst.query("*IDN?"))
rm.close()
