"""Names and signatures of PyVISA 1.16.2's ``pyvisa.ctwrapper`` package."""

from __future__ import annotations

import ctypes
import inspect

from pyvisa.ctwrapper import cthelper, functions, highlevel, types


def test_cthelper() -> None:
    assert cthelper.__all__ == ["FUNCTYPE", "Library", "find_library"]
    assert cthelper.FUNCTYPE in (ctypes.CFUNCTYPE, getattr(ctypes, "WINFUNCTYPE", None))
    assert issubclass(cthelper.Library, ctypes.CDLL)
    assert callable(cthelper.define_find_libary())
    assert cthelper.find_library("surely-not-a-library-name-xyz") is None


def test_string_and_object_types() -> None:
    assert types.ViString.from_param("abc") == b"abc"
    assert types.ViString.from_param(b"x") == b"x"
    assert types.ViBuf is types.ViString and types.ViRsrc is types.ViString
    assert types.ViARsrc is types.ViAString
    array = types.ViAString.from_param(["a", b"b"])
    assert [array[0], array[1]] == [b"a", b"b"]
    assert issubclass(types.ViObject, ctypes.c_uint)
    assert types.ViSession is types.ViObject and types.ViEvent is types.ViObject
    assert types.ViObject.from_param(None).value == 0
    assert types.ViPEvent is types.LP_ViObject
    assert types.ViPAttrState is types.LP_c_ulong or not types.is_64bit
    assert types.ViBusSize64 is types.ViUInt64
    assert types.ViConstString is ctypes.POINTER(ctypes.c_char)
    assert types.FUNCTYPE is cthelper.FUNCTYPE
    buf = ctypes.create_string_buffer(b"text\0rest")
    assert types.buffer_to_text(buf) == "text"


def test_functions_module() -> None:
    assert functions.VI_SPEC_VERSION == 3145728
    assert len(functions.visa_functions) == 73
    assert "_find_next" in functions.__all__ and "set_signatures" in functions.__all__
    for name in functions.__all__:
        assert hasattr(functions, name), name
    sig = inspect.signature(functions.map_address)
    assert "extended" not in sig.parameters
    assert inspect.signature(functions.map_trigger).parameters["mode"].default is inspect._empty
    assert inspect.signature(functions.usb_control_out).parameters["data"].default == ""
    lock = functions.ViHndlr_lock
    assert lock.acquire(blocking=False)
    lock.release()


def test_set_signature_on_a_stand_in() -> None:
    class _Func:
        argtypes: object = None
        restype: object = None

    class _Lib:
        viClose = _Func()

    lib = _Lib()
    functions.set_signatures(lib, errcheck=lambda r, f, a: r)
    assert lib.viClose.argtypes == [ctypes.c_uint32]
    assert lib.viClose.restype is ctypes.c_int32
    assert callable(lib.viClose.errcheck)  # type: ignore[attr-defined]


def test_highlevel_module() -> None:
    assert highlevel.unique([3, 1, 3, 2, 1]) == [3, 1, 2]
    assert isinstance(
        inspect.getattr_static(highlevel.IVIVisaLibrary, "get_debug_info"), classmethod
    )

    class Other(highlevel.VisaLibraryBase):
        pass

    assert highlevel.add_visa_methods(Other) is Other
    assert Other._find_resources is functions._find_resources  # type: ignore[attr-defined]
    assert highlevel.logger.extra == {"backend": "ivi"}
    assert highlevel.IVIVisaLibrary.read_asynchronously is functions.read_asynchronously
