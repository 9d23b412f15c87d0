from . import test_pos_sync
from . import test_sale_order
from . import test_empties
from . import test_writeoff
from . import test_security
from . import test_pos_tour
from . import test_deposit_opening
