import os
import sys

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if TRAINING not in sys.path:
    sys.path.insert(0, TRAINING)

from fingerspell_train.constants import DEFAULT_DATA_ROOT  # noqa: E402

DATA_ROOT = os.environ.get("FINGERSPELL_DATA_ROOT", DEFAULT_DATA_ROOT)
HAVE_DATA = all(os.path.isfile(os.path.join(DATA_ROOT, p, "index.csv"))
                for p in ("kaggle-train", "phone-train", "kaggle-test", "massey"))
NO_DATA_MSG = ("data packs not found at %s (../shared/data from the repo root): "
               "skipping tests that need real images" % DATA_ROOT)
