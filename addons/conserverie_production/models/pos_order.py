from odoo import models


class PosOrder(models.Model):
    _inherit = "pos.order"

    def _conserverie_get_review_issues(self):
        """A sale synced from an offline stall is always kept; a jar of a lot that is not
        released is reviewed by staff, who recall it."""
        issues = super()._conserverie_get_review_issues()
        lots = self._get_unreleased_lots()
        if lots:
            issues.append(
                {
                    "kind": "unreleased_lot",
                    "message": self.env._(
                        "This order sold jars of %(lots)s, which is not released. "
                        "Contact the customer and recall the jars.",
                        lots=", ".join(lots.mapped("display_name")),
                    ),
                }
            )
        return issues

    def _get_unreleased_lots(self):
        self.ensure_one()
        names = self.lines.pack_lot_ids.mapped("lot_name")
        if not names:
            return self.env["stock.lot"]
        # sudo: the cashier syncing the order may not read lot release data
        return (
            self.env["stock.lot"]
            .sudo()
            .search(
                [
                    ("name", "in", names),
                    ("product_id", "in", self.lines.product_id.ids),
                    ("company_id", "in", [False, self.company_id.id]),
                    ("release_state", "in", ("quarantine", "rejected")),
                ]
            )
        )

    def _conserverie_notify_review_issues(self, issues):
        """Give the food-safety officer a to-do on each lot to recall."""
        result = super()._conserverie_notify_review_issues(issues)
        orders = issues.filtered(lambda issue: issue.kind == "unreleased_lot").order_id
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        summary = self.env._("Jars sold from a lot that is not released")
        states = dict(
            self.env["stock.lot"]._fields["release_state"]._description_selection(self.env)
        )
        for order in orders:
            responsible = order.company_id.conserverie_food_safety_user_id or self.env.ref(
                "base.user_admin"
            )
            # sudo: the to-do is for staff, scheduled while a cashier syncs the order
            for lot in order._get_unreleased_lots().sudo():
                lot.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=summary,
                    note=self.env._(
                        "The POS order %(order)s sold jars of %(lot)s, which is %(state)s. "
                        "Contact the customer and recall the jars.",
                        order=order.name,
                        lot=lot.display_name,
                        state=states[lot.release_state],
                    ),
                    user_id=responsible.id,
                )
        return result
