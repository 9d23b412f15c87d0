from . import conserverie_cycle_import, conserverie_label_print, conserverie_release_reversal
from . import conserverie_facility_setup
