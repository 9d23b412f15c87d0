from odoo.addons.conserverie_base.tools.order_review_migration import (
    move_order_flags_to_issues,
)


def migrate(cr, version):
    """Orders that sold jars of an unreleased lot are now reviewed as issues."""
    move_order_flags_to_issues(
        cr,
        "unreleased_lot",
        "has_unreleased_lot",
        None,
        "Jars of a lot that is not released were sold.",
    )
