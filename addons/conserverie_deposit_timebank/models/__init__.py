from . import pos_order
from . import account_move
