from datetime import date, datetime, time, timedelta
from html import unescape

from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.conserverie_production.tests.common import ProductionCase
from odoo.addons.conserverie_timebank.tests.common import TimebankCase

# Dates of the rows a test creates, moved back in time (see ``_ShiftedPeriodCase``).
SHIFTED_COLUMNS = {
    "stock_move": ("date", "date_deadline"),
    "stock_move_line": ("date",),
    "stock_picking": ("date", "date_done", "scheduled_date"),
    "mrp_production": ("date_start", "date_finished", "date_deadline"),
    "conserverie_time_move": ("date",),
    "pos_order": ("date_order",),
    "pos_payment": ("payment_date",),
    "conserverie_deposit_move": ("date",),
    "conserverie_intake": ("date",),
    "conserverie_intake_line": ("date",),
    "conserverie_activity": ("date_start", "date_end"),
    "conserverie_activity_attendance": ("date",),
    "conserverie_jar_washing": ("date",),
}
PERIOD_DAY = date(2021, 6, 15)


def deliver_released(warehouse, product, quantity, partner, **values):
    """``quantity`` of ``product`` delivered to ``partner`` from ``warehouse``'s released
    stock, with the picking's other ``values``: the picking, done."""
    env = warehouse.env
    customers = env.ref("stock.stock_location_customers")
    picking = env["stock.picking"].create(
        {
            "picking_type_id": warehouse.out_type_id.id,
            "partner_id": partner.id,
            "location_id": warehouse.released_location_id.id,
            "location_dest_id": customers.id,
            **values,
            "move_ids": [
                Command.create(
                    {
                        "name": product.name,
                        "product_id": product.id,
                        "product_uom_qty": quantity,
                        "product_uom": product.uom_id.id,
                        "location_id": warehouse.released_location_id.id,
                        "location_dest_id": customers.id,
                    }
                )
            ],
        }
    )
    picking.action_confirm()
    picking.action_assign()
    picking.move_ids.picked = True
    picking.with_context(skip_backorder=True)._action_done()
    return picking


class _ShiftedPeriodCase(TransactionCase):
    """Moves what the fixtures create, dated today by the real flows (moves, POS
    orders, hours), to a period of their own, far from any demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._max_ids = {}
        for table in SHIFTED_COLUMNS:
            cls.env.cr.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
            cls._max_ids[table] = cls.env.cr.fetchone()[0]

    @classmethod
    def _shift_to_period(cls, today):
        cls.env.flush_all()
        days = (today - PERIOD_DAY).days
        for table, columns in SHIFTED_COLUMNS.items():
            assignments = ", ".join(
                f"{column} = {column} - %(days)s * interval '1 day'" for column in columns
            )
            cls.env.cr.execute(
                f"UPDATE {table} SET {assignments} WHERE id > %(max_id)s",
                {"days": days, "max_id": cls._max_ids[table]},
            )
        cls.env.invalidate_all()
        return days


class ImpactCase(ProductionCase, TimebankCase, _ShiftedPeriodCase):
    """A small, hand-built period whose figures are known.

    Built today through the real flows, then moved to a period of its own
    (see ``_ShiftedPeriodCase``): the period runs 30 days either side of
    ``PERIOD_DAY``. In it:

    - intakes: the fixture's 50 kg (organic grower, donation, surplus), 30 kg from
      the organic grower (donation, downgraded, centre, 2 €/kg), 20 kg from the
      conventional grower (gleaning, unsold, second centre, 1 €/kg), 10 kg of toll
      processing (conventional grower, damaged); out of it: 40 kg a year before
      and a 7 kg draft;
    - production: 20 compote jars from 8 kg of the organic grower's apples and
      20 jars, in the workshop of the centre; the lot released;
    - distribution: 3 jars given in the workshop, 5 sold on the day, 4 to a
      purchasing group of the centre; a stall order of 2 jams (delivered on the
      day too) paid 7.50 € in hours and 2.50 € in cash;
    - people: the workshop (centre, urban) with the member (volunteer, 3 h), the
      neighbour (resident, 2 h), a staff member (4 h, left out) and an absent
      volunteer; a rural gleaning (second centre) with the member (2 h) and the
      conventional grower (1.5 h); the member also took part a year before;
    - jars: 10 out with a deposit, 6 back; 5 washed out of 6 empties, 1 broken.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.long_ago = cls.today - timedelta(days=400)
        cls.centre_2 = cls.env["res.partner"].create(
            {"name": "Centre social Deux", "is_social_centre": True, "is_company": True}
        )
        cls.purchasing_group = cls.env["res.partner"].create(
            {
                "name": "Groupement d'achat (test)",
                "is_purchasing_group": True,
                "purchasing_group_centre_id": cls.centre.id,
            }
        )
        cls.rural_site = cls.env["conserverie.site"].create(
            {"name": "Verger (test)", "site_type": "farm", "is_rural": True}
        )
        cls._build_production()
        cls._build_intakes()
        cls._build_people()
        cls._build_distribution()
        cls._build_stall_order()
        cls._build_jars()
        cls._shift_to_period(cls.today)
        cls.date_from = PERIOD_DAY - timedelta(days=30)
        cls.date_to = PERIOD_DAY + timedelta(days=30)
        cls.long_ago = PERIOD_DAY - timedelta(days=400)
        # a document layout is chosen: printing goes straight to the report
        cls.env.company.external_report_layout_id = cls.env.ref("web.external_layout_standard")

    @classmethod
    def _at(cls, day, hour=10):
        return datetime.combine(day, time(hour))

    @classmethod
    def _build_production(cls):
        cls.production, cls.jar_lot = cls._produce_with_passed_cycle(cls.compote_bom, 20)
        cls.jar_lot.ph_measured = 3.8
        cls.jar_lot.action_release()

    @classmethod
    def _build_intakes(cls):
        cls.intake_centre = cls._create_intake(
            [
                {
                    "product_id": cls.apples.id,
                    "quantity": 30.0,
                    "grade": "downgraded",
                    "unit_value": 2.0,
                }
            ],
            centre_id=cls.centre.id,
        )
        cls.intake_gleaning = cls._create_intake(
            [{"product_id": cls.apples.id, "quantity": 20.0, "grade": "unsold", "unit_value": 1.0}],
            partner=cls.grower_conventional,
            source="gleaning",
            centre_id=cls.centre_2.id,
        )
        cls.intake_toll = cls._create_intake(
            [{"product_id": cls.apples.id, "quantity": 10.0, "grade": "damaged"}],
            partner=cls.grower_conventional,
            source="toll_processing",
        )
        cls.intake_old = cls._create_intake([(cls.apples, 40.0)], date=cls.long_ago)
        (
            cls.intake_centre | cls.intake_gleaning | cls.intake_toll | cls.intake_old
        ).action_validate()
        cls.intake_draft = cls._create_intake([(cls.apples, 7.0)])

    @classmethod
    def _build_people(cls):
        Partner = cls.env["res.partner"]
        cls.staff_person = Partner.create({"name": "Salariée (test)"})
        cls.absent = Partner.create({"name": "Absent (test)"})
        cls.workshop.write(
            {
                "attendance_ids": [
                    Command.create(
                        {"partner_id": cls.member.id, "role": "volunteer", "hours": 3.0}
                    ),
                    Command.create(
                        {"partner_id": cls.neighbour.id, "role": "resident", "hours": 2.0}
                    ),
                    Command.create(
                        {"partner_id": cls.staff_person.id, "role": "staff", "hours": 4.0}
                    ),
                    Command.create(
                        {
                            "partner_id": cls.absent.id,
                            "role": "volunteer",
                            "hours": 3.0,
                            "attended": False,
                        }
                    ),
                ]
            }
        )
        cls.gleaning = cls.env["conserverie.activity"].create(
            {
                "name": "Glanage (test)",
                "activity_type": "gleaning",
                "date_start": cls._at(cls.today - timedelta(days=5)),
                "site_id": cls.rural_site.id,
                "centre_id": cls.centre_2.id,
                "attendance_ids": [
                    Command.create(
                        {"partner_id": cls.member.id, "role": "volunteer", "hours": 2.0}
                    ),
                    Command.create(
                        {"partner_id": cls.grower_conventional.id, "role": "grower", "hours": 1.5}
                    ),
                ],
            }
        )
        cls.old_activity = cls.env["conserverie.activity"].create(
            {
                "name": "Atelier ancien (test)",
                "activity_type": "preserving",
                "date_start": cls._at(cls.long_ago),
                "attendance_ids": [
                    Command.create({"partner_id": cls.member.id, "role": "volunteer", "hours": 1.0})
                ],
            }
        )
        cls.planned = cls.env["conserverie.activity"].create(
            {
                "name": "Stand prévu (test)",
                "activity_type": "awareness",
                "date_start": cls._at(cls.today + timedelta(days=3)),
                "attendance_ids": [
                    Command.create(
                        {"partner_id": cls.neighbour.id, "role": "resident", "hours": 5.0}
                    )
                ],
            }
        )
        (cls.workshop | cls.gleaning | cls.old_activity).action_done()

    @classmethod
    def _deliver(cls, channel_code, quantity, partner, activity=None):
        return deliver_released(
            cls.warehouse,
            cls.compote,
            quantity,
            partner,
            activity_id=activity and activity.id,
            channel_id=cls.env["conserverie.channel"]._get_by_code(channel_code).id,
        )

    @classmethod
    def _build_distribution(cls):
        cls.workshop._give_volunteer_share([(cls.member, cls.compote, 3)])
        cls._deliver("day_sale", 5, cls.member)
        cls._deliver("purchasing_group", 4, cls.purchasing_group)

    @classmethod
    def _build_stall_order(cls):
        cls.jam.is_storable = True
        cls.config.picking_type_id = cls.warehouse.pos_type_id  # a stall of the facility
        cls.stall_session = cls._open_session()
        data = TimebankCase._order_data(
            cls,
            cls.stall_session,
            [(cls.jam, 2)],
            [(cls.time_method, 7.5), (cls.cash_method, 2.5)],
            cls.member,
        )
        cls.stall_order = TimebankCase._sync(cls, data)

    @classmethod
    def _build_jars(cls):
        deposit = cls.env["product.product"].create(
            {"name": "Consigne 370 (test)", "is_deposit": True, "list_price": 0.5}
        )
        DepositMove = cls.env["conserverie.deposit.move"]
        values = {"deposit_product_id": deposit.id, "jar_product_id": cls.jar_370.id}
        DepositMove.create(
            [
                {**values, "move_type": "sale", "quantity": 10, "amount": 5.0, "date": cls.today},
                {
                    **values,
                    "move_type": "return",
                    "quantity": -6,
                    "amount": -3.0,
                    "date": cls.today,
                },
                {**values, "move_type": "sale", "quantity": 4, "amount": 2.0, "date": cls.long_ago},
            ]
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.jar_370, cls.warehouse.empty_jars_location_id, 6
        )
        washing = cls.env["conserverie.jar.washing"].create(
            {"jar_product_id": cls.jar_370.id, "quantity_washed": 5, "quantity_broken": 1}
        )
        washing.action_done()

    def _report(self, **values):
        return self.env["conserverie.impact.report"].create(
            {"date_from": self.date_from, "date_to": self.date_to, **values}
        )

    def _render_document(self, action, records):
        """Render the report ``action`` (an ``ir.actions.report`` action dict) of
        ``records`` with Odoo's report engine; return its HTML as text.

        Under tests ``_render_qweb_pdf`` gives the HTML wkhtmltopdf would print
        (see ``TestReportPdf`` for a real PDF).
        """
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["context"]["active_ids"], records.ids)
        Report = self.env["ir.actions.report"]
        content, _report_type = Report._render_qweb_pdf(action["report_name"], records.ids)
        self.assertIn(b'<div class="page">', content)
        html = Report._render_qweb_html(action["report_name"], records.ids)[0]
        return unescape(html.decode())
