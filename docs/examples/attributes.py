import pyvisa
from pyvisa import constants
from pyvisa.resources import MessageBasedResource

rm = pyvisa.ResourceManager("instruments.yaml@sim")
dmm = rm.open_resource("ASRL1::INSTR")
print(type(dmm).__name__, dmm.resource_name)

# Python names of VISA attributes, with converted values...
print(dmm.timeout, dmm.baud_rate, dmm.data_bits, dmm.parity, dmm.stop_bits)
dmm.baud_rate = 57600
# ... the same attributes under their VISA names ...
print(dmm.VI_ATTR_ASRL_BAUD)
# ... and the raw VISA values, through the attribute ids.
print(dmm.get_visa_attribute(constants.VI_ATTR_TMO_VALUE))
dmm.set_visa_attribute(constants.VI_ATTR_TMO_VALUE, 1500)
print(dmm.timeout)

# What a resource class offers.
names = sorted(attr.py_name for attr in dmm.visa_attributes_classes if attr.py_name)
print(len(names), names[:5])

# Force the Python class of a resource.
inst = rm.open_resource("GPIB0::12::INSTR", resource_pyclass=MessageBasedResource)
print(type(inst).__name__)
inst.close()

# A closed resource has no session any more.
dmm.close()
try:
    dmm.session
except pyvisa.errors.InvalidSession as exc:
    print("InvalidSession:", exc)
rm.close()
