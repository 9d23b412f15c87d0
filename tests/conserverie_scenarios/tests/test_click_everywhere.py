"""Odoo's clickbot opens every menu, view and filter of the Conserverie app, as the
administrator and as each of the suite's roles: a screen a newcomer opens never fails."""

from odoo.tests import HttpCase, new_test_user, tagged

CLICKBOT = (
    "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
    ".startClickEverywhere('conserverie_base.conserverie_menu_root');"
)
ROLES = {
    "volunteer": "conserverie_base.group_volunteer",
    "staff": "conserverie_base.group_staff",
    "coordinator": "conserverie_base.group_coordinator",
    "accountant": "conserverie_base.group_accountant",
}


@tagged("post_install", "-at_install")
class TestClickEverywhere(HttpCase):
    allow_end_on_form = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.user_admin").tour_enabled = False
        cls.logins = {"admin": "admin"}
        for role, group in ROLES.items():
            user = new_test_user(
                cls.env,
                login=f"clickbot_{role}",
                groups=group,
                company_id=cls.env.company.id,
            )
            user.tour_enabled = False
            cls.logins[role] = user.login

    def _click_everywhere(self, role):
        self.browser_js(
            "/odoo",
            CLICKBOT,
            "odoo.isReady === true",
            login=self.logins[role],
            timeout=900,
            success_signal="clickbot test succeeded",
        )

    def test_admin(self):
        self._click_everywhere("admin")

    def test_volunteer(self):
        self._click_everywhere("volunteer")

    def test_staff(self):
        self._click_everywhere("staff")

    def test_coordinator(self):
        self._click_everywhere("coordinator")

    def test_accountant(self):
        self._click_everywhere("accountant")
