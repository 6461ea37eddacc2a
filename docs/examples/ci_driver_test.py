"""Test a small instrument driver against a simulated instrument.

Run it with pytest (``pytest ci_driver_test.py``) or as a script.
"""

import pyvisa


class Multimeter:
    """The driver under test: a thin layer over a message-based resource."""

    def __init__(self, resource):
        self.resource = resource
        resource.read_termination = "\n"
        resource.write_termination = "\n"

    @property
    def identity(self):
        return self.resource.query("*IDN?").split(",")

    @property
    def voltage_range(self):
        return float(self.resource.query("VOLT:RANG?"))

    @voltage_range.setter
    def voltage_range(self, value):
        self.resource.write(f"VOLT:RANG {value:.1f}")

    def measure(self):
        return float(self.resource.query("MEAS:VOLT?"))


def open_multimeter():
    rm = pyvisa.ResourceManager("instruments.yaml@sim")
    return rm, Multimeter(rm.open_resource("TCPIP::192.168.0.10::INSTR"))


def test_identity():
    rm, dmm = open_multimeter()
    assert dmm.identity[1] == "DMM-100"
    rm.close()


def test_range_round_trip():
    rm, dmm = open_multimeter()
    dmm.voltage_range = 100
    assert dmm.voltage_range == 100.0
    rm.close()


def test_measure():
    rm, dmm = open_multimeter()
    assert dmm.measure() == 1.2345
    rm.close()


if __name__ == "__main__":
    for test in (test_identity, test_range_round_trip, test_measure):
        test()
        print(test.__name__, "passed")
