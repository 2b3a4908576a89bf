"""Read a crop pack written by pack_crops.py into uint8 tensors."""
import io
import json
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import torch

TRAIN, VAL = 0, 1


def _decode(data):
    from PIL import Image
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.uint8)


class CropPack:
    """images: uint8 [N,3,H,W]; labels: int64 [N]; splits: int8 [N] (0 train, 1 val); meta: dict."""

    def __init__(self, images, labels, splits, meta):
        self.images, self.labels, self.splits, self.meta = images, labels, splits, meta

    @classmethod
    def load(cls, path, threads=8):
        with np.load(path) as z:
            blob, offsets = z["blob"], z["offsets"]
            labels = torch.from_numpy(z["labels"].astype(np.int64))
            splits = torch.from_numpy(z["splits"].astype(np.int8))
            meta = json.loads(bytes(z["meta"]).decode("utf-8"))
        chunks = [blob[offsets[i]:offsets[i + 1]].tobytes() for i in range(len(offsets) - 1)]
        with ThreadPoolExecutor(max_workers=threads) as pool:  # PIL releases the GIL while decoding
            arrays = list(pool.map(_decode, chunks))
        shapes = {a.shape for a in arrays}
        if len(shapes) != 1:
            raise ValueError("crops in %s differ in size: %s" % (path, sorted(shapes)[:4]))
        images = torch.from_numpy(np.stack(arrays)).permute(0, 3, 1, 2).contiguous()
        return cls(images, labels, splits, meta)

    def part(self, split):
        keep = self.splits == split
        return self.images[keep], self.labels[keep]
