from . import pos_order
from . import account_move
from . import conserverie_time_reconciliation
