from odoo import models


class ConserverieImpactFiguresPeople(models.AbstractModel):
    """People figures of the impact report: participants, volunteer hours and households reached.

    Inherited by ``conserverie.impact.report``, which holds the period
    (``date_from``, ``date_to``), the company and the optional centre.
    """

    _name = "conserverie.impact.figures.people"
    _description = "Impact figures: people"

    def _get_attendance_domain(self):
        domain = [
            ("attended", "=", True),
            ("role", "!=", "staff"),
            ("activity_id.state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            *self._datetime_domain("date"),
        ]
        if self.centre_id:
            domain.append(("activity_id.centre_id", "=", self.centre_id.id))
        return domain

    def _get_returning_attendance_domain(self):
        """Attendance of people who had already taken part before the period."""
        start, _end = self._datetime_bounds()
        earlier = [
            ("attended", "=", True),
            ("role", "!=", "staff"),
            ("activity_id.state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            ("date", "<", start),
        ]
        return [
            *self._get_attendance_domain(),
            ("partner_id.activity_attendance_ids", "any", earlier),
        ]

    def _get_people_indicators(self, result, jars_distributed):
        Attendance = self.env["conserverie.activity.attendance"]
        domain = self._get_attendance_domain()
        by_role = Attendance._read_group(
            domain, ["role"], ["hours:sum", "partner_id:count_distinct"]
        )
        [(participants, hours)] = Attendance._read_group(
            domain, [], ["partner_id:count_distinct", "hours:sum"]
        )
        [(returning,)] = Attendance._read_group(
            self._get_returning_attendance_domain(), [], ["partner_id:count_distinct"]
        )
        roles = self._selection_labels("conserverie.activity.attendance", "role")
        result.update(
            volunteer_hours=hours or 0.0,
            participants=participants,
            participants_returning=returning,
            participants_new=participants - returning,
            hours_by_role={roles[role]: (people, hours) for role, hours, people in by_role},
            **self._get_reach_figures(domain, jars_distributed),
        )

    def _get_reach_figures(self, attendance_domain, jars_distributed):
        """Reach of the period: ``households`` and ``households_by_bracket``.

        Here each identified person reached counts as a household. The
        extension point of reach: an addon that knows households, anonymous
        visitors or who received jars returns its own figures (these keys
        and more) from the same period, company and centre.
        ``jars_distributed`` are the rows of ``_get_jars_distributed``, read
        once for the whole report: who received how many jars.
        """
        households = self._get_households_by_bracket(attendance_domain)
        return {"households": sum(households.values()), "households_by_bracket": households}

    def _get_households_by_bracket(self, attendance_domain):
        """People reached (activities and stall customers), counted per solidarity bracket.

        Only counts leave this method: who is in which bracket stays
        readable by coordinators alone.
        """
        partner_domain = [
            "|",
            ("activity_attendance_ids", "any", attendance_domain),
            ("pos_order_ids", "any", self._get_pos_order_domain()),
        ]
        # sudo: the bracket field is coordinator-only; only counts per bracket are returned
        groups = (
            self.env["res.partner"]
            .sudo()
            ._read_group(partner_domain, ["solidarity_bracket_id"], ["__count"])
        )
        no_bracket = self.env._("No bracket")
        return {(bracket.name if bracket else no_bracket): count for bracket, count in groups}
