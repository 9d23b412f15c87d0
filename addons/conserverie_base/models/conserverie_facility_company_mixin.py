from odoo import api, models


class ConserverieFacilityCompanyMixin(models.AbstractModel):
    """A record that belongs to the facility recording it when it is one of the
    facility's own (a member, a grower, a jar format...), unless the values or the
    context name a company, or none to share it with every facility."""

    _name = "conserverie.facility.company.mixin"
    _description = "Record belonging to the facility that records it"

    @api.model
    def _get_facility_flags(self):
        """The fields that, set, make a record one of the facility's own."""
        return []

    @api.model
    def _is_facility_record(self, values):
        """Whether a record with ``values`` belongs to the facility recording it."""
        return any(values.get(flag) for flag in self._get_facility_flags())

    @api.model
    def _get_context_defaults(self):
        """The values the context gives a new record, as a menu of members or jars does."""
        return {
            key.removeprefix("default_"): value
            for key, value in self.env.context.items()
            if key.startswith("default_")
        }

    @api.model
    def _get_facility_company(self, vals):
        """The facility a new record with ``vals`` belongs to."""
        return self.env.company

    @api.model
    def default_get(self, fields_list):
        defaults = super().default_get(fields_list)
        if (
            "company_id" in fields_list
            and "company_id" not in defaults
            and self._is_facility_record({**self._get_context_defaults(), **defaults})
        ):
            defaults["company_id"] = self.env.company.id
        return defaults

    def _get_facility_form_values(self):
        """The values of a record on its form that decide whether it is the facility's."""
        return {flag: self[flag] for flag in self._get_facility_flags()}

    def _onchange_facility_company(self):
        """A new record made one of the facility's own on its form belongs to the
        facility, unless the user then clears its company to share it. Each model
        declares the fields that trigger it."""
        if (
            not self._origin
            and not self.company_id
            and self._is_facility_record(self._get_facility_form_values())
        ):
            self.company_id = self.env.company

    @api.model
    def _set_facility_company(self, vals_list):
        """Give each new facility record of ``vals_list`` its facility, unless the
        values or the context name a company."""
        if "default_company_id" in self.env.context:
            return
        context_values = self._get_context_defaults()
        for vals in vals_list:
            if "company_id" not in vals and self._is_facility_record({**context_values, **vals}):
                vals["company_id"] = self._get_facility_company(vals).id
