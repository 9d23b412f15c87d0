from odoo import models


class ConserverieImpactFiguresActivity(models.AbstractModel):
    """Activity figures of the impact report: activities held, rural and urban, by type and site.

    Inherited by ``conserverie.impact.report``, which holds the period
    (``date_from``, ``date_to``), the company and the optional centre.
    """

    _name = "conserverie.impact.figures.activity"
    _description = "Impact figures: activity"

    def _get_activity_domain(self):
        domain = [
            ("state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            *self._datetime_domain("date_start"),
        ]
        if self.centre_id:
            domain.append(("centre_id", "=", self.centre_id.id))
        return domain

    def _get_activity_indicators(self, result):
        Activity = self.env["conserverie.activity"]
        domain = self._get_activity_domain()
        rows = Activity._read_group(domain, ["activity_type", "is_rural"], ["__count"])
        by_site = Activity._read_group(domain, ["site_id"], ["__count"], order="__count desc")
        types = self._selection_labels("conserverie.activity", "activity_type")
        by_type = dict.fromkeys(types.values(), 0)
        rural = total = 0
        for activity_type, is_rural, count in rows:
            by_type[types[activity_type]] += count
            total += count
            rural += count if is_rural else 0
        result.update(
            activities=total,
            rural_activities=rural,
            urban_activities=total - rural,
            rural_share=rural / total if total else 0.0,
            activities_by_type=by_type,
            activities_by_site=[
                (site.display_name if site else self.env._("No site"), site.is_rural, count)
                for site, count in by_site
            ],
        )
