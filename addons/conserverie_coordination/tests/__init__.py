from . import test_tools
from . import test_surplus_offer
from . import test_booking_request
from . import test_household
from . import test_security
from . import test_tools_economics
from . import test_facility_dashboard
from . import test_portal
