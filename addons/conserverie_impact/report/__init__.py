from . import conserverie_impact_fact
