from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount

from ..tools.facility_setup import DEFAULT_BRACKETS, insert_steps, is_valid_siret, normalize_siret

COMPANY_FIELDS = ("name", "street", "zip", "city", "company_registry")


class ConserverieFacilitySetup(models.TransientModel):
    """Start a facility: each addon adds its steps with ``_get_setup_steps`` and
    ``_run_setup_<step>``; a step creates what is missing, changes nothing already set
    and returns what it created."""

    _name = "conserverie.facility.setup"
    _description = "Start a facility"

    state = fields.Selection([("draft", "To set up"), ("done", "Done")], default="draft")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
    )
    company_name = fields.Char(
        string="Name", compute="_compute_company_identity", store=True, readonly=False
    )
    street = fields.Char(compute="_compute_company_identity", store=True, readonly=False)
    zip = fields.Char(compute="_compute_company_identity", store=True, readonly=False)
    city = fields.Char(compute="_compute_company_identity", store=True, readonly=False)
    siret = fields.Char(
        string="SIRET",
        compute="_compute_company_identity",
        store=True,
        readonly=False,
        help="The 14 digits of the facility's establishment.",
    )
    stall_name = fields.Char(
        string="New stall", default=lambda self: self.env._("Preserving facility stall")
    )
    pos_config_ids = fields.Many2many(
        "pos.config",
        string="Tills that become stalls",
        domain="[('company_id', '=', company_id)]",
        help="Points of sale that sell from the mobile unit, with Cash and Card. "
        "Left empty, a facility without a stall gets a new one.",
    )
    summary = fields.Text(readonly=True)

    @api.depends("company_id")
    def _compute_company_identity(self):
        for wizard in self:
            company = wizard.company_id
            wizard.company_name = company.name
            wizard.street = company.street
            wizard.zip = company.zip
            wizard.city = company.city
            wizard.siret = company.company_registry

    @api.model
    def _get_setup_steps(self):
        """The steps in their order, as (code, label): ``_run_setup_<code>`` runs each."""
        return [
            ("company", self.env._("Company")),
            ("warehouse", self.env._("Mobile unit")),
            ("brackets", self.env._("Solidarity brackets")),
            ("stall", self.env._("Stalls")),
        ]

    @api.model
    def _insert_setup_steps(self, steps, after, new_steps):
        return insert_steps(steps, after, new_steps)

    @api.model
    def _may_start_facility(self):
        user = self.env.user
        return user.has_group("conserverie_base.group_coordinator") or user.has_group(
            "base.group_system"
        )

    def _check_setup_allowed(self):
        if not self.env.su and not self._may_start_facility():
            raise AccessError(self.env._("Only coordinators start a facility."))
        for wizard in self:
            if not self.env.su and wizard.company_id not in self.env.user.company_ids:
                raise AccessError(
                    self.env._(
                        "You cannot start %(company)s: it is not one of your companies.",
                        company=wizard.company_id.name,
                    )
                )
            if not (wizard.company_name or "").strip():
                raise UserError(self.env._("Give the facility a name."))
            if wizard.siret and not is_valid_siret(wizard.siret):
                raise UserError(
                    self.env._(
                        "%(siret)s is not a valid SIRET: 14 digits with a valid checksum.",
                        siret=wizard.siret,
                    )
                )

    def action_start(self):
        """Run every step and show what they created."""
        self.ensure_one()
        self._execute_setup_steps()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _execute_setup_steps(self, codes=None):
        """Run the steps (those of ``codes`` only, if given) and keep their summary."""
        self.ensure_one()
        self._check_setup_allowed()
        # sudo: the facility's setup touches the company, accounting and warehouses,
        # beyond a coordinator's rights; _check_setup_allowed restricted who gets here
        wizard = self.sudo().with_company(self.company_id)
        paragraphs = []
        for code, label in self._get_setup_steps():
            if codes is not None and code not in codes:
                continue
            created = getattr(wizard, f"_run_setup_{code}")()
            lines = [f"- {line}" for line in created] or [
                self.env._("- already set, nothing changed")
            ]
            paragraphs.append("\n".join([f"{label}:", *lines]))
        self.write({"state": "done", "summary": "\n\n".join(paragraphs)})

    @api.model
    def run_steps(self, company_id, values=None, steps=None):
        """Run the assistant for a company without showing it (demo data, scripts):
        every step, or those of ``steps``. Returns the summary."""
        wizard = self.create({"company_id": company_id, **(values or {})})
        wizard._execute_setup_steps(steps)
        return wizard.summary

    @api.model
    def _get_home_action(self):
        """The app's first screen: the assistant while the company has no mobile unit."""
        if not self.env.company.conserverie_warehouse_id and self._may_start_facility():
            return self.env["ir.actions.act_window"]._for_xml_id(
                "conserverie_base.conserverie_facility_setup_action"
            )
        return self.env["ir.actions.act_window"]._for_xml_id(
            "conserverie_base.conserverie_activity_action"
        )

    # Steps ---------------------------------------------------------------

    def _run_setup_company(self):
        company = self.company_id
        values = {
            "name": self.company_name.strip(),
            "street": self.street,
            "zip": self.zip,
            "city": self.city,
            "company_registry": normalize_siret(self.siret) or False,
        }
        changes = {
            field_name: value
            for field_name, value in values.items()
            if value and value != company[field_name]
        }
        created = []
        if changes:
            company.write(changes)
            labels = {
                field_name: company._fields[field_name].get_description(self.env)["string"]
                for field_name in changes
            }
            created.append(
                self.env._("set %(fields)s", fields=", ".join(labels[name] for name in changes))
            )
        if not company.chart_template:
            self._ensure_chart_of_accounts()
            created.append(self.env._("chart of accounts %(chart)s", chart=company.chart_template))
        euro = self.env.ref("base.EUR")
        if company.currency_id != euro:
            euro.active = True
            company.currency_id = euro
            created.append(self.env._("currency set to the euro"))
        french = self._install_french()
        if french and company.partner_id.lang != french.code:
            company.partner_id.lang = french.code
            created.append(self.env._("language set to French"))
        return created

    def _install_french(self):
        """French with the terms of every installed addon, as Settings > Languages
        installs it, the first time only: the import templates are in French."""
        Lang = self.env["res.lang"].with_context(active_test=False)
        french = Lang.search([("code", "=", "fr_FR")], limit=1)
        if not french:
            return Lang
        if not french.active:
            self.env["base.language.install"].create(
                {"lang_ids": [Command.set(french.ids)], "overwrite": False}
            ).lang_install()
        return french

    def _run_setup_warehouse(self):
        company = self.company_id
        had_one = company.conserverie_warehouse_id
        warehouse = company._get_conserverie_warehouse()
        if had_one:
            return []
        return [
            self.env._(
                "warehouse %(warehouse)s (%(code)s) with its locations",
                warehouse=warehouse.name,
                code=warehouse.code,
            )
        ]

    def _run_setup_brackets(self):
        company = self.company_id
        Bracket = self.env["conserverie.solidarity.bracket"]
        if Bracket.search_count([("company_id", "=", company.id)], limit=1):
            return []
        created = []
        for letter, (quotient_min, quotient_max, discount) in zip(
            "ABC", DEFAULT_BRACKETS, strict=True
        ):
            pricelist = self.env["product.pricelist"].create(
                {
                    "name": self.env._("Solidarity price %(letter)s", letter=letter),
                    "company_id": company.id,
                    "currency_id": company.currency_id.id,
                    "item_ids": [
                        fields.Command.create(
                            {
                                "applied_on": "3_global",
                                "compute_price": "percentage",
                                "percent_price": discount,
                            }
                        )
                    ],
                }
            )
            name = self._get_bracket_name(quotient_min, quotient_max)
            Bracket.create(
                {
                    "name": name,
                    "quotient_min": quotient_min,
                    "quotient_max": quotient_max,
                    "pricelist_id": pricelist.id,
                    "company_id": company.id,
                }
            )
            created.append(
                self.env._(
                    "%(bracket)s, pricelist %(pricelist)s (%(discount)s %% off)",
                    bracket=name,
                    pricelist=pricelist.name,
                    discount=discount,
                )
            )
        return created

    def _get_bracket_name(self, quotient_min, quotient_max):
        """A bracket's name in the facility's language, the one its members' lists use."""
        company = self.company_id
        env = self.with_context(lang=company.partner_id.lang or self.env.lang).env
        low = format_amount(env, quotient_min, company.currency_id)
        if not quotient_max:
            return env._("Family quotient from %(low)s", low=low)
        high = format_amount(env, quotient_max, company.currency_id)
        return env._("Family quotient %(low)s to %(high)s", low=low, high=high)

    def _get_stalls(self):
        """The company's points of sale that sell from its mobile unit."""
        warehouse = self.company_id._get_conserverie_warehouse()
        return self.pos_config_ids | self.env["pos.config"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("picking_type_id", "=", warehouse.pos_type_id.id),
            ]
        )

    def _run_setup_stall(self):
        company = self.company_id
        created = []
        stalls = self._get_stalls()
        if not stalls:
            self._ensure_chart_of_accounts()
            stalls = self.env["pos.config"].create(
                {"name": self.stall_name or self.env._("Stall"), "company_id": company.id}
            )
            created.append(
                self.env._(
                    "stall %(stall)s paid in %(methods)s",
                    stall=stalls.name,
                    methods=", ".join(stalls.payment_method_ids.mapped("name")),
                )
            )
        pricelists = (
            self.env["conserverie.solidarity.bracket"]
            .search([("company_id", "=", company.id)])
            .pricelist_id
        )
        for stall in stalls:
            missing = pricelists - stall.available_pricelist_ids
            if stall.picking_type_id != company.conserverie_warehouse_id.pos_type_id or missing:
                stall._use_mobile_unit(pricelists.ids)
                created.append(
                    self.env._(
                        "%(stall)s sells from the mobile unit with the solidarity pricelists",
                        stall=stall.name,
                    )
                )
        categories = self._get_stall_categories()
        for stall in stalls:
            created += self._restrict_stall(stall, categories)
        return created

    def _restrict_stall(self, stall, categories):
        """The first time, a stall keeps only the facility's categories and its cash and
        card methods; later, it gets the categories it lacks and nothing else changes."""
        missing = categories - stall.iface_available_categ_ids
        if not missing:
            return []
        values = {"iface_available_categ_ids": [Command.link(c.id) for c in missing]}
        created = [
            self.env._(
                "%(stall)s sells %(categories)s",
                stall=stall.name,
                categories=", ".join(missing.mapped("name")),
            )
        ]
        if missing == categories:
            values["limit_categories"] = True
            methods = self._get_stall_payment_methods(stall.payment_method_ids)
            if not methods.filtered("is_cash_count"):
                # a cash method serves one till only: the stall gets its own
                methods |= (
                    self.env["pos.config"]
                    .with_company(stall.company_id)
                    ._create_cash_payment_method(
                        {"name": self.env._("Cash %(stall)s", stall=stall.name)}
                    )
                )
            if methods != stall.payment_method_ids:
                values["payment_method_ids"] = [Command.set(methods.ids)]
                created.append(
                    self.env._(
                        "%(stall)s paid in %(methods)s",
                        stall=stall.name,
                        methods=", ".join(methods.mapped("name")),
                    )
                )
        stall.write(values)
        return created

    def _get_stall_categories(self):
        """The POS categories of what the facility sells: preserves, and what each addon
        adds. Saleable preserves without a POS category get the preserves' one."""
        category = self._get_pos_category(
            "conserverie_base.pos_category_preserves", lambda env: env._("Preserves")
        )
        preserves = self.env["product.template"].search(
            [
                (
                    "categ_id",
                    "child_of",
                    self.env.ref("conserverie_base.product_category_preserves").id,
                ),
                ("sale_ok", "=", True),
                ("pos_categ_ids", "=", False),
                ("company_id", "in", (False, self.company_id.id)),
            ]
        )
        preserves.write({"pos_categ_ids": [Command.link(category.id)], "available_in_pos": True})
        return category

    def _get_stall_payment_methods(self, methods):
        """What a stall taking ``methods`` keeps: one cash and one card method; addons
        keep theirs."""
        cash = methods.filtered("is_cash_count")[:1]
        card = methods.filtered(lambda method: method.type == "bank")[:1]
        return cash | card

    def _get_pos_category(self, xmlid, translate_name):
        """The POS category ``xmlid``, created the first time with the name
        ``translate_name(env)`` gives in each installed language."""
        category = self.env.ref(xmlid, raise_if_not_found=False)
        if category:
            return category
        category = self.env["pos.category"].create({"name": translate_name(self.env)})
        module, name = xmlid.split(".")
        self.env["ir.model.data"].create(
            {
                "module": module,
                "name": name,
                "model": "pos.category",
                "res_id": category.id,
                "noupdate": True,
            }
        )
        for lang, _lang_name in self.env["res.lang"].get_installed():
            category.with_context(lang=lang).name = translate_name(
                category.with_context(lang=lang).env
            )
        return category

    def _ensure_chart_of_accounts(self):
        """A till needs the company's journals: load its chart of accounts if missing."""
        company = self.company_id
        if company.chart_template:
            return
        ChartTemplate = self.env["account.chart.template"]
        template = company.parent_ids[0].chart_template or ChartTemplate._guess_chart_template(
            company.country_id
        )
        ChartTemplate.try_loading(template, company, install_demo=False)
