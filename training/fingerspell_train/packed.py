"""Read a crop pack written by pack_crops.py into uint8 tensors."""
import io
import json
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import torch

TRAIN, VAL, TEST = 0, 1, 2


def _decode(data):
    from PIL import Image
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.uint8)


class CropPack:
    """images uint8 [N,3,H,W]; labels int64 [N]; splits int8 [N] (TRAIN, VAL, TEST); sources int64 [N], indices
    into meta["sources"] (pack names, or test-set names); detected bool [N]; hands float32 [N,2], the hand's
    rotation in degrees and its side over the crop's (NaN where unknown: no hand, or a pack from before they
    were recorded); meta dict."""

    def __init__(self, images, labels, splits, sources, detected, meta, hands=None):
        self.images, self.labels, self.splits = images, labels, splits
        self.sources, self.detected, self.meta = sources, detected, meta
        self.hands = hands if hands is not None else torch.full((len(labels), 2), float("nan"))

    @classmethod
    def load(cls, path, threads=8):
        with np.load(path) as z:
            blob, offsets = z["blob"], z["offsets"]
            labels = torch.from_numpy(z["labels"].astype(np.int64))
            splits = torch.from_numpy(z["splits"].astype(np.int8))
            sources = torch.from_numpy(z["sources"].astype(np.int64))
            detected = torch.from_numpy(z["detected"].astype(np.bool_))
            meta = json.loads(bytes(z["meta"]).decode("utf-8"))
            hands = torch.from_numpy(z["hands"].astype(np.float32)) if "hands" in z.files else None
        chunks = [blob[offsets[i]:offsets[i + 1]].tobytes() for i in range(len(offsets) - 1)]
        with ThreadPoolExecutor(max_workers=threads) as pool:  # PIL releases the GIL while decoding
            arrays = list(pool.map(_decode, chunks))
        shapes = {a.shape for a in arrays}
        if len(shapes) > 1:
            raise ValueError("crops in %s differ in size: %s" % (path, sorted(shapes)[:4]))
        images = torch.from_numpy(np.stack(arrays)).permute(0, 3, 1, 2).contiguous()
        return cls(images, labels, splits, sources, detected, meta, hands)

    def mask(self, split, sources=None):
        """Rows of one split, from the named sources only (None: all)."""
        keep = self.splits == split
        if sources is not None:
            unknown = set(sources) - set(self.meta["sources"])
            if unknown:
                raise ValueError("no %s in this pack (it holds %s)" % (sorted(unknown), self.meta["sources"]))
            wanted = torch.tensor([self.meta["sources"].index(s) for s in sources])
            keep &= (self.sources.view(-1, 1) == wanted.view(1, -1)).any(1)
        return keep

    def part(self, split, sources=None):
        keep = self.mask(split, sources)
        return self.images[keep], self.labels[keep]

    def part_hands(self, split, sources=None):
        """The hands of part()'s rows, in the same order."""
        return self.hands[self.mask(split, sources)]
