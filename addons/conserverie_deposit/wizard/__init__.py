from . import conserverie_deposit_return_wizard
from . import conserverie_deposit_return_wizard_line
from . import conserverie_deposit_writeoff_wizard
from . import conserverie_empties_opening_wizard
from . import conserverie_facility_setup
