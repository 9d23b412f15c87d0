from . import scoring
from . import flower
from . import xlsx_report
from . import documents
