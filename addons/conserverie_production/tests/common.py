from datetime import timedelta

from odoo import Command

from odoo.addons.conserverie_base.tests.common import ConserverieCase


def produce(production):
    """Produce the whole quantity as on the production screen: reserve, generate the
    lot, consume, mark done."""
    for record in production:
        if record.state == "draft":
            record.action_confirm()
        record.action_assign()
        if record.product_id.tracking != "none" and not record.lot_producing_id:
            record.action_generate_serial()
        record.qty_producing = record.product_qty
        record.set_qty_producing()
        record.move_raw_ids.picked = True
    return production.button_mark_done()


# 121.1 °C held for 3 minutes, readings every minute: F0 = 3.0.
CSV_F0_3 = "minutes;temperature\n0;121,1\n1;121,1\n2;121,1\n3;121,1\n"
# 111.1 °C held for 10 minutes: F0 = 1.0.
CSV_F0_1 = "minutes,temperature\n" + "".join(f"{m},111.1\n" for m in range(11))
# An acid compote: pasteurised, released on the day once its pH is measured.
PASTEURISED_COMPOTE = {
    "preserving_process": "pasteurisation",
    "lethality_target": 10.0,
    "min_core_temp": 85.0,
    "min_hold_minutes": 5.0,
    "release_policy": "ph_same_day",
    "max_ph": 4.2,
    "shelf_life_days": 365,
    "net_weight": 350,
}


class ProductionCase(ConserverieCase):
    """A sterilised recipe, a pasteurised one, an autoclave and trained people."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        kg = cls.env.ref("uom.product_uom_kgm")
        cls.apples.label_ingredient_name = "pommes"
        cls.sugar = cls.env["product.product"].create(
            {
                "name": "Sucre (test)",
                "label_ingredient_name": "sucre",
                "is_storable": True,
                "uom_id": kg.id,
                "uom_po_id": kg.id,
                "standard_price": 1.5,
            }
        )
        cls.celery = cls.env["product.product"].create(
            {
                "name": "Céleri (test)",
                "label_ingredient_name": "céleri",
                "is_allergen": True,
                "is_storable": True,
                "uom_id": kg.id,
                "uom_po_id": kg.id,
                "standard_price": 3.0,
            }
        )
        cls.lid = cls.env["product.product"].create(
            {"name": "Capsule (test)", "is_storable": True, "standard_price": 0.1}
        )
        cls.jar_370.standard_price = 0.9
        cls.fee_370 = cls.env["product.product"].create(
            {"name": "Façon 370 ml (test)", "type": "service", "list_price": 0.8}
        )
        cls.jar_370.toll_fee_product_id = cls.fee_370
        cls.compote.use_expiration_date = True
        cls.sauce = cls.env["product.product"].create(
            {
                "name": "Sauce (test)",
                "is_storable": True,
                "tracking": "lot",
                "use_expiration_date": True,
                "list_price": 5.0,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
        )
        cls.compote_bom = cls._create_bom(
            cls.compote, [(cls.apples, 0.4), (cls.sugar, 0.05)], **PASTEURISED_COMPOTE
        )
        cls.sauce_bom = cls._create_bom(
            cls.sauce,
            [(cls.apples, 0.3), (cls.celery, 0.02), (cls.sugar, 0.1)],
            preserving_process="sterilisation",
            lethality_target=3.0,
            release_policy="incubation",
            incubation_days=7,
            incubation_sample_count=2,
            shelf_life_days=730,
        )
        cls.autoclave = cls.env["conserverie.autoclave"].create({"name": "Autoclave (test)"})
        cls.operator = cls.member
        cls.untrained = cls.env["res.partner"].create({"name": "Sans Formation", "is_member": True})
        Training = cls.env["conserverie.training"]
        for training_type in ("autoclave", "bottling", "hygiene"):
            Training.create(
                {
                    "partner_id": cls.operator.id,
                    "training_type": training_type,
                    "date": cls.today - timedelta(days=30),
                    "date_expiry": cls.today + timedelta(days=300),
                }
            )
        cls.workshop = cls.env["conserverie.activity"].create(
            {
                "name": "Atelier (test)",
                "activity_type": "preserving",
                "date_start": f"{cls.today} 08:00:00",
                "date_end": f"{cls.today} 12:00:00",
                "centre_id": cls.centre.id,
            }
        )
        stock = cls.warehouse.lot_stock_id
        Quant = cls.env["stock.quant"]
        for product in (cls.sugar, cls.celery, cls.lid):
            Quant._update_available_quantity(product, stock, 100)
        Quant._update_available_quantity(cls.jar_370, cls.warehouse.clean_jars_location_id, 500)
        cls.intake = cls._create_intake([(cls.apples, 50.0)])
        cls.intake.action_validate()
        cls.apple_lot = cls.intake.line_ids.lot_id

    @classmethod
    def _create_bom(cls, product, components, **values):
        lines = [
            Command.create({"product_id": p.id, "product_qty": q, "product_uom_id": p.uom_id.id})
            for p, q in components
        ]
        lines += [
            Command.create({"product_id": cls.jar_370.id, "product_qty": 1}),
            Command.create({"product_id": cls.lid.id, "product_qty": 1}),
        ]
        return cls.env["mrp.bom"].create(
            {
                "product_tmpl_id": product.product_tmpl_id.id,
                "product_id": product.id,
                "product_qty": 1,
                "bom_line_ids": lines,
                **values,
            }
        )

    @classmethod
    def _create_production(cls, bom, quantity=10, **values):
        production = cls.env["mrp.production"].create(
            {
                "product_id": bom.product_id.id,
                "bom_id": bom.id,
                "product_qty": quantity,
                "activity_id": cls.workshop.id,
                "operator_ids": [Command.set(cls.operator.ids)],
                **values,
            }
        )
        production.action_confirm()
        return production

    @classmethod
    def _create_cycle(cls, productions, **values):
        return cls.env["conserverie.sterilisation.cycle"].create(
            {
                "autoclave_id": cls.autoclave.id,
                "operator_id": cls.operator.id,
                "production_ids": [Command.set(productions.ids)],
                **values,
            }
        )

    @classmethod
    def _passing_csv(cls, bom):
        """A log that meets ``bom``'s schedule: 5 min above its reference."""
        temp = max(bom.lethality_ref_temp, bom.min_core_temp) + 10.0
        minutes = max(int(bom.min_hold_minutes) + 2, 6)
        return "minutes;temperature\n" + "".join(f"{m};{temp}\n" for m in range(minutes))

    @classmethod
    def _produce_with_passed_cycle(cls, bom, quantity=10, **values):
        production = cls._create_production(bom, quantity, **values)
        cycle = cls._create_cycle(production)
        cycle.import_readings(cls._passing_csv(bom))
        produce(production)
        return production, production.finished_lot_ids
