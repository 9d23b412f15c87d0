from . import test_tools_naming
from . import test_intake
from . import test_activity
from . import test_solidarity_pricing
from . import test_security
from . import test_tools_pos_order_payload
from . import test_tools_xlsx
