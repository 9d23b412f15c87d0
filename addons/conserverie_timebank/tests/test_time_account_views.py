from lxml import etree

from odoo.tests import TransactionCase, tagged

HOURS_FIELDS = {"balance", "min_balance", "max_balance", "amount", "balance_after"}


@tagged("post_install", "-at_install")
class TestTimeAccountViews(TransactionCase):
    """A time account shows hours in hours and minutes, never as a raw number of hours."""

    def test_hours_never_shown_as_raw_floats(self):
        for view_type in ("list", "form"):
            with self.subTest(view_type=view_type):
                arch = self.env["conserverie.time.account"].get_views([(False, view_type)])[
                    "views"
                ][view_type]["arch"]
                shown = [
                    node
                    for node in etree.fromstring(arch).iter("field")
                    if node.get("name") in HOURS_FIELDS
                ]
                self.assertTrue(shown)
                for node in shown:
                    self.assertEqual(node.get("widget"), "float_time", node.get("name"))
