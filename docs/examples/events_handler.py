# visa-library: reference (the documentation tests set LIBRARY to the reference library)
import threading

from pyvisa import ResourceManager, constants
from pyvisa.testsuite.reference_visa import load_hooks

LIBRARY = "/usr/lib/x86_64-linux-gnu/libvisa.so"  # the VISA library of your vendor

done = threading.Event()


def on_event(resource, event, user_handle):
    # Runs in a thread of the VISA library, as soon as the event occurs.
    print(f"{event.event_type.name} on {resource.resource_name}, user handle {user_handle.value}")
    print("status byte:", resource.read_stb())
    done.set()


rm = ResourceManager(LIBRARY)
with rm.open_resource("TCPIP0::192.168.0.10::inst0::INSTR") as inst:
    event_type = constants.EventType.service_request
    wrapped = inst.wrap_handler(on_event)
    user_handle = inst.install_handler(event_type, wrapped, 42)
    print("installed, user handle", user_handle)
    inst.enable_event(event_type, constants.EventMechanism.handler)

    inst.write("*ESE 1;*SRE 32;INIT;*OPC")
    # Stand-in for the instrument: the reference library raises the request in 100 ms.
    load_hooks(rm.visalib.lib).refvisa_raise_srq(inst.session, 100)
    print("handler called:", done.wait(10))

    inst.disable_event(event_type, constants.EventMechanism.handler)
    inst.uninstall_handler(event_type, wrapped, user_handle)
