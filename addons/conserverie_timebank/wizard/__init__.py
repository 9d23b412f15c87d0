from . import conserverie_time_transfer
from . import conserverie_time_crew_credit
from . import conserverie_time_crew_credit_line
from . import conserverie_time_reverse
from . import conserverie_time_in_kind_post
from . import conserverie_time_invoice_payment
from . import conserverie_facility_setup
