from lxml import etree

from odoo.tests import TransactionCase, tagged

# model -> its fields that hold hours
HOURS_FIELDS = {
    "conserverie.time.account": {
        "balance",
        "min_balance",
        "max_balance",
        "amount",
        "balance_after",
    },
    "conserverie.time.move": {"amount", "balance_after"},
    "conserverie.time.in.kind.entry": {"hours"},
}


@tagged("post_install", "-at_install")
class TestTimeAccountViews(TransactionCase):
    """Accounts, moves and in-kind entries show hours in hours and minutes, never as a
    raw number of hours."""

    def test_hours_never_shown_as_raw_floats(self):
        for model_name, hours_fields in HOURS_FIELDS.items():
            for view_type in ("list", "form"):
                with self.subTest(model=model_name, view_type=view_type):
                    arch = self.env[model_name].get_views([(False, view_type)])["views"][view_type][
                        "arch"
                    ]
                    shown = [
                        node
                        for node in etree.fromstring(arch).iter("field")
                        if node.get("name") in hours_fields
                    ]
                    self.assertTrue(shown)
                    for node in shown:
                        self.assertEqual(node.get("widget"), "float_time", node.get("name"))
