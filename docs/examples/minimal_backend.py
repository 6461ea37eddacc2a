"""A complete, minimal backend: one simulated instrument that answers ``*IDN?``
and repeats any other message back in upper case."""

from pyvisa import ResourceManager, constants, errors, rname
from pyvisa.constants import StatusCode
from pyvisa.highlevel import VisaLibraryBase


class EchoLibrary(VisaLibraryBase):
    """A VISA library with one resource, ASRL7::INSTR."""

    RESOURCES = ("ASRL7::INSTR",)

    @staticmethod
    def get_library_paths():
        # Nothing to find on disk: the library is this Python class.
        return ("unset",)

    @staticmethod
    def get_debug_info():
        return {"Version": "1.0 (documentation example)"}

    def _init(self):
        # Called once per library object: the backend's own state.
        self.sessions = {}  # session -> dict of attribute values
        self.answers = {}  # session -> bytes waiting to be read
        self.next_session = 1

    def _new_session(self, attributes):
        session = self.next_session
        self.next_session += 1
        self.sessions[session] = attributes
        return session

    # The four operations every backend needs.
    def open_default_resource_manager(self):
        return self._new_session({}), StatusCode.success

    def list_resources(self, session, query="?*::INSTR"):
        return rname.filter(self.RESOURCES, query)

    def open(self, session, resource_name, access_mode=constants.AccessModes.no_lock,
             open_timeout=constants.VI_TMO_IMMEDIATE):
        name = rname.to_canonical_name(resource_name)
        if name not in self.RESOURCES:
            return self.handle_return_value(None, StatusCode.error_resource_not_found)
        attributes = {
            constants.ResourceAttribute.resource_name: name,
            constants.ResourceAttribute.timeout_value: 2000,
        }
        new_session = self._new_session(attributes)
        self.answers[new_session] = b""
        return new_session, StatusCode.success

    def close(self, session):
        if self.sessions.pop(session, None) is None:
            return self.handle_return_value(session, StatusCode.error_invalid_object)
        self.answers.pop(session, None)
        return StatusCode.success

    # Closing a resource switches its events off: two operations with nothing to do here.
    def disable_event(self, session, event_type, mechanism):
        return StatusCode.success

    def discard_events(self, session, event_type, mechanism):
        return StatusCode.success

    # Attributes: what the resource classes read and write.
    def get_attribute(self, session, attribute):
        try:
            return self.sessions[session][attribute], StatusCode.success
        except KeyError:
            raise errors.VisaIOError(StatusCode.error_nonsupported_attribute) from None

    def set_attribute(self, session, attribute, attribute_state):
        self.sessions[session][attribute] = attribute_state
        return StatusCode.success

    # Messages: what MessageBasedResource.write and read call.
    def write(self, session, data):
        message = bytes(data).rstrip(b"\n")
        if message == b"*IDN?":
            answer = b"Echo Instruments,ECHO-1,0,1.0"
        else:
            answer = message.upper()
        self.answers[session] = answer + b"\n"
        return len(data), StatusCode.success

    def read(self, session, count):
        pending = self.answers[session]
        data, self.answers[session] = pending[:count], pending[count:]
        if not data:
            raise errors.VisaIOError(StatusCode.error_timeout)
        # success: the message is complete; success_max_count_read: more to come.
        if self.answers[session]:
            return data, StatusCode.success_max_count_read
        return data, StatusCode.success


rm = ResourceManager(EchoLibrary("echo"))
print(rm.list_resources())
with rm.open_resource("ASRL7::INSTR", read_termination="\n", write_termination="\n") as inst:
    print(type(inst).__name__, inst.resource_name)
    print(inst.query("*IDN?"))
    print(inst.query("hello"))
    print(inst.timeout)
rm.close()
