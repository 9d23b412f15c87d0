from . import test_pos_hours
from . import test_invoice_hours
from . import test_reconciliation_deposit
