from . import test_labels
