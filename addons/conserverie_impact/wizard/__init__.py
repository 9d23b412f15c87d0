from . import conserverie_impact_answer_entry
from . import conserverie_impact_answer_entry_line
