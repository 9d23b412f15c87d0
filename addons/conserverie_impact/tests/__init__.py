from . import test_tools_scoring
from . import test_tools_flower
from . import test_tools_documents
from . import test_indicators
from . import test_flower
from . import test_reports
from . import test_grower_statement
from . import test_security
