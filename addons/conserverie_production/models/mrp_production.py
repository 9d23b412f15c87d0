from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Set only from the cycle (its load), or by a coordinator's decision.
PROTECTED_FIELDS = {
    "sterilisation_cycle_ids",
    "training_exception_user_id",
    "training_exception_date",
}


class MrpProduction(models.Model):
    _inherit = "mrp.production"

    activity_id = fields.Many2one(
        "conserverie.activity",
        string="Workshop",
        check_company=True,
        index="btree_not_null",
        domain=[("activity_type", "=", "preserving")],
    )
    operator_ids = fields.Many2many(
        "res.partner",
        "conserverie_production_operator_rel",
        "production_id",
        "partner_id",
        string="Operators present",
        help="Each needs a valid bottling training on the day of production, and a valid "
        "food hygiene training for the production to be marked done.",
    )
    training_exception_reason = fields.Text(
        string="Training exception",
        tracking=True,
        copy=False,
        help="A coordinator's reason for marking the production done although an operator "
        "holds no valid food hygiene training that day.",
    )
    training_exception_user_id = fields.Many2one(
        "res.users", string="Exception granted by", readonly=True, copy=False
    )
    training_exception_date = fields.Datetime(
        string="Exception granted on", readonly=True, copy=False
    )
    sterilisation_cycle_ids = fields.Many2many(
        "conserverie.sterilisation.cycle",
        "conserverie_cycle_production_rel",
        "production_id",
        "cycle_id",
        string="Autoclave cycles",
        readonly=True,
        copy=False,
    )
    preserving_process = fields.Selection(related="bom_id.preserving_process")
    has_passed_cycle = fields.Boolean(compute="_compute_has_passed_cycle")
    toll_partner_id = fields.Many2one(
        "res.partner",
        string="Toll processing for",
        domain=[("is_grower", "=", True)],
        help="The grower whose produce is processed: the produce and the jars stay theirs.",
    )
    toll_picking_id = fields.Many2one(
        "stock.picking", string="Return to the grower", readonly=True, copy=False
    )
    toll_invoice_id = fields.Many2one(
        "account.move", string="Toll-processing invoice", readonly=True, copy=False
    )
    finished_lot_ids = fields.Many2many(
        "stock.lot", string="Jar lots", compute="_compute_finished_lot_ids"
    )
    produce_kg = fields.Float(
        string="Produce in (kg)", compute="_compute_conserverie_yield", digits=(16, 2)
    )
    jar_count = fields.Float(
        string="Jars out", compute="_compute_conserverie_yield", digits=(16, 0)
    )
    loss_kg = fields.Float(string="Loss (kg)", compute="_compute_conserverie_yield", digits=(16, 2))
    kg_per_jar = fields.Float(
        string="Produce per jar (kg)", compute="_compute_conserverie_yield", digits=(16, 3)
    )
    cost_per_jar = fields.Monetary(
        compute="_compute_conserverie_yield", currency_field="company_currency_id"
    )
    company_currency_id = fields.Many2one(related="company_id.currency_id")

    @api.depends("sterilisation_cycle_ids.state")
    def _compute_has_passed_cycle(self):
        for production in self:
            production.has_passed_cycle = any(
                c.state == "passed" for c in production.sterilisation_cycle_ids
            )

    @api.depends("move_finished_ids.move_line_ids.lot_id", "lot_producing_id")
    def _compute_finished_lot_ids(self):
        for production in self:
            product = production.product_id
            lots = production.move_finished_ids.filtered(
                lambda m, product=product: m.product_id == product
            ).move_line_ids.lot_id
            production.finished_lot_ids = lots | production.lot_producing_id

    @api.depends(
        "move_raw_ids.quantity", "move_raw_ids.state", "qty_producing", "qty_produced", "state"
    )
    def _compute_conserverie_yield(self):
        kg = self.env.ref("uom.product_uom_kgm")
        for production in self:
            weight_in = produce = cost = 0.0
            for move in production.move_raw_ids.filtered(lambda m: m.state != "cancel"):
                quantity = (
                    move.quantity if move.state == "done" or move.picked else move.product_uom_qty
                )
                if move.product_uom.category_id == kg.category_id:
                    weight = move.product_uom._compute_quantity(quantity, kg, round=False)
                    weight_in += weight
                    if move.product_id.is_recovered_produce:
                        produce += weight
                # sudo: the cost per jar is shown to whoever opens the production
                layers = move.sudo().stock_valuation_layer_ids
                if move.state == "done" and layers:
                    cost += -sum(layers.mapped("value"))
                else:
                    product_quantity = move.product_uom._compute_quantity(
                        quantity, move.product_id.uom_id, round=False
                    )
                    cost += product_quantity * move.product_id.standard_price
            jars = production.qty_produced if production.state == "done" else production.product_qty
            net_kg = jars * production.bom_id.net_weight / 1000.0
            production.produce_kg = produce
            production.jar_count = jars
            production.loss_kg = (
                max(weight_in - net_kg, 0.0) if production.bom_id.net_weight else 0.0
            )
            production.kg_per_jar = produce / jars if jars else 0.0
            production.cost_per_jar = cost / jars if jars else 0.0

    @api.depends("activity_id", "toll_partner_id")
    def _compute_picking_type_id(self):
        """Preserves, workshops and toll processing go through the mobile unit, unless the
        recipe names its own operation type."""
        result = super()._compute_picking_type_id()
        for production in self:
            picking_type = self._get_conserverie_picking_type(
                production.company_id,
                production.bom_id,
                production.activity_id or production.toll_partner_id,
            )
            if picking_type:
                production.picking_type_id = picking_type
        return result

    @api.model
    def _get_conserverie_picking_type(self, company, bom, has_activity_or_grower):
        """The mobile unit's operation type for a preserve, a workshop's production or
        toll processing, unless the recipe names its own; else nothing."""
        if bom.picking_type_id or not (bom.preserving_process or has_activity_or_grower):
            return self.env["stock.picking.type"]
        return (company or self.env.company)._get_conserverie_warehouse().manu_type_id

    @api.depends("picking_type_id", "bom_id", "toll_partner_id", "company_id")
    def _compute_locations(self):
        result = super()._compute_locations()
        for production in self:
            if not (production.bom_id.preserving_process or production.toll_partner_id):
                continue
            company = production.company_id or self.env.company
            warehouse = company._get_conserverie_warehouse()
            if production.bom_id.preserving_process:
                production.location_dest_id = warehouse.quarantine_location_id
            if production.toll_partner_id:
                production.location_src_id = warehouse.grower_produce_location_id
        return result

    @api.constrains("operator_ids", "date_start", "company_id")
    def _check_operator_training(self):
        Training = self.env["conserverie.training"]
        for production in self.filtered("operator_ids"):
            on_date = fields.Date.to_date(production.date_start)
            trained = Training._get_trained(
                production.operator_ids, "bottling", on_date, production.company_id
            )
            untrained = production.operator_ids - trained
            if untrained:
                raise ValidationError(
                    self.env._(
                        "No valid bottling training on %(date)s: %(names)s.",
                        names=", ".join(untrained.mapped("display_name")),
                        date=on_date,
                    )
                )

    @api.constrains("activity_id", "company_id")
    def _check_activity_company(self):
        # mrp.production turns the automatic company check of its fields off
        self._check_company(["activity_id"])

    @api.constrains("toll_partner_id", "activity_id")
    def _check_toll_partner(self):
        for production in self.filtered("toll_partner_id"):
            if not production.toll_partner_id.is_grower:
                raise ValidationError(
                    self.env._(
                        "Toll processing is for growers: %(name)s is not one.",
                        name=production.toll_partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_conserverie_protected_fields(vals)
            if vals.get("training_exception_reason"):
                raise UserError(
                    self.env._("A training exception is recorded on an existing production.")
                )
            if vals.get("picking_type_id"):
                continue
            # mrp's create picks the company's first operation type before any compute
            picking_type = self._get_conserverie_picking_type(
                self.env["res.company"].browse(vals.get("company_id")),
                self.env["mrp.bom"].browse(vals.get("bom_id")),
                vals.get("activity_id") or vals.get("toll_partner_id"),
            )
            if picking_type:
                vals["picking_type_id"] = picking_type.id
        productions = super().create(vals_list)
        productions.filtered("toll_partner_id")._apply_toll_owner()
        return productions

    def write(self, vals):
        self._check_conserverie_protected_fields(vals)
        if "training_exception_reason" in vals:
            vals = self._prepare_training_exception(vals)
        elif "operator_ids" in vals and any(self.mapped("training_exception_reason")):
            # the exception covered the team it was granted for: a new team needs a new one
            vals = dict(
                vals,
                training_exception_reason=False,
                training_exception_user_id=False,
                training_exception_date=False,
            )
        res = super().write(vals)
        if "toll_partner_id" in vals:
            self.filtered(lambda p: p.state == "draft")._apply_toll_owner()
        return res

    def _check_conserverie_protected_fields(self, vals):
        if PROTECTED_FIELDS & set(vals) and not self.env.su:
            raise AccessError(
                self.env._(
                    "A production's autoclave cycles are set from the cycle's load, and a "
                    "training exception by a coordinator with its reason."
                )
            )

    def _prepare_training_exception(self, vals):
        """A coordinator records, with a reason, why untrained hands may finish the
        production; the record says who and when."""
        if not self.env.user.has_group("conserverie_base.group_coordinator"):
            raise AccessError(self.env._("Only a coordinator can record a training exception."))
        if any(production.state in ("done", "cancel") for production in self):
            raise UserError(
                self.env._("A training exception is recorded before the production is done.")
            )
        reason = (vals["training_exception_reason"] or "").strip()
        if not reason:
            raise UserError(self.env._("Say why the production may go on without the training."))
        return dict(
            vals,
            training_exception_reason=reason,
            training_exception_user_id=self.env.uid,
            training_exception_date=fields.Datetime.now(),
        )

    def _get_untrained_operators(self):
        """The operators without a valid food hygiene training on the production day."""
        self.ensure_one()
        on_date = fields.Date.to_date(self.date_start)
        trained = self.env["conserverie.training"]._get_trained(
            self.operator_ids, "hygiene", on_date, self.company_id
        )
        return self.operator_ids - trained

    def _check_operator_hygiene(self):
        """Trained hands: a preserve is made by operators who hold a valid food hygiene
        training that day, unless a coordinator recorded an exception."""
        for production in self.filtered(lambda p: p.bom_id.preserving_process or p.activity_id):
            if production.training_exception_reason:
                continue
            if not production.operator_ids:
                raise UserError(
                    self.env._(
                        "%(production)s cannot be done: record the operators present.",
                        production=production.name,
                    )
                )
            untrained = production._get_untrained_operators()
            if untrained:
                raise UserError(
                    self.env._(
                        "%(production)s cannot be done: no valid food hygiene training on "
                        "%(date)s for %(names)s. A coordinator may record an exception with "
                        "its reason.",
                        production=production.name,
                        date=fields.Date.to_date(production.date_start),
                        names=", ".join(untrained.mapped("display_name")),
                    )
                )

    def _apply_toll_owner(self):
        """The grower's produce is consumed, and the jars made, under their
        ownership; locations follow through :meth:`_compute_locations`."""
        for production in self:
            partner = production.toll_partner_id
            production.move_raw_ids.filtered(
                lambda m: m.product_id.is_recovered_produce
            ).restrict_partner_id = partner
            product = production.product_id
            production.move_finished_ids.filtered(
                lambda m, product=product: m.product_id == product
            ).restrict_partner_id = partner

    def _get_move_raw_values(
        self, product, product_uom_qty, product_uom, operation_id=False, bom_line=False
    ):
        values = super()._get_move_raw_values(
            product, product_uom_qty, product_uom, operation_id, bom_line
        )
        if self.toll_partner_id and product.is_recovered_produce:
            values["restrict_partner_id"] = self.toll_partner_id.id
        elif self.toll_partner_id:
            # Jars, sugar and lids come from the facility's stock.
            values["location_id"] = (
                self.picking_type_id.default_location_src_id.id or values["location_id"]
            )
        return values

    def _get_move_finished_values(
        self,
        product_id,
        product_uom_qty,
        product_uom,
        operation_id=False,
        byproduct_id=False,
        cost_share=0,
    ):
        values = super()._get_move_finished_values(
            product_id, product_uom_qty, product_uom, operation_id, byproduct_id, cost_share
        )
        if self.toll_partner_id and product_id == self.product_id.id:
            values["restrict_partner_id"] = self.toll_partner_id.id
        return values

    def _get_lot_preserving_values(self):
        """Best-before from the recipe's shelf life, and quarantine."""
        self.ensure_one()
        bom = self.bom_id
        values = {"conserverie_production_id": self.id}
        if bom.preserving_process:
            best_before = (self.date_start or fields.Datetime.now()) + timedelta(
                days=bom.shelf_life_days
            )
            values.update(
                release_state="quarantine", expiration_date=best_before, use_date=best_before
            )
        return values

    def _prepare_stock_lot_values(self):
        values = super()._prepare_stock_lot_values()
        values.update(self._get_lot_preserving_values())
        return values

    def _check_sterilisation_cycles(self):
        for production in self.filtered("bom_id.preserving_process"):
            if production.has_passed_cycle:
                continue
            failed = production.sterilisation_cycle_ids.filtered(lambda c: c.state == "failed")
            if failed:
                raise UserError(
                    self.env._(
                        "%(production)s cannot be done: its autoclave cycle %(cycles)s failed. "
                        "Run the load again as a new cycle.",
                        production=production.name,
                        cycles=", ".join(failed.mapped("name")),
                    )
                )
            raise UserError(
                self.env._(
                    "%(production)s cannot be done without a passed autoclave cycle covering it.",
                    production=production.name,
                )
            )

    def button_mark_done(self):
        self._check_sterilisation_cycles()
        self._check_operator_hygiene()
        res = super().button_mark_done()
        self.filtered(lambda p: p.state == "done")._conserverie_after_done()
        return res

    def _conserverie_after_done(self):
        for production in self.filtered("bom_id.preserving_process"):
            lots = production.finished_lot_ids
            for lot in lots.filtered(lambda lot: not lot.release_state):
                lot.write(production._get_lot_preserving_values())
            passed = production.sterilisation_cycle_ids.filtered(lambda c: c.state == "passed")
            passed._attach_report_to_lots(lots)

    # Toll processing ----------------------------------------------------

    def _check_toll(self):
        self.ensure_one()
        if not self.toll_partner_id:
            raise UserError(self.env._("%(name)s is not toll processing.", name=self.name))
        if self.state != "done":
            raise UserError(self.env._("Finish %(name)s first.", name=self.name))

    def action_toll_deliver(self):
        """Return the released jars to the grower who owns them."""
        self.ensure_one()
        self._check_toll()
        if self.toll_picking_id:
            raise UserError(
                self.env._("The jars of %(name)s are already being returned.", name=self.name)
            )
        lots = self.finished_lot_ids
        if any(lot.release_state != "released" for lot in lots):
            raise UserError(
                self.env._("Release the jars of %(name)s before returning them.", name=self.name)
            )
        warehouse = self.company_id._get_conserverie_warehouse()
        source = warehouse.toll_jars_location_id
        destination = self.toll_partner_id.property_stock_customer or self.env.ref(
            "stock.stock_location_customers"
        )
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.out_type_id.id,
                "partner_id": self.toll_partner_id.id,
                "owner_id": self.toll_partner_id.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "origin": self.name,
                "move_ids": [
                    Command.create(
                        {
                            "name": self.product_id.display_name,
                            "product_id": self.product_id.id,
                            "product_uom_qty": self.qty_produced,
                            "product_uom": self.product_uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                            "restrict_partner_id": self.toll_partner_id.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        self.toll_picking_id = picking
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "res_id": picking.id,
            "view_mode": "form",
        }

    def _prepare_toll_invoice_values(self):
        self.ensure_one()
        jar = self.bom_id.jar_product_id
        fee = jar.toll_fee_product_id
        if not fee:
            raise UserError(
                self.env._(
                    "Set the toll-processing fee of the jar format %(jar)s first.",
                    jar=jar.display_name or self.env._("(no jar in the recipe)"),
                )
            )
        return {
            "move_type": "out_invoice",
            "partner_id": self.toll_partner_id.id,
            "company_id": self.company_id.id,
            "invoice_origin": self.name,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": fee.id,
                        "quantity": self.qty_produced,
                        "price_unit": fee.lst_price,
                        "name": self.env._(
                            "%(fee)s: %(product)s, %(name)s",
                            fee=fee.display_name,
                            product=self.product_id.display_name,
                            name=self.name,
                        ),
                    }
                )
            ],
        }

    def action_toll_invoice(self):
        """A draft invoice of the fee per jar, for the accountant to post."""
        self.ensure_one()
        self._check_toll()
        if self.toll_invoice_id:
            raise UserError(self.env._("%(name)s is already invoiced.", name=self.name))
        # sudo: staff bill the fee of the jars they made without being accountants;
        # the invoice stays in draft for the accountant to check and post.
        invoice = self.env["account.move"].sudo().create(self._prepare_toll_invoice_values())
        self.toll_invoice_id = invoice
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": invoice.id,
            "view_mode": "form",
        }

    # Other actions ------------------------------------------------------

    def action_new_cycle(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Autoclave cycle"),
            "res_model": "conserverie.sterilisation.cycle",
            "view_mode": "form",
            "context": {"default_production_ids": [Command.set(self.ids)]},
        }

    def action_view_cycles(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Autoclave cycles"),
            "res_model": "conserverie.sterilisation.cycle",
            "view_mode": "list,form",
            "domain": [("id", "in", self.sterilisation_cycle_ids.ids)],
            "context": {"default_production_ids": [Command.set(self.ids)]},
        }

    def action_print_jar_labels(self):
        self.ensure_one()
        lot = self.finished_lot_ids[:1]
        if not lot:
            raise UserError(self.env._("%(name)s has no jar lot yet.", name=self.name))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Print jar labels"),
            "res_model": "conserverie.label.print",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_lot_id": lot.id,
                "default_copies": int(self.qty_produced or self.product_qty),
            },
        }
