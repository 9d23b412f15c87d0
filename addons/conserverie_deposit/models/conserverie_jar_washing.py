from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare


class ConserverieJarWashing(models.Model):
    """A washing run: empty jars to wash become clean jars, broken ones are scrapped."""

    _name = "conserverie.jar.washing"
    _description = "Jar washing"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        required=True, readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    jar_product_id = fields.Many2one(
        "product.product",
        string="Jar format",
        required=True,
        domain=[("is_jar", "=", True)],
        check_company=True,
    )
    quantity_washed = fields.Integer(string="Jars washed", help="Clean jars ready for production.")
    quantity_broken = fields.Integer(string="Jars broken", help="Broken or unusable: scrapped.")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", required=True, tracking=True
    )
    quantity_available = fields.Float(
        string="Empty jars to wash", compute="_compute_quantity_available"
    )
    move_id = fields.Many2one("stock.move", string="Washing move", readonly=True, copy=False)
    scrap_id = fields.Many2one("stock.scrap", readonly=True, copy=False)
    user_id = fields.Many2one("res.users", string="Washed by", default=lambda self: self.env.user)
    note = fields.Text()

    @api.depends("jar_product_id", "company_id")
    def _compute_quantity_available(self):
        for washing in self:
            location = washing.company_id._get_conserverie_warehouse().empty_jars_location_id
            washing.quantity_available = (
                washing.jar_product_id.with_context(location=location.id).qty_available
                if washing.jar_product_id
                else 0.0
            )

    @api.constrains("quantity_washed", "quantity_broken")
    def _check_quantities(self):
        for washing in self:
            if washing.quantity_washed < 0 or washing.quantity_broken < 0:
                raise ValidationError(self.env._("Washed and broken jars cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "conserverie.jar.washing"
                ) or self.env._("New")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(washing.state == "done" for washing in self):
            raise UserError(self.env._("A finished washing run cannot be deleted."))

    def action_done(self):
        for washing in self.filtered(lambda w: w.state == "draft"):
            washing._check_can_wash()
            warehouse = washing.company_id._get_conserverie_warehouse()
            if washing.quantity_washed:
                washing.move_id = washing._create_washing_move(warehouse)
            if washing.quantity_broken:
                washing.scrap_id = washing._create_scrap(warehouse)
            washing.state = "done"
        return True

    def _check_can_wash(self):
        self.ensure_one()
        total = self.quantity_washed + self.quantity_broken
        if total <= 0:
            raise UserError(self.env._("Enter the jars washed or broken."))
        if float_compare(total, self.quantity_available, precision_digits=3) > 0:
            raise UserError(
                self.env._(
                    "Only %(available)s empty %(jar)s are waiting to be washed; "
                    "%(total)s were entered.",
                    available=int(self.quantity_available),
                    jar=self.jar_product_id.display_name,
                    total=total,
                )
            )

    def _create_washing_move(self, warehouse):
        self.ensure_one()
        move = self.env["stock.move"].create(
            {
                "name": self.name,
                "reference": self.name,
                "product_id": self.jar_product_id.id,
                "product_uom": self.jar_product_id.uom_id.id,
                "product_uom_qty": self.quantity_washed,
                "location_id": warehouse.empty_jars_location_id.id,
                "location_dest_id": warehouse.clean_jars_location_id.id,
                "company_id": self.company_id.id,
                "origin": self.name,
            }
        )
        move._action_confirm()
        move._action_assign()
        move.quantity = self.quantity_washed
        move.picked = True
        move._action_done()
        return move

    def _create_scrap(self, warehouse):
        self.ensure_one()
        scrap = self.env["stock.scrap"].create(
            {
                "product_id": self.jar_product_id.id,
                "product_uom_id": self.jar_product_id.uom_id.id,
                "scrap_qty": self.quantity_broken,
                "location_id": warehouse.empty_jars_location_id.id,
                "company_id": self.company_id.id,
                "origin": self.name,
            }
        )
        scrap.action_validate()
        return scrap
