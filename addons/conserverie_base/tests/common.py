from datetime import date, timedelta
from uuid import uuid4

from odoo import Command, fields
from odoo.tests import Form, TransactionCase, new_test_user


class ConserverieCase(TransactionCase):
    """Fixtures shared by the suite's tests: a mobile unit, growers, produce, users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.warehouse = cls.company._get_conserverie_warehouse()
        cls.today = date.today()
        cls.grower = cls.env["res.partner"].create(
            {
                "name": "Ferme des Tests",
                "is_grower": True,
                "organic_certifier": "Ecocert FR-BIO-01",
                "organic_certificate_number": "FR-BIO-01-TEST",
                "organic_valid_until": cls.today + timedelta(days=100),
            }
        )
        cls.grower_conventional = cls.env["res.partner"].create(
            {"name": "Jardin Conventionnel", "is_grower": True}
        )
        cls.centre = cls.env["res.partner"].create(
            {"name": "Centre social des Tests", "is_social_centre": True, "is_company": True}
        )
        cls.member = cls.env["res.partner"].create({"name": "Résidente Test", "is_member": True})
        produce_category = cls.env.ref("conserverie_base.product_category_produce")
        cls.apples = cls.env["product.product"].create(
            {
                "name": "Pommes (test)",
                "categ_id": produce_category.id,
                "is_recovered_produce": True,
                "is_storable": True,
                "tracking": "lot",
                "uom_id": cls.env.ref("uom.product_uom_kgm").id,
                "uom_po_id": cls.env.ref("uom.product_uom_kgm").id,
                "standard_price": 2.0,
                "list_price": 2.0,
            }
        )
        cls.jar_370 = cls.env["product.product"].create(
            {
                "name": "Bocal 370 ml (test)",
                "is_jar": True,
                "jar_volume_ml": 370,
                "is_storable": True,
            }
        )
        cls.compote = cls.env["product.product"].create(
            {
                "name": "Compote (test)",
                "is_storable": True,
                "tracking": "lot",
                "list_price": 4.0,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
        )
        cls.volunteer_user = cls._create_user("volunteer", "conserverie_base.group_volunteer")
        cls.staff_user = cls._create_user("staff", "conserverie_base.group_staff")
        cls.coordinator_user = cls._create_user("coordinator", "conserverie_base.group_coordinator")
        cls.accountant_user = cls._create_user("accountant", "conserverie_base.group_accountant")

    @classmethod
    def _create_user(cls, login, groups, company=None):
        company = company or cls.company
        return new_test_user(
            cls.env,
            login=f"conserverie_{login}_{company.id}",
            groups=groups,
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )

    @classmethod
    def _create_intake(cls, lines, partner=None, source="donation", **values):
        """An intake in draft; ``lines`` is a list of (product, kg) or of dicts."""
        return cls.env["conserverie.intake"].create(
            {
                "partner_id": (partner or cls.grower).id,
                "source": source,
                "date": values.pop("date", cls.today),
                "line_ids": [
                    Command.create(
                        line
                        if isinstance(line, dict)
                        else {"product_id": line[0].id, "quantity": line[1]}
                    )
                    for line in lines
                ],
                **values,
            }
        )

    @classmethod
    def _put_released_jars(cls, product, quantity, lot_name="LOT-TEST-1"):
        """Jars already released, ready to be sold or given."""
        lot = cls.env["stock.lot"].create(
            {"name": lot_name, "product_id": product.id, "company_id": cls.company.id}
        )
        cls.env["stock.quant"]._update_available_quantity(
            product, cls.warehouse.released_location_id, quantity, lot_id=lot
        )
        return lot


def pos_line_values(product, qty, price=None, **values):
    """What a till sends for one order line, untaxed."""
    price = product.lst_price if price is None else price
    return {
        "uuid": str(uuid4()),
        "product_id": product.id,
        "qty": qty,
        "price_unit": price,
        "discount": 0.0,
        "price_subtotal": qty * price,
        "price_subtotal_incl": qty * price,
        "tax_ids": [],
        "pack_lot_ids": [],
        **values,
    }


def pos_order_payload(session, lines, payments, partner=None, uuid=None, date_order=None):
    """What a till sends for one paid order.

    ``lines`` are line values or ``Command.create`` commands, ``payments`` are
    (payment method, amount) pairs.
    """
    commands = [line if isinstance(line, list | tuple) else Command.create(line) for line in lines]
    uuid = uuid or str(uuid4())
    now = fields.Datetime.now()
    return {
        "uuid": uuid,
        "name": f"Order {uuid}",
        "session_id": session.id,
        "pricelist_id": session.config_id.pricelist_id.id,
        "partner_id": partner.id if partner else False,
        "user_id": session.env.uid,
        "sequence_number": 1,
        "date_order": fields.Datetime.to_string(date_order or now),
        "fiscal_position_id": False,
        "amount_paid": round(sum(amount for _method, amount in payments), 2),
        "amount_return": 0,
        "amount_tax": 0,
        "amount_total": round(sum(command[2]["price_subtotal_incl"] for command in commands), 2),
        "lines": commands,
        "payment_ids": [
            Command.create({"amount": amount, "name": now, "payment_method_id": method.id})
            for method, amount in payments
        ],
        "state": "paid",
        "to_invoice": False,
        "last_order_preparation_change": "{}",
    }


class FacilitySetupCase(ConserverieCase):
    """A company that is not a facility yet, and its users of each role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.new_company = cls.env["res.company"].create({"name": "Conserverie de Crest"})
        cls.new_coordinator = cls._create_user(
            "setup_coordinator", "conserverie_base.group_coordinator", company=cls.new_company
        )
        cls.new_staff = cls._create_user(
            "setup_staff", "conserverie_base.group_staff", company=cls.new_company
        )
        cls.new_volunteer = cls._create_user(
            "setup_volunteer", "conserverie_base.group_volunteer", company=cls.new_company
        )

    def _start_facility(self, user=None, **values):
        """Run the assistant as ``user`` (the new company's coordinator) through its form."""
        user = user or self.new_coordinator
        Wizard = self.env["conserverie.facility.setup"].with_user(user)
        with Form(Wizard.with_company(self.new_company)) as form:
            for name, value in values.items():
                setattr(form, name, value)
        wizard = form.save()
        wizard.action_start()
        return wizard
