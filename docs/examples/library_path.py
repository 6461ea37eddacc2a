# visa-library: reference (the documentation tests set LIBRARY to the reference library)
import pyvisa

LIBRARY = "/opt/vendor/lib64/libvisa.so"

rm = pyvisa.ResourceManager(LIBRARY)  # the ivi backend, with that library
print(rm)
print(rm.visalib.library_path)
print(rm.list_resources("GPIB?*::INSTR"))
