from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models

# one workshop a month: a grower's apples and pears made into compote, pasteurised in
# the autoclave, released on its pH and distributed through the facility's three channels
APPLE_KG, PEAR_KG, SUGAR_KG = 0.25, 0.15, 0.02
GROWERS = (
    "conserverie_base.partner_grower_ferme_pont",
    "conserverie_base.partner_grower_verger_granges",
    "conserverie_base.partner_grower_ferme_clerieux",
)
CHANNEL_SHARES = (("day_sale", 0.7), ("purchasing_group", 0.2), ("volunteer_share", 0.1))
WORKSHOP_LENGTH = relativedelta(hours=4)
PASTEURISATION_LOG = """minutes;°C
0;20
5;60
10;80
15;88
20;90
25;90.3
30;90.2
35;90
40;71
45;45
"""


class ConserverieDemoYear(models.AbstractModel):
    """The demo database's past year of workshops.

    The demo's books cover the last twelve months; its own workshops are the
    last few weeks. This fills the months before with one workshop each, through
    the same steps as the facility's (intake, production, autoclave cycle, pH
    release, deliveries), then dates each month's records back to its workshop.
    Every jar made is distributed and every component consumed is first counted
    in, so the stock the demo shows today is unchanged. Called from the demo data
    only.
    """

    _name = "conserverie.demo.year"
    _description = "Demo: the facility's past year of workshops"

    @api.model
    def _generate(self, months, jars):
        for months_ago in range(months, 0, -1):
            day = fields.Datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
            self._run_workshop(day - relativedelta(months=months_ago, day=12), jars)

    @api.model
    def _run_workshop(self, day, jars):
        first_ids = {model: self._last_id(model) for model in self._get_dated_models()}
        intake = self._recover_produce(day, jars)
        self._count_in_components(jars)
        lot = self._produce_and_release(day, jars, intake)
        self._distribute(lot, jars)
        self._date_back(day + WORKSHOP_LENGTH, first_ids, lot)

    @api.model
    def _recover_produce(self, day, jars):
        grower = self.env.ref(GROWERS[day.month % len(GROWERS)])
        intake = self.env["conserverie.intake"].create(
            {
                "source": "donation",
                "partner_id": grower.id,
                "date": day.date(),
                "line_ids": [
                    Command.create(
                        {
                            "product_id": self.env.ref(produce).id,
                            "quantity": jars * kg,
                            "grade": "surplus",
                            "unit_value": 2.0,
                        }
                    )
                    for produce, kg in (
                        ("conserverie_base.product_produce_apple", APPLE_KG),
                        ("conserverie_base.product_produce_pear", PEAR_KG),
                    )
                ],
            }
        )
        intake.action_validate()
        return intake

    @api.model
    def _count_in_components(self, jars):
        """The jars, lids, labels and sugar of the workshop, counted in beforehand."""
        warehouse = self.env.company._get_conserverie_warehouse()
        Quant = self.env["stock.quant"].with_context(inventory_mode=True)
        quants = Quant.browse()
        for xmlid, quantity, location in (
            ("conserverie_base.product_jar_370", jars, warehouse.clean_jars_location_id),
            ("conserverie_production.product_lid_70", jars, warehouse.lot_stock_id),
            ("conserverie_production.product_label", jars, warehouse.lot_stock_id),
            ("conserverie_production.product_sugar", jars * SUGAR_KG, warehouse.lot_stock_id),
        ):
            product = self.env.ref(xmlid)
            quant = Quant._gather(product, location, strict=True)[:1] or Quant.create(
                {"product_id": product.id, "location_id": location.id}
            )
            quant.inventory_quantity = quant.quantity + quantity
            quants |= quant
        quants.action_apply_inventory()

    @api.model
    def _produce_and_release(self, day, jars, intake):
        """The compote of the workshop, made of ``intake``'s produce: its lot, released."""
        bom = self.env.ref("conserverie_production.bom_apple_pear_compote")
        lot = self.env["stock.lot"].create(
            {
                "name": f"CPP-{day:%Y%m}",
                "product_id": bom.product_id.id,
                "company_id": self.env.company.id,
            }
        )
        production = self.env["mrp.production"].create(
            {
                "product_id": bom.product_id.id,
                "bom_id": bom.id,
                "product_qty": jars,
                "date_start": day,
                "lot_producing_id": lot.id,
                "operator_ids": [
                    Command.set(
                        [
                            self.env.ref("conserverie_base.partner_member_amina").id,
                            self.env.ref("conserverie_base.partner_member_david").id,
                        ]
                    )
                ],
            }
        )
        production.action_confirm()
        cycle = self.env["conserverie.sterilisation.cycle"].create(
            {
                "autoclave_id": self.env.ref("conserverie_production.autoclave_lorry").id,
                "operator_id": self.env.ref("conserverie_base.partner_member_david").id,
                "date_start": day,
                "production_ids": [Command.set(production.ids)],
            }
        )
        cycle.import_readings(PASTEURISATION_LOG)
        # demo data of this addon like the rest: uninstalling it deletes the cycle, which
        # would otherwise keep production's demo autoclave from being deleted with it
        self.env["ir.model.data"].create(
            {
                "module": "conserverie_coordination",
                "name": f"demo_year_cycle_{day:%Y%m}",
                "model": cycle._name,
                "res_id": cycle.id,
                "noupdate": True,
            }
        )
        production.action_assign()
        production.qty_producing = jars
        production.set_qty_producing()
        raw_produce = self.env.company._get_conserverie_warehouse().raw_produce_location_id
        for line in intake.line_ids:
            # the workshop's own produce, not the oldest lots in stock
            move = production.move_raw_ids.filtered(
                lambda move, line=line: move.product_id == line.product_id
            )
            self._take_from_lot(move, line.lot_id, line.quantity, raw_produce)
        production.move_raw_ids.picked = True
        production.button_mark_done()
        lot.write({"ph_measured": 3.7, "ph_measured_date": day.date()})
        lot.action_release()
        return lot

    @api.model
    def _distribute(self, lot, jars):
        """Every jar of ``lot`` delivered: stalls (anonymous sales, as at the till),
        purchasing groups, volunteers."""
        warehouse = self.env.company._get_conserverie_warehouse()
        customers = self.env.ref("stock.stock_location_customers")
        partners = {
            "day_sale": self.env["res.partner"],
            "purchasing_group": self.env.ref("conserverie_base.partner_group_coluche"),
            "volunteer_share": self.env.ref("conserverie_base.partner_member_amina"),
        }
        left = jars
        for code, share in CHANNEL_SHARES:
            quantity = left if code == CHANNEL_SHARES[-1][0] else round(jars * share)
            left -= quantity
            picking = self.env["stock.picking"].create(
                {
                    "picking_type_id": warehouse.out_type_id.id,
                    "partner_id": partners[code].id,
                    "channel_id": self.env["conserverie.channel"]._get_by_code(code).id,
                    "location_id": warehouse.released_location_id.id,
                    "location_dest_id": customers.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": lot.product_id.name,
                                "product_id": lot.product_id.id,
                                "product_uom_qty": quantity,
                                "product_uom": lot.product_id.uom_id.id,
                                "location_id": warehouse.released_location_id.id,
                                "location_dest_id": customers.id,
                            }
                        )
                    ],
                }
            )
            picking.action_confirm()
            self._take_from_lot(picking.move_ids, lot, quantity, warehouse.released_location_id)
            picking.move_ids.picked = True
            picking.with_context(skip_backorder=True)._action_done()

    @api.model
    def _take_from_lot(self, move, lot, quantity, location):
        """``move`` takes ``quantity`` from ``lot`` in ``location``, whatever it reserved."""
        move.move_line_ids.unlink()
        move.move_line_ids = [
            Command.create(
                {
                    "product_id": move.product_id.id,
                    "lot_id": lot.id,
                    "quantity": quantity,
                    "location_id": location.id,
                    "location_dest_id": move.location_dest_id.id,
                    "picking_id": move.picking_id.id,
                }
            )
        ]

    @api.model
    def _get_dated_models(self):
        """The models whose records a workshop makes, with their dates of recording."""
        return {
            "stock.move": ("date",),
            "stock.move.line": ("date",),
            "stock.picking": ("date", "date_done"),
            "mrp.production": ("date_finished",),
        }

    @api.model
    def _last_id(self, model):
        records = self.env[model].with_context(active_test=False)
        return records.search([], order="id desc", limit=1).id

    @api.model
    def _date_back(self, end, first_ids, lot):
        """Date what the workshop recorded back to its ``end``, as if recorded then."""
        for model, names in self._get_dated_models().items():
            records = (
                self.env[model]
                .with_context(active_test=False)
                .search([("id", ">", first_ids[model])])
            )
            records.write(dict.fromkeys(names, end))
        # sudo: only the release writes its date; here it is dated back with the workshop
        lot.sudo().release_date = end
