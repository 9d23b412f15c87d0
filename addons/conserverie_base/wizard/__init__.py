from . import conserverie_volunteer_share
from . import conserverie_volunteer_share_line
