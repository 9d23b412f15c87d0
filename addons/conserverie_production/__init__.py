from . import models, report, tools, wizard
