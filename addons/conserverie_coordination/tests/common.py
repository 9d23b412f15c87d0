from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.conserverie_base.tests.common import ConserverieCase


def create_portal_user(env, partner, login):
    """A portal account for ``partner`` (a grower or a member); its password is its login."""
    return new_test_user(env, login=login, groups="base.group_portal", partner_id=partner.id)


def create_awareness_stall(warehouse, label, journal_code, activity_name):
    """A stall of ``warehouse`` paid in cash, named after ``label``, and the awareness
    activity it serves, planned for the coming hour: ``(config, activity)``."""
    env = warehouse.env
    cash_journal = env["account.journal"].create(
        {"name": f"Caisse {label}", "code": journal_code, "type": "cash"}
    )
    cash_method = env["pos.payment.method"].create(
        {"name": f"Espèces {label}", "journal_id": cash_journal.id}
    )
    config = env["pos.config"].create(
        {
            "name": f"Stand {label}",
            "picking_type_id": warehouse.pos_type_id.id,
            "payment_method_ids": [Command.set(cash_method.ids)],
        }
    )
    activity = env["conserverie.activity"].create(
        {
            "name": activity_name,
            "activity_type": "awareness",
            "date_start": fields.Datetime.now() + timedelta(hours=1),
            "pos_config_id": config.id,
        }
    )
    activity.action_plan()
    return config, activity


class CoordinationCase(ConserverieCase):
    """A grower with a portal account, members who glean, the fee schedule of the lorry."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grower_user = create_portal_user(cls.env, cls.grower, "conserverie_grower_portal")
        cls.other_grower = cls.env["res.partner"].create(
            {"name": "Verger Voisin", "is_grower": True}
        )
        cls.other_grower_user = create_portal_user(
            cls.env, cls.other_grower, "conserverie_other_grower_portal"
        )
        cls.gleaner_a = cls.env["res.partner"].create(
            {
                "name": "Glaneuse A",
                "is_member": True,
                "is_gleaning_opt_in": True,
                "email": "glaneuse.a@example.com",
                "lang": "en_US",
            }
        )
        cls.gleaner_b = cls.env["res.partner"].create(
            {
                "name": "Glaneur B",
                "is_member": True,
                "is_gleaning_opt_in": True,
                "email": "glaneur.b@example.com",
            }
        )
        cls.not_opted_in = cls.env["res.partner"].create(
            {"name": "Membre Discret", "is_member": True, "email": "discret@example.com"}
        )
        # the fee schedule of the tests alone
        cls.env["product.template"].search([("booking_fee_kind", "!=", False)]).write(
            {"booking_fee_kind": False}
        )
        cls.fee_town = cls.env["product.product"].create(
            {
                "name": "Outing fee: town (test)",
                "type": "service",
                "booking_fee_kind": "town",
                "list_price": 450.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.operator = cls.env["res.partner"].create({"name": "Opératrice Autoclave"})
        cls.env["conserverie.training"].create(
            {
                "partner_id": cls.operator.id,
                "training_type": "autoclave",
                "date": cls.today - timedelta(days=30),
                "date_expiry": cls.today + timedelta(days=300),
            }
        )

    @classmethod
    def _create_offer(cls, kg=100.0, partner=None, **values):
        return cls.env["conserverie.surplus.offer"].create(
            {
                "partner_id": (partner or cls.grower).id,
                "product_id": cls.apples.id,
                "estimated_kg": kg,
                "date_from": values.pop("date_from", cls.today + timedelta(days=2)),
                "date_to": values.pop("date_to", cls.today + timedelta(days=5)),
                **values,
            }
        )

    @classmethod
    def _create_booking(cls, days=10, kind="town", **values):
        return cls.env["conserverie.booking.request"].create(
            {
                "partner_id": values.pop("partner_id", cls.centre.id),
                "kind": kind,
                "date": cls.today + timedelta(days=days),
                "expected_public": 80,
                **values,
            }
        )

    @staticmethod
    def _in_days(days):
        return fields.Datetime.now() + timedelta(days=days)
