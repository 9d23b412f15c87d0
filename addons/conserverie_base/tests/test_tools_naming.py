from datetime import date

from odoo.tests import BaseCase

from ..tools.naming import intake_lot_base, readable_code


class TestNaming(BaseCase):
    def test_readable_code_keeps_whole_words(self):
        self.assertEqual(readable_code("Ferme du Pont"), "FERME-DU-PONT")
        self.assertEqual(readable_code("Maraîchers de Génissieux"), "MARAICHERS-DE")

    def test_readable_code_of_nothing(self):
        self.assertEqual(readable_code(""), "X")
        self.assertEqual(readable_code("***"), "X")

    def test_intake_lot_base_reads_grower_and_date(self):
        self.assertEqual(
            intake_lot_base("Vergers Guichard", date(2026, 6, 12)), "VERGERS-GUICHARD-20260612"
        )
