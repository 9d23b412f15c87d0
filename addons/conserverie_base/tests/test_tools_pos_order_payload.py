from datetime import datetime

from odoo import Command
from odoo.tests import BaseCase, tagged

from ..tools import pos_order_payload as payload
from ..tools.pos_order_payload import check_order_payload


def _valid_order():
    """An order as the till sends it: a jar, its deposit, paid in cash and in hours."""
    return {
        "uuid": "0f8d3c39-54a1-4b57-9d51-2f4b7bd0b3b1",
        "name": "Order 00012-001-0001",
        "session_id": 12,
        "partner_id": 7,
        "pricelist_id": 1,
        "fiscal_position_id": False,
        "user_id": 2,
        "sequence_number": 1,
        "date_order": "2026-06-12 09:30:00",
        "state": "paid",
        "amount_paid": 4.5,
        "amount_total": 4.5,
        "amount_tax": 0,
        "amount_return": 0,
        "to_invoice": False,
        "last_order_preparation_change": "{}",
        "lines": [
            [
                0,
                0,
                {
                    "uuid": "line-jam",
                    "product_id": 30,
                    "qty": 1,
                    "price_unit": 4.0,
                    "price_subtotal": 4.0,
                    "price_subtotal_incl": 4.0,
                    "discount": 0.0,
                    "tax_ids": [[6, 0, []]],
                    "pack_lot_ids": [],
                },
            ],
            [
                0,
                0,
                {
                    "uuid": "line-deposit",
                    "product_id": 31,
                    "qty": 1,
                    "price_unit": 0.5,
                    "price_subtotal": 0.5,
                    "price_subtotal_incl": 0.5,
                    "deposit_parent_uuid": "line-jam",
                },
            ],
        ],
        "payment_ids": [
            [0, 0, {"payment_method_id": 3, "amount": 4.0, "name": "hours"}],
            [0, 0, {"payment_method_id": 4, "amount": 0.5}],
        ],
    }


@tagged("post_install", "-at_install")
class TestPosOrderPayload(BaseCase):
    def _problems(self, order, rules=None):
        return {(p.path, p.code) for p in check_order_payload(order, rules)}

    def test_valid_order_has_no_problem(self):
        self.assertEqual(check_order_payload(_valid_order()), [])

    def test_unknown_keys_are_left_alone(self):
        order = _valid_order()
        order["loyalty_points"] = {"anything": [1, "two"]}
        order["lines"][0][2]["note"] = object()
        self.assertEqual(check_order_payload(order), [])

    def test_required_keys(self):
        order = _valid_order()
        for key in ("uuid", "session_id", "amount_return"):
            del order[key]
        del order["lines"][1][2]["product_id"]
        del order["payment_ids"][0][2]["amount"]
        self.assertEqual(
            self._problems(order),
            {
                ("uuid", payload.MISSING),
                ("session_id", payload.MISSING),
                ("amount_return", payload.MISSING),
                ("lines[1].product_id", payload.MISSING),
                ("payment_ids[0].amount", payload.MISSING),
            },
        )

    def test_update_commands_need_no_required_key(self):
        order = _valid_order()
        order["lines"].append([1, 55, {"qty": 3}])
        order["lines"].append([2, 56])
        self.assertEqual(check_order_payload(order), [])

    def test_numbers(self):
        cases = [
            (float("nan"), payload.NOT_FINITE),
            (float("inf"), payload.NOT_FINITE),
            (-float("inf"), payload.NOT_FINITE),
            (True, payload.NOT_A_NUMBER),
            ("2", payload.NOT_A_NUMBER),
            ([2], payload.NOT_A_NUMBER),
            (2e6, payload.OUT_OF_RANGE),
            (-(10**400), payload.OUT_OF_RANGE),
        ]
        for value, code in cases:
            order = _valid_order()
            order["lines"][0][2]["qty"] = value
            with self.subTest(value=value):
                self.assertEqual(self._problems(order), {("lines[0].qty", code)})
        problem = check_order_payload({**_valid_order(), "amount_total": 5e9})[0]
        self.assertEqual(problem.detail, (-payload.MAX_AMOUNT, payload.MAX_AMOUNT))

    def test_numbers_not_set(self):
        """The till sends False for a number it has not set (a line without discount)."""
        order = _valid_order()
        order.update(amount_tax=False, sequence_number=None)
        order["lines"][0][2]["discount"] = False
        self.assertEqual(check_order_payload(order), [])

    def test_negative_quantities_and_amounts_are_refunds(self):
        order = _valid_order()
        order["lines"][0][2].update(qty=-2, price_subtotal=-8.0, price_subtotal_incl=-8.0)
        order["payment_ids"][0][2]["amount"] = -8
        self.assertEqual(check_order_payload(order), [])

    def test_discount_is_a_percentage(self):
        order = _valid_order()
        order["lines"][0][2]["discount"] = 150
        self.assertEqual(self._problems(order), {("lines[0].discount", payload.OUT_OF_RANGE)})

    def test_ids(self):
        for value in (0, -1, "12", 12.0, True, None, 2**31, [12]):
            order = _valid_order()
            order["session_id"] = value
            order["payment_ids"][1][2]["payment_method_id"] = value
            with self.subTest(value=value):
                self.assertEqual(
                    self._problems(order),
                    {
                        ("session_id", payload.NOT_AN_ID),
                        ("payment_ids[1].payment_method_id", payload.NOT_AN_ID),
                    },
                )

    def test_optional_ids_accept_false(self):
        order = _valid_order()
        order.update(partner_id=False, pricelist_id=None)
        order["lines"][0][2]["refunded_orderline_id"] = False
        self.assertEqual(check_order_payload(order), [])
        order["partner_id"] = "7"
        self.assertEqual(self._problems(order), {("partner_id", payload.NOT_AN_ID)})

    def test_texts_choices_and_dates(self):
        order = _valid_order()
        order.update(uuid="  ", name=12, state="stolen", date_order="12/06/2026")
        self.assertEqual(
            self._problems(order),
            {
                ("uuid", payload.NOT_TEXT),
                ("name", payload.NOT_TEXT),
                ("state", payload.NOT_A_CHOICE),
                ("date_order", payload.NOT_A_DATE),
            },
        )
        for date_order in ("2026-06-12", "2026-06-12 09:30:00", datetime(2026, 6, 12), False):
            order = dict(_valid_order(), date_order=date_order)
            self.assertEqual(check_order_payload(order), [], date_order)

    def test_commands(self):
        bad_commands = [
            [0],
            [0, 0],
            (0, 0, "values"),
            [0, False, {}],
            [0, 0, {}, "more"],
            [7, 0, {}],
            [True, 0, {}],
            [[0], 0, {}],
            [{"code": 0}, 0, {}],
            [1, "12", {}],
            [1, 12],
            [2, -3],
            [4, 12],  # links a line of another order: never sent by the till
            [6, 0, [1, 2]],
            {"product_id": 30},
            "0, 0, {}",
            [],
        ]
        for command in bad_commands:
            order = _valid_order()
            order["lines"].append(command)
            with self.subTest(command=command):
                self.assertEqual(self._problems(order), {("lines[2]", payload.BAD_COMMAND)})

    def test_virtual_ids_of_new_records(self):
        order = _valid_order()
        order["lines"][0][1] = "virtual_1"
        self.assertEqual(check_order_payload(order), [])

    def test_commands_built_in_python(self):
        order = _valid_order()
        order["lines"] = [Command.create(values) for _code, _id, values in order["lines"]]
        order["lines"][0][2]["tax_ids"] = [Command.set([])]
        order["lines"].append(Command.delete(55))
        self.assertEqual(check_order_payload(order), [])

    def test_wrong_nesting(self):
        order = _valid_order()
        order["lines"] = order["lines"][0][2]
        self.assertEqual(self._problems(order), {("lines", payload.NOT_A_LIST)})
        order = _valid_order()
        order["lines"][0][2]["tax_ids"] = [[0, 0, {"name": "tax"}]]
        order["lines"][1][2]["pack_lot_ids"] = [[0, 0, ["LOT-1"]]]
        order["payment_ids"][0] = [0, 0, [order["payment_ids"][0][2]]]
        self.assertEqual(
            self._problems(order),
            {
                ("lines[0].tax_ids[0]", payload.BAD_COMMAND),
                ("lines[1].pack_lot_ids[0]", payload.BAD_COMMAND),
                ("payment_ids[0]", payload.BAD_COMMAND),
            },
        )
        self.assertEqual(self._problems([_valid_order()]), {("", payload.NOT_A_DICT)})

    def test_combo_lines_need_the_uuid_of_their_parent(self):
        order = _valid_order()
        order["lines"][0][2]["combo_line_ids"] = [2]
        self.assertEqual(check_order_payload(order), [])
        del order["lines"][0][2]["uuid"]
        self.assertEqual(self._problems(order), {("lines[0].uuid", payload.MISSING)})
        order["lines"][0][2]["combo_line_ids"] = 2
        self.assertIn(("lines[0].combo_line_ids", payload.NOT_AN_ID), self._problems(order))

    def test_extra_rules(self):
        rules = payload.order_rules(
            order_extra={
                "config_id": payload.Rule(payload.REFUSED),
                # cannot loosen what the server relies on
                "session_id": payload.Rule(payload.OPTIONAL_ID),
            },
            line_extra={"combo_item_id": payload.Rule(payload.OPTIONAL_ID)},
            payment_extra={"payment_date": payload.Rule(payload.NUMBER)},
            pack_lot_extra={
                "pos_order_line_id": payload.Rule(payload.OPTIONAL_ID),
                "attribute_ids": payload.Rule(payload.COMMANDS, accepts_ids=True),
            },
        )
        order = _valid_order()
        order["payment_ids"][0][2]["payment_date"] = "2026-06-12 09:30:00"
        self.assertEqual(check_order_payload(order, rules), [])
        order.update(config_id=2, session_id=False)
        order["lines"][0][2]["combo_item_id"] = "combo"
        order["lines"][0][2]["pack_lot_ids"] = [
            [0, 0, {"lot_name": "LOT-1", "pos_order_line_id": 1.5, "attribute_ids": [4, 5]}],
            [0, 0, {"attribute_ids": ["x"]}],
        ]
        self.assertEqual(
            self._problems(order, rules),
            {
                ("config_id", payload.NOT_ACCEPTED),
                ("session_id", payload.NOT_AN_ID),
                ("lines[0].combo_item_id", payload.NOT_AN_ID),
                ("lines[0].pack_lot_ids[0].pos_order_line_id", payload.NOT_AN_ID),
                ("lines[0].pack_lot_ids[1].attribute_ids[0]", payload.BAD_COMMAND),
            },
        )
        # the default rules are not changed by extra ones
        self.assertEqual(payload.ORDER_RULES["session_id"].kind, payload.ID)
        self.assertNotIn("combo_item_id", payload.LINE_RULES)

    def test_problem_values_are_short_texts(self):
        order = _valid_order()
        order["name"] = ["x" * 500]
        (problem,) = check_order_payload(order)
        self.assertLessEqual(len(problem.value), 60)
        self.assertTrue(str(problem).startswith("name: not_text"))

    def test_command_record_ids(self):
        self.assertEqual(payload.command_record_ids([1, 5, {}]), [5])
        self.assertEqual(payload.command_record_ids([6, 0, [5, 6]]), [5, 6])
        self.assertEqual(payload.command_record_ids([0, 0, {}]), [])
        self.assertEqual(payload.command_record_ids(9), [9])
