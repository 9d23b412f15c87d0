from odoo.addons.conserverie_base.tools.order_review_migration import (
    move_order_flags_to_issues,
)


def migrate(cr, version):
    """Orders flagged for their deposits are now reviewed as issues."""
    move_order_flags_to_issues(
        cr, "deposit", "has_deposit_anomaly", "deposit_anomaly_note", "Deposit to check"
    )
