"""Load a Hafnia crosssim.json in the real CrossSim and run one AnalogCore matrix-vector product.

Usage: PYTHONPATH=../shared/clients/crosssim python3 crosssim_check.py crosssim.json OUT.json
Writes to OUT.json: the key paths of the file, of CrossSim's round trip from_json -> to_json and of
CrossSimParameters() (CrossSim's own parameter classes), the measured relative MVM error of the file
and of the same file with every device error disabled, and the error predicted from the file's
device error magnitudes.
"""
import json
import sys
import tempfile

import numpy as np
from simulator import AnalogCore, CrossSimParameters


def paths(node, prefix=""):
    if isinstance(node, dict):
        out = []
        for k, v in node.items():
            out += paths(v, prefix + k + ".")
        return out
    return [prefix[:-1]]


def round_trip(params):
    with tempfile.NamedTemporaryFile("r", suffix=".json") as f:
        params.to_json(f.name)
        return json.load(open(f.name))


def relative_error(params, W, x, repeats):
    core = AnalogCore(W, params)
    y = W @ x
    err = [np.linalg.norm(core @ x - y) ** 2 for _ in range(repeats)]
    return float(np.sqrt(np.mean(err)) / np.linalg.norm(y))


source, out = sys.argv[1], sys.argv[2]
doc = json.load(open(source))
params = CrossSimParameters.from_json(source)
result = {
    "file_keys": sorted(paths(doc)),
    "roundtrip_keys": sorted(paths(round_trip(params))),
    "default_keys": sorted(paths(round_trip(CrossSimParameters()))),
}

np.random.seed(1)  # CrossSim draws its errors from numpy's global generator
n, repeats = 256, 8
W = np.random.default_rng(0).uniform(-1, 1, (n, n))
x = np.ones(n)
result["error_rel"] = relative_error(params, W, x, repeats)

ideal = CrossSimParameters.from_json(source)
for block in ("read_noise", "programming_error"):
    getattr(ideal.xbar.device, block).enable = False
    getattr(ideal.xbar.device, block).model = "IdealDevice"
ideal.xbar.device.cell_bits = 0
result["ideal_error_rel"] = relative_error(ideal, W, x, 1)

# Prediction from the device blocks alone (one-sided balanced mapping, weights / max|W|):
# G+ = Gmin + Grange·max(w, 0), G- = Gmin + Grange·max(-w, 0) (conductance / Gmax), and each
# device's error variance = σ_prog² + (σ_read G)² + quantisation (Grange/(2^bits - 1))²/12 on the
# programmed side; the weight error is (ΔG+ - ΔG-)/Grange·max|W|.
dev = doc["xbar"]["device"]
gmin = dev["Rmin"] / dev["Rmax"]
grange = 1 - gmin
s_prog = dev["programming_error"]["magnitude"]
s_read = dev["read_noise"]["magnitude"]
levels = 2 ** dev["cell_bits"]
q2 = (grange / (levels - 1)) ** 2 / 12 if dev["cell_bits"] > 0 else 0.0
scale = np.abs(W).max()
w = W / scale
gp = gmin + grange * np.maximum(w, 0)
gn = gmin + grange * np.maximum(-w, 0)
var = 2 * s_prog ** 2 + s_read ** 2 * (gp ** 2 + gn ** 2) + q2
var_w = var * (scale / grange) ** 2
result["predicted_error_rel"] = float(np.sqrt(np.sum(var_w @ (x ** 2))) / np.linalg.norm(W @ x))
result["magnitudes"] = {"programming_error": s_prog, "read_noise": s_read, "cell_bits": dev["cell_bits"]}
json.dump(result, open(out, "w"), indent=1)
