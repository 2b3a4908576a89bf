"""Which images calibrate a post-training int8 model: the train block only (the val and test blocks and the
test-only packs stay unseen, so the int8 model's scores on them mean what the fp32 model's do), the same number
per class from each training pack, evenly spaced over each class's frame numbers so one run of near-identical
video frames does not set the activation ranges."""
from .constants import TRAIN_PACKS
from .data import subsample_per_class
from .links import split_block


def calibration_rows(split_rows, per_class, packs=TRAIN_PACKS):
    """At most per_class train rows per (pack, class), evenly spaced over the class's train block."""
    if per_class <= 0:
        raise ValueError("per_class must be positive, not %r" % per_class)
    out = []
    for pack in packs:
        out.extend(subsample_per_class(split_block(split_rows, pack, "train"), per_class))
    return out
