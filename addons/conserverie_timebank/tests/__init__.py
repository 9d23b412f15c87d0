from . import test_tools_hours
from . import test_ledger
from . import test_attendance
from . import test_pos
from . import test_reconciliation
from . import test_security
from . import test_concurrency
from . import test_ui
