from . import surplus
from . import reach
