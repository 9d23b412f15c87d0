from . import conserverie_jar_label_report
