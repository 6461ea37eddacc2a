import pyvisa
from pyvisa import rname

# Parsing gives one object per kind of name, with every field filled in.
for name in (
    "GPIB::14",
    "gpib1::3::96::instr",
    "TCPIP::192.168.0.10::INSTR",
    "TCPIP0::192.168.0.10::5025::SOCKET",
    "USB::0x0957::0x1755::SN0007::INSTR",
    "ASRL/dev/ttyUSB0::INSTR",
    "PXI0::2-12.1::INSTR",
    "VXI::1::BACKPLANE",
):
    parsed = rname.parse_resource_name(name)
    print(f"{name:36} {type(parsed).__name__:13} {parsed}")

print(rname.parse_resource_name("TCPIP::10.0.0.1::hislip0::INSTR").lan_device_name)
print(rname.to_canonical_name("usb::0x0957::0x1755::SN0007::raw"))
try:
    rname.parse_resource_name("GPIB::INSTR")
except rname.InvalidResourceName as exc:
    print(exc)

# The resource manager resolves a name to its interface type and class.
rm = pyvisa.ResourceManager("instruments.yaml@sim")
info = rm.resource_info("GPIB::12")
print(info.interface_type, info.interface_board_number, info.resource_class, info.resource_name)

# Queries: "?" is any character, "*" repeats, [...] a set, | an alternative.
print(rm.list_resources())
print(rm.list_resources("?*"))
print(rm.list_resources("TCPIP?*"))
print(rm.list_resources("(GPIB|ASRL)?*INSTR"))
print(rm.list_resources("?*::192.168.0.[12]0::?*"))
# Attribute filters between braces, evaluated by rname.filter2 (a VISA library
# evaluates them itself inside list_resources; pyvisa-sim ignores them).
names = rm.list_resources("?*")
print(rname.filter2(names, "?*{VI_ATTR_INTF_TYPE == 1 || VI_ATTR_INTF_TYPE == 4}", rm.open_resource))
print(rname.filter2(names, 'TCPIP?*{VI_ATTR_TCPIP_ADDR == "192.168.0.20"}', rm.open_resource))
rm.close()
