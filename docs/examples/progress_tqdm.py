# requires: tqdm
from tqdm import tqdm

import pyvisa
from pyvisa import util

rm = pyvisa.ResourceManager("instruments.yaml@sim")
scope = rm.open_resource(
    "TCPIP::192.168.0.20::INSTR", read_termination="\n", write_termination="\n"
)

# The bar counts bytes: header, data and termination character.
total = util.message_size(num_points=1000, datatype="B", header_format="ieee")
with tqdm(desc="Downloading", unit="B", total=total) as bar:
    scope.write("CURV:LONG?")
    values = scope.read_binary_values(datatype="B", chunk_size=256, monitoring_interface=bar)
    received = bar.n

print(len(values), received, total)
rm.close()
