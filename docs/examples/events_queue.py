# visa-library: reference (the documentation tests set LIBRARY to the reference library)
from pyvisa import ResourceManager, constants
from pyvisa.testsuite.reference_visa import load_hooks

LIBRARY = "/usr/lib/x86_64-linux-gnu/libvisa.so"  # the VISA library of your vendor

rm = ResourceManager(LIBRARY)
with rm.open_resource("TCPIP0::192.168.0.10::inst0::INSTR") as inst:
    event_type = constants.EventType.service_request
    mechanism = constants.EventMechanism.queue
    inst.enable_event(event_type, mechanism)

    # Ask the instrument to request service when the operation completes (*ESE 1: the
    # operation-complete bit sets the standard event bit; *SRE 32: that bit requests service).
    inst.write("*ESE 1;*SRE 32;INIT;*OPC")
    # The instrument of the reference library does not measure anything: its test hook
    # raises the service request, 100 ms from now, as a real instrument would.
    load_hooks(rm.visalib.lib).refvisa_raise_srq(inst.session, 100)

    response = inst.wait_on_event(event_type, 5000)  # wait at most 5000 ms
    print(response.event.event_type.name, "timed out:", response.timed_out)
    print("status byte:", inst.read_stb())  # bit 6 (64) is the request for service
    response.close()  # the event's context: close it once its attributes are read

    # No other request comes: with capture_timeout=True a timeout is an answer, not an error.
    response = inst.wait_on_event(event_type, 200, capture_timeout=True)
    print("timed out:", response.timed_out)

    inst.discard_events(event_type, mechanism)
    inst.disable_event(event_type, mechanism)
