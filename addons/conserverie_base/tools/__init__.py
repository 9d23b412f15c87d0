from . import naming
from . import pos_order_payload
from . import facility_setup
from . import member_card
