"""Names and numbers shared with the Java side. Do not change."""
import os

LABELS = [chr(c) for c in range(ord("A"), ord("Z") + 1)] + ["del", "nothing", "space"]
LETTERS = LABELS[:26]
LABEL_TO_INDEX = {l: i for i, l in enumerate(LABELS)}
NUM_CLASSES = len(LABELS)
MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]
EMBED_DIM = 512
INPUT_NAME = "input"
OUTPUT_NAMES = ["logits", "embedding"]

# The hand square (HandGeometry.java) is 2.6 palm lengths wide and sits half a palm above the palm centre,
# which is about half a palm above the wrist: the wrist lies about one palm, side / 2.6, below its centre.
PALM_TO_HAND_SCALE = 2.6

TRAIN_PACKS = ["kaggle-train", "phone-train"]
TEST_ONLY_PACKS = ["kaggle-test", "massey"]
ALL_PACKS = TRAIN_PACKS + TEST_ONLY_PACKS

TRAINING_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_ROOT = os.path.dirname(TRAINING_DIR)
DEFAULT_DATA_ROOT = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "data"))
MODELS_DIR = os.path.join(REPO_ROOT, "models")
SPLITS_DIR = os.path.join(TRAINING_DIR, "splits")
