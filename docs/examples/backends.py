import os

import pyvisa

# A backend name after "@", optionally preceded by what the backend should load.
rm = pyvisa.ResourceManager("instruments.yaml@sim")
print(type(rm.visalib).__name__, rm.visalib.library_path)
rm.close()

# The environment variable PYVISA_LIBRARY is used when no argument is given.
os.environ["PYVISA_LIBRARY"] = "instruments.yaml@sim"
rm = pyvisa.ResourceManager()
print(type(rm.visalib).__name__, rm.visalib.library_path)
rm.close()
del os.environ["PYVISA_LIBRARY"]

# A library object can be passed directly, e.g. the one of another manager.
lib = pyvisa.highlevel.open_visa_library("instruments.yaml@sim")
rm = pyvisa.ResourceManager(lib)
print(rm.visalib is lib)
rm.close()
