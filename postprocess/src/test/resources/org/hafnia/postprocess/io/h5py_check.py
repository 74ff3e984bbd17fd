"""Read an HDF5 file with h5py as a user would; print what a user sees, as JSON.

Usage: python3 h5py_check.py FILE.h5 OUT.json
OUT.json: every dataset lacking a 'unit', every numeric attribute lacking NAME_unit, every
string attribute that is not valid text in the encoding its HDF5 type records, the type h5py
returns for string attributes, the encodings and storage (fixed or variable length) h5py reports
for them (h5py.check_string_dtype), and each attribute decoded to text (or to a list of numbers),
as the guides tell a user to: bytes decoded with the encoding the file records.
"""
import json
import sys

import h5py
import numpy as np


def text(obj, key):
    """The documented recipe (docs/real-clients.md): h5py returns a fixed-length string as bytes."""
    v = obj.attrs[key]
    info = h5py.check_string_dtype(obj.attrs.get_id(key).dtype)
    if isinstance(v, (bytes, np.bytes_)):
        return v.decode(info.encoding)
    return str(v)


def numeric(v):
    return isinstance(v, (int, float, np.number)) or (isinstance(v, np.ndarray) and v.dtype.kind in "iuf")


result = {"missing_unit": [], "missing_attribute_unit": [], "not_utf8": [], "string_types": [], "string_encodings": [],
          "string_storage": [], "attributes": {}, "shapes": {}}


def check(name, obj):
    path = "/" + name if name else "/"
    if isinstance(obj, h5py.Dataset):
        result["shapes"][path] = list(obj.shape)
        if "unit" not in obj.attrs:
            result["missing_unit"].append(path)
    for key, value in obj.attrs.items():
        if numeric(value):
            if key + "_unit" not in obj.attrs:
                result["missing_attribute_unit"].append(path + "@" + key)
            result["attributes"][path + "@" + key] = np.atleast_1d(value).tolist()
        else:
            result["string_types"].append(type(value).__name__)
            info = h5py.check_string_dtype(obj.attrs.get_id(key).dtype)
            result["string_encodings"].append(info.encoding)
            result["string_storage"].append("variable" if info.length is None else "fixed")
            try:
                result["attributes"][path + "@" + key] = text(obj, key)
            except UnicodeDecodeError:
                result["not_utf8"].append(path + "@" + key)


with h5py.File(sys.argv[1], "r") as f:
    check("", f)
    f.visititems(check)
for k in ("string_types", "string_encodings", "string_storage"):
    result[k] = sorted(set(result[k]))
json.dump(result, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
