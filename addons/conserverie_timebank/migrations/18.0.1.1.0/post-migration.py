from odoo.addons.conserverie_base.tools.order_review_migration import (
    move_order_flags_to_issues,
)


def migrate(cr, version):
    """Orders flagged for their hours are now reviewed as issues."""
    move_order_flags_to_issues(cr, "hours", "has_time_issue", "time_issue", "Hours to check")
