from . import conserverie_volunteer_share
from . import conserverie_volunteer_share_line
from . import conserverie_facility_setup
