from . import conserverie_deposit_report
