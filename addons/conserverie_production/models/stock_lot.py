from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare

RELEASE_DECISION_FIELDS = {"release_state", "release_date", "release_user_id", "rejection_reason"}


class StockLot(models.Model):
    _inherit = "stock.lot"

    release_state = fields.Selection(
        [("quarantine", "Quarantine"), ("released", "Released"), ("rejected", "Rejected")],
        readonly=True,
        copy=False,
        tracking=True,
        index="btree_not_null",
        help="Set on jar lots made by a production: quarantined lots are never reserved, "
        "sold or given.",
    )
    conserverie_production_id = fields.Many2one(
        "mrp.production", string="Production", readonly=True, copy=False, index="btree_not_null"
    )
    conserverie_bom_id = fields.Many2one(
        related="conserverie_production_id.bom_id", string="Recipe"
    )
    release_policy = fields.Selection(related="conserverie_production_id.bom_id.release_policy")
    max_ph = fields.Float(related="conserverie_production_id.bom_id.max_ph")
    ph_measured = fields.Float(string="Measured pH", digits=(16, 2), tracking=True)
    ph_measured_date = fields.Date(string="pH measured on")
    incubation_test_ids = fields.One2many(
        "conserverie.incubation.test", "lot_id", string="Incubation tests"
    )
    release_date = fields.Datetime(readonly=True, copy=False)
    release_user_id = fields.Many2one("res.users", string="Released by", readonly=True, copy=False)
    rejection_reason = fields.Text(readonly=True, copy=False)
    conserverie_training_exception = fields.Text(
        related="conserverie_production_id.training_exception_reason",
        string="Made under a training exception",
    )
    release_blocking_reason = fields.Text(
        string="Why it stays in quarantine", compute="_compute_release_blocking_reason"
    )
    conserverie_source_lot_ids = fields.Many2many(
        "stock.lot", string="Produce lots", compute="_compute_conserverie_traceability"
    )
    conserverie_jar_lot_ids = fields.Many2many(
        "stock.lot", string="Jar lots made from it", compute="_compute_conserverie_traceability"
    )
    conserverie_source_grower_ids = fields.Many2many(
        "res.partner", string="Growers", compute="_compute_conserverie_traceability"
    )

    def _compute_release_blocking_reason(self):
        for lot in self:
            lot.release_blocking_reason = (
                lot._get_release_blocking_reason() if lot.release_state == "quarantine" else False
            )

    def _compute_conserverie_traceability(self):
        for lot in self:
            lot.conserverie_source_lot_ids = lot._get_source_lots()
            lot.conserverie_jar_lot_ids = lot._get_jar_lots()
            lot.conserverie_source_grower_ids = lot.conserverie_source_lot_ids.intake_grower_id

    @api.constrains("ph_measured")
    def _check_ph(self):
        for lot in self:
            if lot.ph_measured and not 0 < lot.ph_measured <= 14:
                raise UserError(
                    self.env._("A pH is between 0 and 14 (got %(ph)s).", ph=lot.ph_measured)
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("release_state") not in (None, False, "quarantine"):
                self._check_release_state_write()
        return super().create(vals_list)

    def write(self, vals):
        if RELEASE_DECISION_FIELDS & set(vals) and not (
            vals.get("release_state") == "quarantine"
            and set(vals) & RELEASE_DECISION_FIELDS == {"release_state"}
            and not any(self.mapped("release_state"))
        ):
            self._check_release_state_write()
        if {"ph_measured", "ph_measured_date"} & set(vals):
            self._check_release_rights()
            if any(lot.release_state in ("released", "rejected") for lot in self):
                raise UserError(
                    self.env._(
                        "The pH of a released or rejected lot is a record: it cannot change."
                    )
                )
            if vals.get("ph_measured") and "ph_measured_date" not in vals:
                vals = dict(vals, ph_measured_date=fields.Date.context_today(self))
        if "conserverie_production_id" in vals and not self.env.su:
            self._check_production_link(vals["conserverie_production_id"])
        return super().write(vals)

    def _check_production_link(self, production_id):
        """A jar lot keeps the production that made it: its release depends on it."""
        if any(
            lot.conserverie_production_id and lot.conserverie_production_id.id != production_id
            for lot in self
        ):
            raise AccessError(self.env._("A jar lot stays linked to the production that made it."))

    # Rights -------------------------------------------------------------

    def _check_release_state_write(self):
        """A lot leaves quarantine only through Release, Reject or a coordinator's
        reversal, which check the recipe's policy and write as superuser."""
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "The release state of a lot changes only with Release, Reject or a "
                    "coordinator's reversal."
                )
            )

    def _check_release_rights(self):
        if not self.env.user.has_group("conserverie_base.group_staff"):
            raise AccessError(self.env._("Only centre staff can test, release or reject a lot."))

    def _check_reversal_rights(self):
        if not self.env.user.has_group("conserverie_base.group_coordinator"):
            raise AccessError(
                self.env._("Only a coordinator can reverse a release or a rejection.")
            )

    # Release ------------------------------------------------------------

    def _get_release_blocking_reason(self):
        """Why the lot cannot be released now, or '' when it can."""
        self.ensure_one()
        _ = self.env._
        production = self.conserverie_production_id
        bom = production.bom_id
        if not bom.preserving_process:
            return _("Lot %(lot)s has no preserving recipe.", lot=self.display_name)
        if production.state != "done":
            return _(
                "The production %(production)s of %(lot)s is not done.",
                production=production.name,
                lot=self.display_name,
            )
        if not production.has_passed_cycle:
            return _(
                "No passed autoclave cycle covers the production %(production)s of %(lot)s.",
                production=production.name,
                lot=self.display_name,
            )
        production_day = fields.Date.to_date(production.date_start)
        if self.ph_measured and self.ph_measured_date and self.ph_measured_date < production_day:
            return _(
                "The pH of %(lot)s was measured before the jars were made.", lot=self.display_name
            )
        open_checks = production.activity_id.haccp_check_ids.filtered(
            lambda c: c.state == "non_conforming"
        )
        if open_checks:
            return _(
                "The workshop %(activity)s has a non-conformity without corrective "
                "action: %(checks)s.",
                activity=production.activity_id.display_name,
                checks=", ".join(open_checks.mapped("display_name")),
            )
        if any(test.result == "non_conforming" for test in self.incubation_test_ids):
            return _("An incubation test of %(lot)s is non-conforming.", lot=self.display_name)
        if bom.release_policy == "ph_same_day" and self.ph_measured:
            if float_compare(self.ph_measured, bom.max_ph, precision_digits=2) <= 0:
                return ""
        incubation_reason = self._get_incubation_blocking_reason()
        if bom.release_policy == "ph_same_day" and incubation_reason:
            if not self.ph_measured:
                return _("Measure the pH of %(lot)s before releasing it.", lot=self.display_name)
            return _(
                "The pH of %(lot)s is %(ph).2f, above the recipe's %(max).2f: %(reason)s",
                lot=self.display_name,
                ph=self.ph_measured,
                max=bom.max_ph,
                reason=incubation_reason,
            )
        return incubation_reason

    def _get_release_gate_reason(self):
        """Why the jars of this unreleased lot stay in the facility."""
        self.ensure_one()
        # sudo: whoever moves the jars is told why, even without the lot's food-safety records
        lot = self.sudo()
        if lot.release_state == "rejected":
            return self.env._("it was rejected (%(reason)s).", reason=lot.rejection_reason or "-")
        return lot._get_release_blocking_reason() or self.env._(
            "it is in quarantine until someone releases it."
        )

    def _get_incubation_blocking_reason(self):
        self.ensure_one()
        _ = self.env._
        production = self.conserverie_production_id
        bom = production.bom_id
        today = fields.Date.context_today(self)
        production_day = fields.Date.to_date(production.date_start)
        for temperature in bom._get_incubation_temperatures():
            tests = self.incubation_test_ids.filtered(
                lambda t, temp=temperature: (
                    float_compare(t.temperature, temp, precision_digits=1) == 0
                )
            )
            done = tests.filtered(
                lambda t: (
                    t.result == "conforming"
                    and t.date_start >= production_day
                    and t.date_end
                    and t.date_end <= today
                    and (t.date_end - t.date_start).days >= bom.incubation_days
                    and t.sample_count >= bom.incubation_sample_count
                )
            )
            if not done or tests.filtered(lambda t: t.result == "pending"):
                return _(
                    "incubation at %(temp).0f °C (%(days)s days, %(count)s jars) is not "
                    "complete and conforming.",
                    temp=temperature,
                    days=bom.incubation_days,
                    count=bom.incubation_sample_count,
                )
        return ""

    def _get_conserverie_company(self):
        self.ensure_one()
        return self.company_id or self.conserverie_production_id.company_id or self.env.company

    def _get_quarantine_location(self):
        return self._get_conserverie_company()._get_conserverie_warehouse().quarantine_location_id

    def _get_release_location(self, owner):
        warehouse = self._get_conserverie_company()._get_conserverie_warehouse()
        return warehouse.toll_jars_location_id if owner else warehouse.released_location_id

    def _get_internal_quants(self, location):
        return self.env["stock.quant"].search(
            [
                ("lot_id", "=", self.id),
                ("location_id", "child_of", location.id),
                ("quantity", ">", 0),
            ]
        )

    def _move_quantity(self, source, destination, quantity, owner, reason):
        """Move ``quantity`` of the lot without reservation (it is not reservable)."""
        self.ensure_one()
        product = self.product_id
        move = self.env["stock.move"].create(
            {
                "name": reason,
                "product_id": product.id,
                "product_uom": product.uom_id.id,
                "product_uom_qty": quantity,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "company_id": self._get_conserverie_company().id,
                "restrict_partner_id": owner.id,
                "origin": self.name,
                "picked": True,
                "move_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_id": product.uom_id.id,
                            "lot_id": self.id,
                            "quantity": quantity,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                            "owner_id": owner.id,
                            "company_id": self._get_conserverie_company().id,
                        }
                    )
                ],
            }
        )
        move._action_done()
        return move

    def action_release(self):
        """Release lots that meet their recipe's policy: they move to the released stock
        (a grower's jars to the growers' jars location)."""
        self._check_release_rights()
        for lot in self:
            if lot.release_state != "quarantine":
                raise UserError(
                    self.env._("Lot %(lot)s is not in quarantine.", lot=lot.display_name)
                )
            reason = lot._get_release_blocking_reason()
            if reason:
                raise UserError(reason)
            lot.sudo().write(  # sudo: the decision is checked above
                {
                    "release_state": "released",
                    "release_date": fields.Datetime.now(),
                    "release_user_id": self.env.uid,
                }
            )
            quarantine = lot._get_quarantine_location()
            for quant in lot._get_internal_quants(quarantine):
                lot._move_quantity(
                    quant.location_id,
                    lot._get_release_location(quant.owner_id),
                    quant.quantity,
                    quant.owner_id,
                    self.env._("Release of %(lot)s", lot=lot.name),
                )
            lot.message_post(body=self.env._("Lot released by %(user)s.", user=self.env.user.name))
        return True

    def action_reject(self):
        """Reject from the form: the wizard asks for the reason."""
        self._check_release_rights()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject the lot"),
            "res_model": "conserverie.release.reversal",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lot_id": self.id, "default_operation": "reject"},
        }

    def _reject(self, reason):
        """Reject the lots and scrap their jars."""
        self._check_release_rights()
        if not (reason or "").strip():
            raise UserError(self.env._("Say why the lot is rejected."))
        for lot in self:
            if lot.release_state != "quarantine":
                raise UserError(
                    self.env._("Lot %(lot)s is not in quarantine.", lot=lot.display_name)
                )
            for quant in lot._get_internal_quants(lot._get_quarantine_location()):
                scrap = self.env["stock.scrap"].create(
                    {
                        "product_id": lot.product_id.id,
                        "product_uom_id": lot.product_id.uom_id.id,
                        "lot_id": lot.id,
                        "scrap_qty": quant.quantity,
                        "location_id": quant.location_id.id,
                        "owner_id": quant.owner_id.id,
                        "company_id": lot._get_conserverie_company().id,
                        "origin": lot.name,
                    }
                )
                scrap.do_scrap()
            lot.sudo().write(  # sudo: the decision is checked above
                {"release_state": "rejected", "rejection_reason": reason.strip()}
            )
            lot.message_post(
                body=self.env._("Lot rejected and scrapped: %(reason)s", reason=reason.strip())
            )
        return True

    def _reverse_release(self, reason):
        """A coordinator's documented reversal: the lot goes back to quarantine."""
        self._check_reversal_rights()
        if not (reason or "").strip():
            raise UserError(self.env._("A reversal needs its reason."))
        for lot in self:
            quarantine = lot._get_quarantine_location()
            label = self.env._("Reversal for %(lot)s", lot=lot.name)
            if lot.release_state == "released":
                warehouse = lot._get_conserverie_company()._get_conserverie_warehouse()
                for location in warehouse.released_location_id | warehouse.toll_jars_location_id:
                    for quant in lot._get_internal_quants(location):
                        lot._move_quantity(
                            quant.location_id, quarantine, quant.quantity, quant.owner_id, label
                        )
            elif lot.release_state == "rejected":
                scraps = self.env["stock.scrap"].search(
                    [("lot_id", "=", lot.id), ("state", "=", "done")]
                )
                for scrap in scraps:
                    lot._move_quantity(
                        scrap.scrap_location_id, quarantine, scrap.scrap_qty, scrap.owner_id, label
                    )
            else:
                raise UserError(
                    self.env._(
                        "Lot %(lot)s is neither released nor rejected.", lot=lot.display_name
                    )
                )
            previous = dict(self._fields["release_state"]._description_selection(self.env))[
                lot.release_state
            ]
            lot.sudo().write(  # sudo: the reversal is checked above
                {"release_state": "quarantine", "release_date": False, "release_user_id": False}
            )
            lot.message_post(
                body=self.env._(
                    "%(user)s put the lot back in quarantine (it was %(state)s): %(reason)s",
                    user=self.env.user.name,
                    state=previous,
                    reason=reason.strip(),
                )
            )
        return True

    def action_open_reversal(self):
        self._check_reversal_rights()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reverse the decision"),
            "res_model": "conserverie.release.reversal",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lot_id": self.id, "default_operation": "reverse"},
        }

    # Traceability and labels: the rules live in report/ -----------------

    def _get_source_lots(self):
        return self.env["conserverie.lot.recall"]._get_source_lots(self)

    def _get_jar_lots(self):
        return self.env["conserverie.lot.recall"]._get_jar_lots(self)

    def _get_recall_lots(self):
        return self.env["conserverie.lot.recall"]._get_recall_lots(self)

    def _get_recall_move_lines(self):
        return self.env["conserverie.lot.recall"]._get_recall_move_lines(self)

    def action_view_source_lots(self):
        self.ensure_one()
        return self.env["conserverie.lot.recall"]._get_lots_action(
            self._get_source_lots(), self.env._("Produce behind %(lot)s", lot=self.name)
        )

    def action_view_jar_lots(self):
        self.ensure_one()
        return self.env["conserverie.lot.recall"]._get_lots_action(
            self._get_jar_lots(), self.env._("Jars made from %(lot)s", lot=self.name)
        )

    def action_recall_search(self):
        return self.env["conserverie.lot.recall"]._get_recall_action(self)

    def _prepare_label_values(self, copies=1):
        return self.env["report.conserverie_production.report_jar_label"]._prepare_label_values(
            self, copies
        )

    def _get_label_data(self, copies=1):
        return self.env["report.conserverie_production.report_jar_label"]._get_label_data(
            self, copies
        )

    def _render_jar_labels(self, copies, layout="a4_sheet", skip=0):
        return self.env["report.conserverie_production.report_jar_label"]._render(
            self, copies, layout=layout, skip=skip
        )

    def action_print_jar_labels(self):
        self.ensure_one()
        quantity = sum(
            self._get_internal_quants(
                self._get_conserverie_company()._get_conserverie_warehouse().view_location_id
            ).mapped("quantity")
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Print jar labels"),
            "res_model": "conserverie.label.print",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lot_id": self.id, "default_copies": int(quantity) or 1},
        }
