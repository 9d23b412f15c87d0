from . import test_access_matrix
from . import test_market_day
from . import test_order_payload_fuzz
from . import test_reliability
from . import test_tours
from . import test_tours_phone
from . import test_tours_member
from . import test_abuse
