from . import naming
