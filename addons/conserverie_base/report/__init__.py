from . import report_member_card
