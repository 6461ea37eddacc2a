import pyvisa
from pyvisa import util


class Progress:
    """Any object with an update(size) method can follow a transfer."""

    def __init__(self, total):
        self.total = total
        self.received = 0

    def update(self, size):
        self.received += size
        print(f"{self.received:5d} / {self.total} bytes")


rm = pyvisa.ResourceManager("instruments.yaml@sim")
scope = rm.open_resource(
    "TCPIP::192.168.0.20::INSTR", read_termination="\n", write_termination="\n"
)
progress = Progress(util.message_size(1000, "B", "ieee"))
values = scope.query_binary_values(
    "CURV:LONG?", datatype="B", chunk_size=256, monitoring_interface=progress
)
print(bytes(values[:10]))
rm.close()
