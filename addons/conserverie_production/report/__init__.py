from . import conserverie_jar_label_report, conserverie_lot_recall
