from odoo import api, fields, models


class PosOrder(models.Model):
    _inherit = "pos.order"

    has_unreleased_lot = fields.Boolean(
        string="Unreleased lot sold",
        readonly=True,
        copy=False,
        help="Jars of a quarantined or rejected lot were sold: staff must recall them.",
    )

    @api.model
    def _process_order(self, order, existing_order):
        """A sale synced from an offline stall is always kept; a jar of a lot
        that is not released is flagged for staff instead."""
        order_id = super()._process_order(order, existing_order)
        self.browse(order_id)._flag_unreleased_lots()
        return order_id

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

    def _flag_unreleased_lots(self):
        """Flag the order and give staff a to-do on each lot to recall."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for order in self:
            lots = order._get_unreleased_lots()
            if not lots:
                continue
            responsible = order.company_id.conserverie_food_safety_user_id or self.env.ref(
                "base.user_admin"
            )
            summary = self.env._("Jars sold from a lot that is not released")
            # sudo: the flag, message and activities are for staff, written while
            # a cashier syncs the order
            order.sudo().has_unreleased_lot = True
            order.sudo().message_post(
                body=self.env._(
                    "This order sold jars of %(lots)s, which is not released. "
                    "Contact the customer and recall the jars.",
                    lots=", ".join(lots.mapped("display_name")),
                )
            )
            for lot in lots.sudo():
                lot.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=summary,
                    note=self.env._(
                        "The POS order %(order)s sold jars of %(lot)s, which is %(state)s. "
                        "Contact the customer and recall the jars.",
                        order=order.name,
                        lot=lot.display_name,
                        state=dict(lot._fields["release_state"]._description_selection(self.env))[
                            lot.release_state
                        ],
                    ),
                    user_id=responsible.id,
                )
