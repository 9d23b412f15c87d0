from odoo import Command

from odoo.addons.conserverie_base.tests.common import pos_line_values, pos_order_payload
from odoo.addons.conserverie_production.tests.common import ProductionCase, produce

# the probe's log of a passing cycle: warm-up, 15 minutes at 95 °C, cooling
PROBE_TEMPERATURES = [20, 45, 70, 88] + [95] * 15 + [80, 60, 40]


def sterilise_and_release(case, cycle, production, user, ph_measured):
    """The probe's log of a passing cycle imported into ``cycle``, ``production`` made
    and its jars' lot released by ``user`` with the pH measured: the lot, checked at
    each step by the test ``case``."""
    cycle.import_readings(
        "minutes;temperature\n"
        + "".join(f"{minute};{temp}\n" for minute, temp in enumerate(PROBE_TEMPERATURES))
    )
    case.assertEqual(cycle.state, "passed", cycle.result_message)
    produce(production)
    case.assertEqual(production.state, "done")
    jar_lot = production.finished_lot_ids
    case.assertEqual(jar_lot.release_state, "quarantine")
    jar_lot.with_user(user).write({"ph_measured": ph_measured})
    jar_lot.with_user(user).action_release()
    case.assertEqual(jar_lot.release_state, "released")
    return jar_lot


class StallCase(ProductionCase):
    """The mobile unit's stall: preserves in deposit jars, paid in cash or in hours.

    An hour is worth 10 € and new members get no welcome hours, so every hour in the
    ledger comes from what a test does.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"time_hour_value": 10.0, "time_welcome_hours": 0.0})
        cls.deposit_370 = cls.env["product.product"].create(
            {
                "name": "Consigne 370 ml (scénario)",
                "is_deposit": True,
                "list_price": 0.5,
                "available_in_pos": True,
            }
        )
        cls.jar_370.deposit_product_id = cls.deposit_370
        cls.compote.jar_product_id = cls.jar_370
        cls.liability = cls.company._get_conserverie_deposit_accounts()[0]
        cash_journal = cls.env["account.journal"].create(
            {"name": "Caisse du stand (scénario)", "type": "cash", "code": "CSCN"}
        )
        cls.cash_method = cls.env["pos.payment.method"].create(
            {"name": "Espèces (scénario)", "journal_id": cash_journal.id}
        )
        cls.time_method = cls.company._get_time_payment_method()
        cls.stall = cls.env["pos.config"].create(
            {
                "name": "Stand du marché (scénario)",
                "payment_method_ids": [Command.set((cls.cash_method | cls.time_method).ids)],
                "picking_type_id": cls.warehouse.pos_type_id.id,
            }
        )
        cls.TimeAccount = cls.env["conserverie.time.account"]

    @classmethod
    def _open_stall(cls, user=None):
        config = cls.stall.with_user(user) if user else cls.stall
        config.open_ui()
        return cls.stall.current_session_id

    @classmethod
    def _member(cls, name, hours=0.0):
        """A member of the centre holding ``hours`` given by the facility."""
        partner = cls.env["res.partner"].create({"name": name, "is_member": True})
        account = cls.TimeAccount._get_for_partner(partner)
        if hours:
            cls.env["conserverie.time.move"]._post_transfer(
                cls.TimeAccount._get_facility(cls.company), account, hours, "adjustment"
            )
        return partner

    @classmethod
    def _member_with_jars_out(
        cls, name, *, hours, jars_out, preserve_name, category_name, price, **member_values
    ):
        """A member holding ``hours`` who took ``jars_out`` jars of a preserve with their
        deposit, paid in cash, at the stall opened by the volunteer and showing only that
        preserve's category: ``(member, preserve)``."""
        member = cls._member(name, hours=hours)
        member.write(member_values)
        preserve = cls.env["product.product"].create(
            {
                "name": preserve_name,
                "is_storable": True,
                "list_price": price,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
                "jar_product_id": cls.jar_370.id,
            }
        )
        category = cls.env["pos.category"].create({"name": category_name})
        preserve.pos_categ_ids = category
        cls.stall.write(
            {"limit_categories": True, "iface_available_categ_ids": [Command.set(category.ids)]}
        )
        cls.stall_session = cls._open_stall(cls.volunteer_user)
        cls.env["pos.order"].with_user(cls.volunteer_user).sync_from_ui(
            [
                cls._order(
                    cls.stall_session,
                    cls._jars(preserve, jars_out),
                    [(cls.cash_method, jars_out * (price + cls.deposit_370.list_price))],
                    partner=member,
                )
            ]
        )
        return member, preserve

    @staticmethod
    def _line(product, qty, price=None, lot_name=None, **values):
        if lot_name:
            values["pack_lot_ids"] = [Command.create({"lot_name": lot_name})]
        return pos_line_values(product, qty, price, **values)

    @classmethod
    def _jars(cls, product, qty, lot_name=None):
        """A line of jars and the deposit line the till adds to it."""
        jar_line = cls._line(product, qty, lot_name=lot_name)
        deposit = product.jar_product_id.deposit_product_id
        return [jar_line, cls._line(deposit, qty, deposit_parent_uuid=jar_line["uuid"])]

    @classmethod
    def _empties(cls, qty, deposit=None):
        """Empty jars brought back: a negative deposit line."""
        return [cls._line(deposit or cls.deposit_370, -qty)]

    @staticmethod
    def _order(session, lines, payments, partner=None, date_order=None, uuid=None):
        """The payload a till sends: ``payments`` as (method, amount)."""
        return pos_order_payload(session, lines, payments, partner, uuid, date_order)

    def _sync(self, payloads, user=None):
        Order = self.env["pos.order"].with_user(user) if user else self.env["pos.order"]
        result = Order.sync_from_ui(payloads)
        return self.env["pos.order"].browse([order["id"] for order in result["pos.order"]])

    def _balance(self, partner):
        account = self.TimeAccount._get_for_partner(partner)
        account.invalidate_recordset(["balance"])
        return account.balance
