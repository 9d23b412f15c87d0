from . import surplus
from . import reach
from . import economics
