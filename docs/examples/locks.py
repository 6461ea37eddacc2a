# visa-library: reference (the documentation tests set LIBRARY to the reference library)
from pyvisa import ResourceManager, constants, errors

LIBRARY = "/usr/lib/x86_64-linux-gnu/libvisa.so"  # the VISA library of your vendor

rm = ResourceManager(LIBRARY)
# Two sessions on the same instrument, as two programs would have.
inst = rm.open_resource("GPIB0::1::INSTR")
other = rm.open_resource("GPIB0::1::INSTR")

with inst.lock_context():  # exclusive, for this block
    print("locked:", inst.lock_state.name)
    try:
        other.write("*RST")  # refused at once
    except errors.VisaIOError as error:
        print("other session:", error.abbreviation)
    try:
        other.lock_excl(timeout=200)  # waits 200 ms for the lock, in vain
    except errors.VisaIOError as error:
        print("other lock:", error.abbreviation)
print("after the block:", inst.lock_state.name)

# A shared lock: the sessions that lock with the same key have access.
key = inst.lock(timeout=5000, requested_key="calibration")
print("key:", key)
other.lock(requested_key=key)
other.write("*RST")  # accepted now
print("other session: write accepted")
other.unlock()
inst.unlock()

# Locking while opening: the lock is taken before anything else can use the session.
locked = rm.open_resource("GPIB0::1::INSTR", access_mode=constants.AccessModes.exclusive_lock)
print("opened:", locked.lock_state.name)
try:
    rm.open_resource("GPIB0::1::INSTR", access_mode=constants.AccessModes.exclusive_lock)
except errors.VisaIOError as error:
    print("second exclusive open:", error.abbreviation)
locked.close()
rm.close()
