"""The reference preprocessing: an image processor's steps as Python transformers applies them, with PIL.

Python transformers is not installed here; this script follows its code path for the processor types the app
reproduces (transformers/image_transforms.py: resize via PIL.Image.resize(reducing_gap=None), center_crop,
rescale, normalize; image_processing_utils.get_resize_output_image_size; the processors' own size rules).

    /usr/bin/python3 scripts/reference/preprocess.py [--models ../shared/models] [--out /tmp/fidelity-ref]

Needs Debian's python3-pil and python3-numpy. For each case in CASES it writes <out>/<case>.f32 (the
pixel_values tensor, float32 CHW) and adds to src/runtime/preprocess/fixtures/python-preprocess.json the
resize/crop result's size and sha256 (8-bit, before rescale) and a sample of its values, plus tensor stats.
Then `node scripts/reference/score.mjs` turns the tensors into model outputs (onnxruntime-node).
"""
import argparse
import hashlib
import json
import math
import pathlib

import numpy as np
import PIL
from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "src/runtime/preprocess/fixtures/python-preprocess.json"
SAMPLE_STRIDE = 97

# case id -> (model folder, image in public/samples)
CASES = {
    "mobilenetv2-chelsea": ("onnxmodelzoo/mobilenetv2-12-int8", "chelsea.png"),
    "mobilenetv2-coffee": ("onnxmodelzoo/mobilenetv2-12-int8", "coffee.png"),
    "yolox-coffee": ("Megvii-BaseDetection/yolox-nano", "coffee.png"),
    "yolox-astronaut": ("Megvii-BaseDetection/yolox-nano", "astronaut.png"),
    "vit-chelsea": ("tiny-random/vit-image-classification", "chelsea.png"),
    "clip-chelsea": ("tiny-random/clip-zero-shot-image-classification", "chelsea.png"),
    "segformer-chelsea": ("tiny-random/segformer-segmentation", "chelsea.png"),
    "dpt-chelsea": ("tiny-random/dpt-depth", "chelsea.png"),
}


def output_size(cfg, height, width):
    """(height, width) after the resize, by the rules of the processor's Python class."""
    size = cfg["size"]
    kind = cfg.get("image_processor_type", cfg.get("feature_extractor_type", ""))
    if isinstance(size, int):
        return size, size
    if "height" in size and "width" in size:
        if not cfg.get("keep_aspect_ratio"):
            return size["height"], size["width"]
        # DPTImageProcessor's get_resize_output_image_size
        scale_h, scale_w = size["height"] / height, size["width"] / width
        if abs(1 - scale_w) < abs(1 - scale_h):
            scale_h = scale_w
        else:
            scale_w = scale_h
        multiple = cfg.get("ensure_multiple_of", 1)
        return round(scale_h * height / multiple) * multiple, round(scale_w * width / multiple) * multiple
    if "shortest_edge" in size:
        edge = size["shortest_edge"]
        if kind.startswith("ConvNext") and edge < 384:
            edge = int(edge / cfg.get("crop_pct", 224 / 256))
        # get_resize_output_image_size(default_to_square=False)
        short, long = (width, height) if width <= height else (height, width)
        new_short, new_long = edge, int(edge * long / short)
        return (new_long, new_short) if width <= height else (new_short, new_long)
    # {"longest_edge"} alone: the project's YOLOX letterbox (no Python class takes it); the mirror image of
    # the shortest-edge rule.
    edge = size["longest_edge"]
    short, long = (width, height) if width <= height else (height, width)
    new_short = int(edge * short / long)
    return (edge, new_short) if width <= height else (new_short, edge)


def center_crop(image, crop_h, crop_w):
    """transformers.image_transforms.center_crop on an HWC array."""
    orig_h, orig_w = image.shape[:2]
    top = (orig_h - crop_h) // 2
    left = (orig_w - crop_w) // 2
    bottom, right = top + crop_h, left + crop_w
    if top >= 0 and bottom <= orig_h and left >= 0 and right <= orig_w:
        return image[top:bottom, left:right]
    new_h, new_w = max(crop_h, orig_h), max(crop_w, orig_w)
    new_image = np.zeros((new_h, new_w) + image.shape[2:], dtype=image.dtype)
    top_pad, left_pad = math.ceil((new_h - orig_h) / 2), math.ceil((new_w - orig_w) / 2)
    new_image[top_pad:top_pad + orig_h, left_pad:left_pad + orig_w] = image
    top, bottom, left, right = top + top_pad, bottom + top_pad, left + left_pad, right + left_pad
    return new_image[max(0, top):min(new_h, bottom), max(0, left):min(new_w, right)]


def preprocess(cfg, path):
    image = np.array(Image.open(path).convert("RGB"))
    kind = cfg.get("image_processor_type", cfg.get("feature_extractor_type", ""))
    if cfg.get("do_resize", True):
        h, w = output_size(cfg, *image.shape[:2])
        if kind.startswith("ConvNext") and cfg["size"]["shortest_edge"] >= 384:
            h = w = cfg["size"]["shortest_edge"]
        image = np.array(Image.fromarray(image).resize((w, h), resample=cfg.get("resample", 2), reducing_gap=None))
        if kind.startswith("ConvNext") and cfg["size"]["shortest_edge"] < 384:
            image = center_crop(image, cfg["size"]["shortest_edge"], cfg["size"]["shortest_edge"])
    if cfg.get("do_center_crop"):
        crop = cfg["crop_size"]
        crop_h, crop_w = (crop, crop) if isinstance(crop, int) else (crop["height"], crop["width"])
        image = center_crop(image, crop_h, crop_w)
    resized = image
    pixels = image
    if cfg.get("do_rescale", True):
        pixels = (pixels.astype(np.float64) * cfg.get("rescale_factor", 1 / 255)).astype(np.float32)
    if cfg.get("do_normalize"):
        pixels = pixels.astype(np.float32)
        mean = np.array(cfg["image_mean"], dtype=np.float32)
        std = np.array(cfg["image_std"], dtype=np.float32)
        pixels = (pixels - mean) / std
    pixels = pixels.astype(np.float32)
    if cfg.get("do_pad") and cfg.get("pad_size"):
        pad = cfg["pad_size"]
        pixels = np.pad(pixels, ((0, pad["height"] - pixels.shape[0]), (0, pad["width"] - pixels.shape[1]), (0, 0)))
    if cfg.get("do_flip_channel_order"):
        pixels = pixels[..., ::-1]
    return resized, np.ascontiguousarray(pixels.transpose(2, 0, 1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", default=str(ROOT.parent.parent / "shared/models"))
    parser.add_argument("--out", default="/tmp/fidelity-ref")
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    cases = {}
    for case, (model, image) in CASES.items():
        cfg = json.loads((pathlib.Path(args.models) / model / "preprocessor_config.json").read_text())
        resized, tensor = preprocess(cfg, ROOT / "public/samples" / image)
        (out / f"{case}.f32").write_bytes(tensor.tobytes())
        flat = resized.reshape(-1)
        cases[case] = {
            "model": model, "image": image, "config": cfg,
            "resized": {"height": resized.shape[0], "width": resized.shape[1],
                        "sha256": hashlib.sha256(resized.tobytes()).hexdigest(),
                        "sample_stride": SAMPLE_STRIDE, "sample": flat[::SAMPLE_STRIDE].tolist()},
            "tensor": {"dims": list(tensor.shape), "min": float(tensor.min()), "max": float(tensor.max()),
                       "mean": float(tensor.mean(dtype=np.float64))},
        }
        print(f"{case}: resized {resized.shape[1]}x{resized.shape[0]}, tensor {list(tensor.shape)}")
    FIXTURE.write_text(json.dumps({"pillow": PIL.__version__, "numpy": np.__version__, "cases": cases}) + "\n")
    print(f"wrote {FIXTURE} and {out}/*.f32")


if __name__ == "__main__":
    main()
