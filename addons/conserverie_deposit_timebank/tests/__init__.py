from . import test_pos_hours
