from . import (
    test_labels,
    test_probe_import,
    test_production,
    test_production_form,
    test_release,
    test_reservation_pos,
    test_security,
    test_sterilisation_cycle,
    test_sterilisation_cycle_report,
    test_tools_cycle_curve,
    test_tools_label_layout,
    test_tools_label_gs1,
    test_tools_lethality,
    test_tools_probe_csv,
    test_tools_quid,
    test_toll_processing,
    test_tour,
    test_traceability,
    test_window_actions,
)
from . import test_import_templates
from . import test_facility_setup
from . import test_pos_lot_label
from . import test_production_company
