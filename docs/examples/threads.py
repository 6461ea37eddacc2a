import threading

import pyvisa

rm = pyvisa.ResourceManager("instruments.yaml@sim")
dmm = rm.open_resource("GPIB0::12::INSTR", read_termination="\n", write_termination="\n")
expected = {"*IDN?": "Example Instruments,DMM-100,SN0042,1.2.0", "MEAS:VOLT?": "+1.23450000E+00"}
mismatches = []


def worker(command):
    # Each query holds the resource's lock from its write to the end of its read,
    # so no other thread's message can slip in between.
    for _ in range(50):
        answer = dmm.query(command)
        if answer != expected[command]:
            mismatches.append((command, answer))


threads = [threading.Thread(target=worker, args=(cmd,)) for cmd in expected for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(len(threads) * 50, "queries,", len(mismatches), "mismatches")

# A sequence of operations that must not be interleaved: hold the lock yourself.
with dmm.io_lock:
    dmm.write("*IDN?")
    print(dmm.read())
rm.close()
