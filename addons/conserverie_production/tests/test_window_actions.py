from odoo import fields
from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import datetime, dateutil, safe_eval, time


@tagged("post_install", "-at_install")
class TestWindowActions(TransactionCase):
    """Every window action of the suite opens: its context and domain evaluate with
    only what the web client gives them."""

    def _web_client_eval_context(self):
        """The names the web client evaluates an action's context and domain with:
        the user's context and the builtins of its Python evaluator."""
        company = self.env.company
        return {
            "uid": self.env.uid,
            "lang": self.env.lang or "en_US",
            "tz": self.env.user.tz or "UTC",
            "allowed_company_ids": [company.id],
            "current_company_id": company.id,
            "context_today": lambda: fields.Date.context_today(self.env.user),
            "time": time,
            "datetime": datetime,
            "relativedelta": dateutil.relativedelta.relativedelta,
            "timedelta": datetime.timedelta,
            "bool": bool,
            "set": set,
        }

    def _suite_window_actions(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.actions.act_window"), ("module", "=like", "conserverie%")]
        )
        self.assertTrue(data, "the suite defines window actions")
        return {f"{record.module}.{record.name}" for record in data}

    def test_every_window_action_evaluates(self):
        user = self.env.ref("base.user_admin")
        for xmlid in sorted(self._suite_window_actions()):
            with self.subTest(action=xmlid):
                action = self.env["ir.actions.actions"].with_user(user)._for_xml_id(xmlid)
                eval_context = self._web_client_eval_context()
                context = action.get("context") or "{}"
                if isinstance(context, str):
                    context = safe_eval(context, dict(eval_context))
                self.assertIsInstance(context, dict)
                domain = action.get("domain") or "[]"
                if isinstance(domain, str):
                    domain = safe_eval(domain, {**eval_context, **context})
                self.assertIsInstance(domain, list)
                self.env[action["res_model"]].with_user(user).search(domain, limit=1)

    def test_preserves_action_opens_on_the_preserves(self):
        action = self.env["ir.actions.actions"]._for_xml_id(
            "conserverie_base.product_template_action_preserves"
        )
        eval_context = self._web_client_eval_context()
        context = safe_eval(action["context"], dict(eval_context))
        category = self.env.ref("conserverie_base.product_category_preserves")
        self.assertEqual(context["default_categ_id"], category.id)
        domain = safe_eval(action["domain"], {**eval_context, **context})
        self.assertEqual(domain, [("categ_id", "child_of", category.id)])

    def test_an_unknown_name_fails(self):
        """The check is not lenient: ``ref`` is unknown to the web client."""
        with self.assertRaises(ValueError):
            safe_eval(
                "{'default_categ_id': ref('conserverie_base.product_category_preserves')}",
                self._web_client_eval_context(),
            )
