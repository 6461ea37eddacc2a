# visa-library: reference (the documentation tests set LIBRARY to the reference library)
from pyvisa import ResourceManager, constants, errors
from pyvisa.testsuite.reference_visa import load_hooks

LIBRARY = "/usr/lib/x86_64-linux-gnu/libvisa.so"  # the VISA library of your vendor

rm = ResourceManager(LIBRARY)
with rm.open_resource("GPIB0::1::INSTR") as inst:
    inst.write("*ESE 1;*SRE 32;INIT;*OPC")
    # Stand-in for the instrument: the reference library raises the request in 100 ms.
    load_hooks(rm.visalib.lib).refvisa_raise_srq(inst.session, 100)
    # wait_for_srq enables the event queue, waits until the status byte of this
    # instrument has its request bit (reading it clears the bit), and disables the queue.
    inst.wait_for_srq(timeout=5000)
    print("service requested; status byte now:", inst.read_stb())

    try:
        inst.wait_for_srq(timeout=200)
    except errors.VisaIOError as error:
        print(error.error_code == constants.StatusCode.error_timeout, error.abbreviation)
