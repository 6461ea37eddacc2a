"""Place of the third-party code that PyVISA vendors.

This package vendors nothing: the subpackage exists because ``pyvisa.thirdparty`` is part of
the PyVISA namespace.
"""
