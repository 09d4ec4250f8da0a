"""PIL's own resize outputs on a small seeded image: the fixture the TypeScript resampler is tested against.

Run: /usr/bin/python3 scripts/reference/resize_fixtures.py  (Debian: apt-get install python3-pil python3-numpy)
Writes src/runtime/preprocess/fixtures/pil-resize.json. npm test does not need Python: the JSON is committed.
"""
import base64
import json
import pathlib

import numpy as np
import PIL
from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "src/runtime/preprocess/fixtures/pil-resize.json"

# Noise on top of a gradient: smooth areas and hard edges, so overshoot (bicubic, lanczos) hits the 0/255 clamp.
rng = np.random.default_rng(15)
h, w = 23, 31
yy, xx = np.mgrid[0:h, 0:w]
base = np.stack([xx * 255 / (w - 1), yy * 255 / (h - 1), (xx + yy) * 255 / (w + h - 2)], axis=-1)
noise = rng.integers(-90, 90, size=(h, w, 3))
pixels = np.clip(base + noise * (rng.random((h, w, 1)) < 0.3), 0, 255).astype(np.uint8)
src = Image.fromarray(pixels, "RGB")

SIZES = [(9, 7), (16, 16), (40, 30), (40, 11), (20, 41), (3, 2)]
FILTERS = {0: "nearest", 1: "lanczos", 2: "bilinear", 3: "bicubic", 4: "box", 5: "hamming"}
cases = []
for code, name in FILTERS.items():
    for (ow, oh) in SIZES:
        out = np.asarray(src.resize((ow, oh), resample=code, reducing_gap=None))
        cases.append({"filter": code, "name": name, "width": ow, "height": oh,
                      "data": base64.b64encode(out.tobytes()).decode()})

OUT.write_text(json.dumps({
    "pillow": PIL.__version__,
    "input": {"width": w, "height": h, "channels": 3, "data": base64.b64encode(pixels.tobytes()).decode()},
    "cases": cases,
}) + "\n")
print(f"wrote {OUT} ({len(cases)} cases, Pillow {PIL.__version__})")
