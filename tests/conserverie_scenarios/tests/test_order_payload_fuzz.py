"""Whatever a till sends, the server records a consistent order or refuses the batch.

A stall sells offline all day and syncs in the evening; a bug or a tampered browser can
send anything. For each payload, ``pos.order.sync_from_ui`` must either record orders
that add up, or raise a ``UserError`` naming the problem and leave every table and
balance as it was: never a ``KeyError``, a ``TypeError`` or a database error.

The payloads start from a valid order (jars with their deposits, a jar brought back,
paid partly in hours by a member, partly in cash) and are mutated by hypothesis.
"""

import math
from contextlib import closing
from copy import deepcopy
from uuid import uuid4

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import float_compare, mute_logger

from odoo.addons.conserverie_deposit.tests.common import DepositCase

MISSING_ID = 2_000_000_000
PAID_STATES = ("paid", "done", "invoiced")
EDGE_NUMBERS = [
    math.nan,
    math.inf,
    -math.inf,
    1e300,
    -1e300,
    2e6,
    -2e6,
    10**20,
    -0.0,
    0,
    -3,
    0.1,
    True,
    "4",
    None,
]
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6),
    st.lists(st.integers(min_value=-3, max_value=3), max_size=3),
    st.dictionaries(st.sampled_from(["id", "qty", "x"]), st.integers(), max_size=2),
    st.sampled_from(EDGE_NUMBERS),
    st.sampled_from([MISSING_ID, 2**31, -1, "", "2026-13-45 25:61:00", [0, 0, {}], [[5]]]),
)
BAD_COMMANDS = [
    [0],
    [0, 0],
    [0, False, {}],
    [0, 0, "values"],
    [0, 0, []],
    [0, 0, {}],
    [0, 0, {}, 1],
    [7, 0, {}],
    [True, 0, {}],
    [[0], 0, {}],
    [{"code": 0}, 0, {}],
    [None],
    [5],
    [6, 0, [MISSING_ID]],
    [1, MISSING_ID, {"qty": 1}],
    [2, MISSING_ID],
    "0, 0, {}",
    {"product_id": 1},
    [],
]
# fields that refer to records; the records to swap in are listed by setUp
REFERENCE_FIELDS = [
    "session_id",
    "partner_id",
    "pricelist_id",
    "user_id",
    "fiscal_position_id",
    "product_id",
    "payment_method_id",
    "refunded_orderline_id",
]
LINE_FIELDS = {"product_id", "refunded_orderline_id"}


def _paths(value, path=()):
    """Every (path, is_dict_key) inside a payload, lists and dictionaries alike."""
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list | tuple):
        items = enumerate(value)
    else:
        return
    for key, item in items:
        yield (*path, key), isinstance(value, dict)
        yield from _paths(item, (*path, key))


def _parent(batch, path):
    """The container holding ``path``, made mutable (commands may be tuples)."""
    container = batch
    for key in path[:-1]:
        item = container[key]
        if isinstance(item, tuple):
            item = container[key] = list(item)
        container = item
    return container


# a mutation is (operation, path index, argument): the index is resolved against the
# payload being mutated, so the strategies need no fixture
MUTATIONS = st.one_of(
    st.tuples(st.just("drop_key"), st.integers(min_value=0), st.none()),
    st.tuples(st.just("set_value"), st.integers(min_value=0), JUNK),
    st.tuples(st.just("set_number"), st.integers(min_value=0), st.sampled_from(EDGE_NUMBERS)),
    st.tuples(
        st.just("swap_reference"),
        st.sampled_from(REFERENCE_FIELDS),
        st.integers(min_value=0, max_value=20),
    ),
    st.tuples(st.just("bad_line"), st.integers(min_value=0), st.sampled_from(BAD_COMMANDS)),
    st.tuples(st.just("foreign_line"), st.integers(min_value=0), st.sampled_from([1, 2, 3, 4])),
    st.tuples(st.just("negate_line"), st.integers(min_value=0), st.none()),
    st.tuples(st.just("duplicate_line"), st.integers(min_value=0), st.none()),
    st.tuples(
        st.just("state"),
        st.none(),
        st.sampled_from(["draft", "paid", "cancel", "done", "invoiced", "Paid", ""]),
    ),
    st.tuples(
        st.just("duplicate_order"), st.none(), st.sampled_from(["same", "draft_first", "bad"])
    ),
    st.tuples(st.just("existing_uuid"), st.none(), st.none()),
    st.tuples(
        st.just("nest"),
        st.none(),
        st.sampled_from(["lines_dict", "payment_in_line", "order_in_list", "batch_dict"]),
    ),
    st.tuples(
        st.just("server_field"),
        st.none(),
        st.sampled_from(
            ["config_id", "picking_type_id", "company_id", "access_token", "create_uid"]
        ),
    ),
)


@tagged("post_install", "-at_install")
class TestOrderPayloadFuzz(DepositCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_pos()
        cls.company.write({"time_hour_value": 10.0, "time_welcome_hours": 10.0})
        cls.time_method = cls.company._get_time_payment_method()
        cls.pos_config.payment_method_ids = [Command.link(cls.time_method.id)]
        cls.member.is_member = True
        cls.member._grant_time_welcome_credit()
        # a session closed without being replaced, and the stall's one, replaced
        cls.closed_session = cls._open_and_close(cls._create_config("Stand fermé (test)"))
        cls.replaced_session = cls._open_and_close(cls.pos_config)
        cls.pos_config.open_ui()
        cls.session = cls.pos_config.current_session_id
        cls._setup_other_company()

    def setUp(self):
        super().setUp()
        # an order already recorded: its lines must stay out of reach of other payloads
        result = self.env["pos.order"].sync_from_ui([self._valid_order()])
        self.other_order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        self.references = {
            "session_id": [MISSING_ID, self.closed_session.id, self.replaced_session.id],
            "partner_id": [MISSING_ID, self.other_partner.id, False, self.customer.id],
            "pricelist_id": [MISSING_ID, self.other_pricelist.id, False],
            "user_id": [MISSING_ID, self.volunteer_user.id, False],
            "fiscal_position_id": [MISSING_ID, False],
            "product_id": [
                MISSING_ID,
                self.other_product.id,
                self.deposit_720.id,
                self.compote.id,
            ],
            "payment_method_id": [MISSING_ID, self.other_method.id, self.cash_method.id],
            "refunded_orderline_id": [MISSING_ID, self.other_order.lines[0].id],
        }

    @classmethod
    def _create_config(cls, name):
        journal = cls.env["account.journal"].create(
            {"name": f"Banque {name}", "type": "bank", "code": "BFZ"}
        )
        method = cls.env["pos.payment.method"].create({"name": name, "journal_id": journal.id})
        return cls.env["pos.config"].create(
            {"name": name, "payment_method_ids": [Command.set(method.ids)]}
        )

    @classmethod
    def _open_and_close(cls, config):
        config.open_ui()
        session = config.current_session_id
        session.action_pos_session_closing_control()
        return session

    @classmethod
    def _setup_other_company(cls):
        other = cls.env["res.company"].create({"name": "Conserverie de Die (test)"})
        Product = cls.env["product.product"].with_company(other)
        cls.other_product = Product.create(
            {"name": "Confiture de Die", "available_in_pos": True, "company_id": other.id}
        )
        cls.other_partner = cls.env["res.partner"].create(
            {"name": "Client de Die", "company_id": other.id}
        )
        cls.other_pricelist = cls.env["product.pricelist"].create(
            {"name": "Tarif de Die", "company_id": other.id}
        )
        journal = (
            cls.env["account.journal"]
            .with_company(other)
            .create(
                {"name": "Caisse de Die", "type": "cash", "code": "CDIE", "company_id": other.id}
            )
        )
        cls.other_method = (
            cls.env["pos.payment.method"]
            .with_company(other)
            .create({"name": "Espèces de Die", "journal_id": journal.id, "company_id": other.id})
        )

    def _valid_order(self, uuid=None, session=None):
        """Two jams and a sauce with their deposits, one empty jar brought back; the
        preserves paid in hours by a member, the deposits in cash."""
        lines = [
            *self._with_deposit(self.jam, 2),
            *self._with_deposit(self.sauce, 1),
            self._line(self.deposit_370, -1),
        ]
        data = self._order_data(session or self.session, lines, partner=self.member, uuid=uuid)
        preserves = 2 * self.jam.lst_price + self.sauce.lst_price
        deposits = data["amount_total"] - preserves
        data["payment_ids"] = [
            Command.create({"amount": preserves, "payment_method_id": self.time_method.id}),
            Command.create({"amount": deposits, "payment_method_id": self.cash_method.id}),
        ]
        return self._as_sent_by_till(data)

    def _as_sent_by_till(self, data):
        """Every key the point of sale of Odoo 18 sends besides those the tests set:
        False for what it has not set, its own ids for the records it creates."""
        empty = dict.fromkeys(["create_uid", "create_date", "write_uid", "write_date"], False)
        for position, (_create, _virtual, line) in enumerate(data["lines"], start=1):
            line.update(
                {
                    "id": position,
                    "order_id": 1,
                    "skip_change": False,
                    "attribute_value_ids": [],
                    "custom_attribute_value_ids": [],
                    "price_extra": 0,
                    "price_type": "original",
                    "discount": False,
                    "full_product_name": self.env["product.product"]
                    .browse(line["product_id"])
                    .display_name,
                    "customer_note": False,
                    "refund_orderline_ids": [],
                    "refunded_orderline_id": False,
                    "note": False,
                    "combo_parent_id": False,
                    "combo_line_ids": [],
                    "combo_item_id": False,
                    "deposit_parent_uuid": line.get("deposit_parent_uuid", False),
                    "write_date": False,
                }
            )
        for position, (_create, _virtual, payment) in enumerate(data["payment_ids"], start=1):
            payment.update(
                {
                    **empty,
                    **dict.fromkeys(
                        ["card_type", "card_brand", "card_no", "cardholder_name"], False
                    ),
                    **dict.fromkeys(["payment_ref_no", "transaction_id", "payment_status"], False),
                    "id": position,
                    "pos_order_id": 1,
                    "name": False,
                    "payment_date": data["date_order"],
                    "ticket": "",
                    "is_change": False,
                    "account_move_id": False,
                    "online_account_payment_id": False,
                    "uuid": str(uuid4()),
                    "time_move_ids": [],
                }
            )
        data.update(
            {
                **empty,
                **{key: [] for key in ("message_follower_ids", "message_ids", "picking_ids")},
                **dict.fromkeys(["amount_difference", "tip_amount", "shipping_date"], False),
                **dict.fromkeys(["has_review_issue", "is_tipped"], False),
                "id": "1",
                "access_token": str(uuid4()),
                "company_id": self.company.id,
                "account_move": False,
                "procurement_group_id": False,
                "floating_order_name": False,
                "general_note": "",
                "nb_print": 0,
                "pos_reference": data["name"],
                "ticket_code": "htam2",
                "has_deleted_line": False,
                "next_online_payment_amount": False,
                "deposit_return_picking_id": False,
                "last_order_preparation_change": '{"lines":{},"generalNote":""}',
            }
        )
        return data

    # what a refused batch must leave untouched

    def _snapshot(self):
        counts = {
            model: self.env[model].sudo().search_count([])
            for model in (
                "pos.order",
                "pos.order.line",
                "pos.payment",
                "conserverie.deposit.move",
                "conserverie.time.move",
                "conserverie.time.account",
                "stock.picking",
                "stock.move",
            )
        }
        accounts = self.env["conserverie.time.account"].sudo().search([])
        return {
            **counts,
            "hours": {account.id: round(account.balance, 4) for account in accounts},
            "deposits": round(self.member.deposit_balance, 2),
            "other_order": (self.other_order.state, self.other_order.lines.mapped("qty")),
            "sessions": self.env["pos.session"].search([]).mapped("state"),
            "configs": (self.session.config_id.id, self.pos_config.picking_type_id.id),
        }

    # the property

    def _check_sync(self, batch):
        """Sync ``batch`` in a savepoint rolled back afterwards; check what it recorded,
        or that it was refused with a message and left everything as it was."""
        self.env.invalidate_all()
        with closing(self.env.cr.savepoint()):
            before = self._snapshot()
            try:
                with mute_logger("odoo.addons.point_of_sale.models.pos_order"):
                    result = self.env["pos.order"].sync_from_ui(deepcopy(batch))
            except UserError as error:
                self.env.invalidate_all()
                self.assertTrue(str(error).strip(), "a refusal says why")
                self.assertEqual(self._snapshot(), before, "a refused batch writes nothing")
                return "refused"
            self.assertIsInstance(batch, list, "only a list of orders can be recorded")
            self._check_recorded(batch, result, before)
            return "accepted"

    def _check_recorded(self, batch, result, before):
        Order = self.env["pos.order"]
        orders = Order.browse(sorted({values["id"] for values in result["pos.order"]}))
        uuids = {data["uuid"] for data in batch}
        self.assertEqual(set(orders.mapped("uuid")), uuids)
        for uuid in uuids:
            self.assertEqual(Order.search_count([("uuid", "=", uuid)]), 1, "once per uuid")
        new_orders = orders - self.other_order
        self.assertEqual(Order.search_count([]), before["pos.order"] + len(new_orders))
        for order in new_orders:
            self._check_order(order, self._sent_lines(batch, order.uuid))
        # hours move from one account to another: they never appear nor vanish
        accounts = self.env["conserverie.time.account"].sudo().search([])
        self.assertAlmostEqual(
            sum(accounts.mapped("balance")), sum(before["hours"].values()), places=3
        )
        self.assertEqual(
            (self.other_order.state, self.other_order.lines.mapped("qty")),
            before["other_order"],
        )

    def _sent_lines(self, batch, uuid):
        """The lines the server creates for ``uuid``: those of its first payload, and of
        the next ones while the order stays a draft."""
        lines = []
        for data in batch:
            if data["uuid"] != uuid:
                continue
            lines += [command[2] for command in data["lines"] if command[0] == 0]
            if data.get("state") != "draft":
                break
        return lines

    def _check_order(self, order, sent_lines):
        self.assertNotIn(
            order.session_id.state, ("closing_control", "closed"), "a closed session is replaced"
        )
        self.assertEqual(order.company_id, order.session_id.company_id)
        self.assertLessEqual(order.lines.product_id.company_id, order.company_id)
        self.assertLessEqual(order.payment_ids.payment_method_id.company_id, order.company_id)
        amounts = order.read(["amount_paid", "amount_total", "amount_tax", "amount_return"])[0]
        self.assertTrue(all(math.isfinite(amounts[name]) for name in amounts if name != "id"))
        self.assertFalse(
            float_compare(
                order.amount_paid,
                sum(order.payment_ids.mapped("amount")),
                precision_rounding=order.currency_id.rounding,
            ),
            "the server counts the payments itself",
        )
        self.assertEqual(
            sorted(order.lines.mapped("qty")),
            # a quantity left out is 1, one sent as False or None is 0
            sorted(float(line.get("qty", 1) or 0) for line in sent_lines),
        )
        self._check_time_moves(order)
        self._check_deposit_moves(order)

    def _check_time_moves(self, order):
        moves = self.env["conserverie.time.move"].sudo().search([("pos_order_id", "=", order.id)])
        if order.state not in PAID_STATES or not order.partner_id:
            self.assertFalse(moves, "hours are debited for paid orders of a customer only")
            return
        time_payments = order.payment_ids.filtered(
            lambda payment: payment.payment_method_id.is_time_currency and payment.time_hours
        )
        customer_moves = moves.filtered("pos_payment_id")
        self.assertEqual(customer_moves.pos_payment_id, time_payments, order.state)
        self.assertAlmostEqual(sum(moves.mapped("amount")), 0.0, places=3)
        self.assertAlmostEqual(
            sum(customer_moves.mapped("amount")),
            -sum(time_payments.mapped("time_hours")),
            places=3,
        )

    def _check_deposit_moves(self, order):
        moves = order._get_deposit_moves()
        if order.state not in PAID_STATES:
            self.assertFalse(moves, "deposits are recorded for paid orders only")
            return
        deposit_lines = order.lines.filtered("is_deposit_line")
        self.assertAlmostEqual(
            sum(moves.mapped("quantity")), sum(deposit_lines.mapped("qty")), places=3
        )

    # mutations: each takes the batch, where to act and an argument, and returns the batch

    def _mutate(self, batch, mutation):
        operation, where, argument = mutation
        return getattr(self, f"_mutate_{operation}")(batch, where, argument)

    def _pick_path(self, batch, index, keys_only=False):
        paths = [path for path, is_key in _paths(batch) if is_key or not keys_only]
        return paths[index % len(paths)] if paths else None

    def _order(self, batch):
        return batch[0] if isinstance(batch, list) and batch and isinstance(batch[0], dict) else {}

    def _lines(self, batch):
        lines = self._order(batch).get("lines")
        return lines if isinstance(lines, list) else []

    def _line_values(self, batch, index):
        lines = self._lines(batch)
        command = lines[index % len(lines)] if lines else None
        if isinstance(command, list | tuple) and len(command) == 3:
            return command[2] if isinstance(command[2], dict) else None
        return None

    def _mutate_drop_key(self, batch, index, _argument):
        path = self._pick_path(batch, index, keys_only=True)
        if path:
            del _parent(batch, path)[path[-1]]
        return batch

    def _mutate_set_value(self, batch, index, value):
        path = self._pick_path(batch, index)
        if path:
            _parent(batch, path)[path[-1]] = deepcopy(value)
        return batch

    def _mutate_set_number(self, batch, index, value):
        paths = [path for path, _is_key in _paths(batch) if _is_number(_get(batch, path))]
        if paths:
            path = paths[index % len(paths)]
            _parent(batch, path)[path[-1]] = value
        return batch

    def _mutate_swap_reference(self, batch, field_name, index):
        """Put another record (unknown, of another company, closed...) in one place."""
        candidates = self.references[field_name]
        paths = [path for path, is_key in _paths(batch) if is_key and path[-1] == field_name]
        if paths:
            path = paths[(index // len(candidates)) % len(paths)]
            _parent(batch, path)[path[-1]] = candidates[index % len(candidates)]
        elif field_name in LINE_FIELDS and self._line_values(batch, index) is not None:
            self._line_values(batch, index)[field_name] = candidates[index % len(candidates)]
        elif field_name not in LINE_FIELDS and self._order(batch):
            self._order(batch)[field_name] = candidates[index % len(candidates)]
        return batch

    def _mutate_bad_line(self, batch, index, command):
        lines = self._lines(batch)
        if lines:
            lines[index % len(lines)] = deepcopy(command)
        return batch

    def _mutate_foreign_line(self, batch, index, code):
        """Change, delete or take a line of another order, by its id."""
        line_id = self.other_order.lines[index % len(self.other_order.lines)].id
        command = [code, line_id, {"qty": 99}] if code == 1 else [code, line_id]
        if "lines" in self._order(batch) and isinstance(self._order(batch)["lines"], list):
            self._order(batch)["lines"].append(command)
        return batch

    def _mutate_negate_line(self, batch, index, _argument):
        """A line refunded or an empty jar brought back."""
        values = self._line_values(batch, index)
        for key in ("qty", "price_subtotal", "price_subtotal_incl"):
            if values is not None and _is_number(values.get(key)):
                values[key] = -values[key]
        return batch

    def _mutate_duplicate_line(self, batch, index, _argument):
        lines = self._lines(batch)
        if lines:
            lines.append(deepcopy(lines[index % len(lines)]))
        return batch

    def _mutate_state(self, batch, _where, state):
        if self._order(batch):
            self._order(batch)["state"] = state
        return batch

    def _mutate_duplicate_order(self, batch, _where, how):
        """The same order twice in a batch, first as a draft, or with a bad twin."""
        if not self._order(batch):
            return batch
        twin = deepcopy(batch[0])
        if how == "draft_first":
            batch[0]["state"] = "draft"
        elif how == "bad":
            twin = self._valid_order()
            twin["lines"][0][2]["qty"] = math.nan
        batch.append(twin)
        return batch

    def _mutate_existing_uuid(self, batch, _where, _argument):
        """An order sent again after it was recorded."""
        if self._order(batch):
            self._order(batch)["uuid"] = self.other_order.uuid
        return batch

    def _mutate_nest(self, batch, _where, how):
        order = self._order(batch)
        if not order:
            return batch
        if how == "lines_dict" and "lines" in order:
            order["lines"] = {"0": order["lines"]}
        elif how == "payment_in_line" and self._lines(batch) and order.get("payment_ids"):
            self._lines(batch).append(order["payment_ids"][0])
        elif how == "order_in_list":
            batch[0] = [order]
        elif how == "batch_dict":
            return order
        return batch

    def _mutate_server_field(self, batch, _where, name):
        """Fields the server sets, or that write through to another record."""
        values = {
            "config_id": self.closed_session.config_id.id,
            "picking_type_id": self.warehouse.in_type_id.id,
            "company_id": self.other_product.company_id.id,
            "access_token": "0" * 36,
            "create_uid": True,
        }
        if self._order(batch):
            self._order(batch)[name] = values[name]
        return batch

    def _sync_mutated(self, mutations):
        batch = [self._valid_order()]
        for mutation in mutations:
            batch = self._mutate(batch, mutation)
        return self._check_sync(batch)

    @settings(
        max_examples=120,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
        derandomize=True,
    )
    @given(mutations=st.lists(MUTATIONS, min_size=1, max_size=3))
    @example(mutations=[("set_number", 3, math.nan)])
    @example(mutations=[("swap_reference", "product_id", 1)])
    @example(mutations=[("swap_reference", "session_id", 0)])
    @example(mutations=[("foreign_line", 0, 1)])
    @example(mutations=[("duplicate_order", None, "draft_first")])
    @example(mutations=[("duplicate_order", None, "bad")])
    @example(mutations=[("negate_line", 0, None), ("negate_line", 2, None)])
    @example(mutations=[("server_field", None, "config_id")])
    @example(mutations=[("nest", None, "batch_dict")])
    @example(mutations=[("state", None, "cancel")])
    def test_any_payload_is_recorded_or_refused(self, mutations):
        self._sync_mutated(mutations)

    # explicit cases

    def test_valid_order_is_recorded(self):
        """The starting point of the mutations is accepted: refusing everything fails."""
        self.assertEqual(self._check_sync([self._valid_order()]), "accepted")
        order = self.other_order  # synced by setUp from the same payload
        self.assertEqual(order.state, "paid")
        self.assertEqual(len(order.lines), 5)
        self.assertAlmostEqual(order.time_hours, 1.4)
        self.assertFalse(order.review_issue_ids, order.review_issue_ids.mapped("message"))
        self.assertEqual(order.deposit_jars_returned, 1)

    def test_harmless_changes_are_recorded(self):
        cases = [
            [("negate_line", 0, None)],  # a refunded jam, its deposit still paid: flagged
            [("swap_reference", "partner_id", 0)],  # a customer deleted meanwhile
            [("state", None, "draft")],
            [("duplicate_order", None, "same")],
            [("duplicate_order", None, "draft_first")],
            [("existing_uuid", None, None)],  # sent again: kept once
            # sent again after its pricelist was deleted: still acknowledged
            [("existing_uuid", None, None), ("swap_reference", "pricelist_id", 0)],
            [("swap_reference", "session_id", 2)],  # its session closed and replaced
            [("server_field", None, "create_uid")],  # ignored by the ORM
        ]
        for mutations in cases:
            with self.subTest(mutations=mutations):
                self.assertEqual(self._sync_mutated(mutations), "accepted")

    def test_refusals_name_the_problem(self):
        def edit_line(key, value):
            return lambda data: data["lines"][0][2].update({key: value})

        def edit_payment(key, value):
            return lambda data: data["payment_ids"][1][2].update({key: value})

        def edit_order(key, value):
            return lambda data: data.update({key: value})

        def add_line(command):
            return lambda data: data["lines"].append(command)

        other_line = self.other_order.lines[0].id
        cases = [
            (edit_line("qty", math.nan), "lines[0].qty must be a finite number"),
            (edit_line("qty", 1e7), "lines[0].qty must be between"),
            (edit_line("product_id", MISSING_ID), "do not exist"),
            (edit_line("product_id", self.other_product.id), "another company"),
            (edit_payment("payment_method_id", self.other_method.id), "another company"),
            (edit_payment("amount", "1.30"), "payment_ids[1].amount must be a number"),
            (edit_order("partner_id", self.other_partner.id), "another company"),
            (edit_order("session_id", MISSING_ID), "session_id refers to records that do not"),
            (edit_order("company_id", self.other_product.company_id.id), "another company"),
            (edit_order("config_id", self.closed_session.config_id.id), "set by the server"),
            (edit_order("lines", {"0": []}), "lines must be a list of commands"),
            (edit_order("state", "stolen"), "state must be one of"),
            (add_line([1, other_line, {"qty": 99}]), "not part of this order"),
            (add_line([2, other_line]), "not part of this order"),
            (add_line([4, other_line]), "not a command the point of sale sends"),
            (add_line([0, 0, {}]), "lines[5].product_id is missing"),
        ]
        for edit, message in cases:
            data = self._valid_order()
            edit(data)
            with self.subTest(message=message), closing(self.env.cr.savepoint()):
                before = self._snapshot()
                with self.assertRaises(UserError) as caught:
                    self.env["pos.order"].sync_from_ui([data])
                self.assertIn(message, str(caught.exception))
                self.assertIn(data["name"], str(caught.exception))
                self.assertEqual(self._snapshot(), before)

    def test_not_a_list_of_orders(self):
        for batch in (self._valid_order(), [[self._valid_order()]], None):
            with self.subTest(batch=type(batch)):
                self.assertEqual(self._check_sync(batch), "refused")

    def test_closed_session_without_replacement(self):
        """Odoo's own refusal: no open session to rescue the order into."""
        batch = [self._valid_order(session=self.closed_session)]
        with self.assertRaisesRegex(UserError, "No open session"):
            self.env["pos.order"].sync_from_ui(deepcopy(batch))
        self.assertEqual(self._check_sync(batch), "refused")

    def test_draft_completed_without_access_token(self):
        """The till sends the key; a payload without it still updates its draft."""
        data = self._valid_order()
        payments = data["payment_ids"]
        data.update(state="draft", payment_ids=[])
        self.env["pos.order"].sync_from_ui([deepcopy(data)])
        order = self.env["pos.order"].search([("uuid", "=", data["uuid"])])
        self.assertEqual(order.state, "draft")
        data.update(state="paid", lines=[], payment_ids=payments)
        self.env["pos.order"].sync_from_ui([data])
        self.assertEqual(order.state, "paid")
        self.assertEqual(len(order.lines), 5)
        self.assertEqual(len(order.payment_ids), 2)

    def test_refused_batch_is_whole(self):
        good = self._valid_order()
        bad = self._valid_order()
        bad["payment_ids"][0][2]["amount"] = "fourteen"
        with self.assertRaisesRegex(UserError, r"payment_ids\[0\]\.amount must be a number"):
            self.env["pos.order"].sync_from_ui([good, bad])
        self.assertFalse(self.env["pos.order"].search([("uuid", "=", good["uuid"])]))

    def test_late_refusal_writes_nothing(self):
        """A check of the point of sale that fails once the order is written (here: a
        payment of an order already counted as paid) leaves nothing behind."""
        data = self._valid_order()
        data.update(state="draft", payment_ids=[])
        self.env["pos.order"].sync_from_ui([deepcopy(data)])
        order = self.env["pos.order"].search([("uuid", "=", data["uuid"])])
        order.nb_print = 1
        data["lines"] = [self._line(self.jam, 1)]
        data["payment_ids"] = [
            Command.create({"amount": 4.0, "payment_method_id": self.cash_method.id})
        ]
        with self.assertRaisesRegex(UserError, "printed order"):
            self.env["pos.order"].sync_from_ui([data])
        self.assertEqual(len(order.lines), 5, "the line written before the refusal is gone")
        self.assertFalse(order.payment_ids)


def _get(value, path):
    for key in path:
        value = value[key]
    return value


def _is_number(value):
    return isinstance(value, int | float)
