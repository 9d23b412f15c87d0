from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

INTAKE_SOURCES = [
    ("donation", "Donation"),
    ("gleaning", "Gleaning"),
    ("picking_hike", "Picking hike"),
    ("toll_processing", "Toll processing"),
]
EDITABLE_FIELDS_WHEN_DONE = {"note", "message_main_attachment_id"}


class ConserverieIntake(models.Model):
    _name = "conserverie.intake"
    _description = "Recovered-produce intake"
    _check_company_auto = True
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    source = fields.Selection(INTAKE_SOURCES, required=True, default="donation", tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Grower",
        domain=[("is_grower", "=", True)],
        tracking=True,
    )
    activity_id = fields.Many2one("conserverie.activity", check_company=True, index=True)
    centre_id = fields.Many2one(
        "res.partner",
        compute="_compute_centre_id",
        store=True,
        readonly=False,
        domain=[("is_social_centre", "=", True)],
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    line_ids = fields.One2many("conserverie.intake.line", "intake_id", string="Lines", copy=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    picking_id = fields.Many2one("stock.picking", string="Receipt", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    total_weight = fields.Float(string="Total (kg)", compute="_compute_totals", store=True)
    total_value = fields.Monetary(string="Estimated value", compute="_compute_totals", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    note = fields.Text()

    @api.depends("activity_id.centre_id")
    def _compute_centre_id(self):
        for intake in self:
            intake.centre_id = intake.activity_id.centre_id or intake.centre_id

    @api.depends("line_ids.quantity", "line_ids.unit_value")
    def _compute_totals(self):
        for intake in self:
            intake.total_weight = sum(intake.line_ids.mapped("quantity"))
            intake.total_value = sum(line.quantity * line.unit_value for line in intake.line_ids)

    @api.constrains("source", "partner_id")
    def _check_grower(self):
        for intake in self:
            if not intake.partner_id:
                raise ValidationError(
                    self.env._("Every intake is traced to its grower: choose one.")
                )
            if intake.source == "toll_processing" and not intake.partner_id.is_grower:
                raise ValidationError(self.env._("Toll processing is done for a grower."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("conserverie.intake")
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - EDITABLE_FIELDS_WHEN_DONE - {"state", "picking_id"}:
            self._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(intake.state == "done" for intake in self):
            raise UserError(self.env._("A validated intake cannot be deleted."))

    def _check_editable(self):
        done = self.filtered(lambda intake: intake.state != "draft")
        if done:
            raise UserError(
                self.env._(
                    "Intake %(name)s is validated: its weights and lots are traced and "
                    "cannot be changed.",
                    name=done[0].name,
                )
            )

    def action_validate(self):
        """Receive the produce into the mobile unit, one traced lot per line."""
        for intake in self:
            intake._check_can_validate()
            picking = intake._create_receipt()
            intake.write({"state": "done", "picking_id": picking.id})
        return True

    def action_cancel(self):
        self._check_editable()
        self.write({"state": "cancelled"})

    def action_draft(self):
        if any(intake.state != "cancelled" for intake in self):
            raise UserError(self.env._("Only a cancelled intake goes back to draft."))
        self.write({"state": "draft"})

    def action_view_picking(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "res_id": self.picking_id.id,
            "view_mode": "form",
        }

    def action_view_lots(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_production_lot_form")
        action["domain"] = [("id", "in", self.line_ids.lot_id.ids)]
        action["context"] = {}
        return action

    def _check_can_validate(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("Intake %(name)s is already validated.", name=self.name))
        if not self.partner_id:
            raise UserError(self.env._("Intake %(name)s needs a grower.", name=self.name))
        if not self.line_ids:
            raise UserError(self.env._("Intake %(name)s has no produce lines.", name=self.name))
        self.line_ids._check_quantity()
        self.line_ids._check_organic()

    def _get_destination_location(self):
        warehouse = self.company_id._get_conserverie_warehouse()
        if self.source == "toll_processing":
            return warehouse.grower_produce_location_id
        return warehouse.raw_produce_location_id

    def _prepare_picking_values(self):
        warehouse = self.company_id._get_conserverie_warehouse()
        values = {
            "picking_type_id": warehouse.in_type_id.id,
            "partner_id": self.partner_id.id,
            "location_id": self.env.ref("stock.stock_location_suppliers").id,
            "location_dest_id": self._get_destination_location().id,
            "origin": self.name,
            "company_id": self.company_id.id,
            "scheduled_date": self.date,
        }
        if self.source == "toll_processing":
            values["owner_id"] = self.partner_id.id
        return values

    def _create_receipt(self):
        """Create and validate the receipt; the lots are named after grower and date."""
        self.ensure_one()
        picking = self.env["stock.picking"].create(self._prepare_picking_values())
        for line in self.line_ids:
            line.lot_id = line._create_lot()
            self.env["stock.move"].create(line._prepare_move_values(picking))
        picking.action_confirm()
        for move in picking.move_ids:
            move.move_line_ids.unlink()
            move.move_line_ids = [
                fields.Command.create(
                    move.conserverie_intake_line_id._prepare_move_line_values(move)
                )
            ]
        picking.move_ids.picked = True
        picking.with_context(skip_backorder=True, skip_sms=True)._action_done()
        return picking
