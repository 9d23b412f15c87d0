from odoo import api, fields, models
from odoo.exceptions import UserError

CREDIT_FIELDS = ("hours", "attended", "partner_id", "activity_id")


class ConserverieActivityAttendance(models.Model):
    _inherit = "conserverie.activity.attendance"

    time_move_ids = fields.One2many(
        "conserverie.time.move", "attendance_id", string="Time moves", readonly=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        done = attendances.filtered(lambda att: att.activity_id.state == "done")
        done._check_can_change_credited_hours()
        done._credit_time()
        return attendances

    def write(self, vals):
        done = self.filtered(lambda att: att.activity_id.state == "done")
        target = self.env["conserverie.activity"].browse(vals.get("activity_id"))
        if target.state == "done":
            done = self  # moved into a done activity: as if added to it
        if done and any(field in vals for field in CREDIT_FIELDS):
            done._check_can_change_credited_hours()
        result = super().write(vals)
        if done and any(field in vals for field in CREDIT_FIELDS):
            done._credit_time()
        return result

    def _check_can_change_credited_hours(self):
        """Attendance of a done activity credits hours: only staff add or correct it."""
        if self and not self.env.su and not self.env.user.has_group("conserverie_base.group_staff"):
            raise UserError(
                self.env._("Only centre staff correct the attendance of a done activity.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_credited(self):
        # sudo: the check must see the ledger whoever deletes the line
        if (
            self.env["conserverie.time.move"]
            .sudo()
            .search_count([("attendance_id", "in", self.ids)], limit=1)
        ):
            raise UserError(
                self.env._(
                    "Hours were credited for this attendance: untick 'attended' instead of "
                    "deleting the line."
                )
            )

    def _get_current_time_credit(self):
        """The member's leg of the attendance's credit that is still in force."""
        self.ensure_one()
        Move = self.env["conserverie.time.move"].sudo()  # sudo: read by the credit logic
        credits = Move.search(
            [
                ("attendance_id", "=", self.id),
                ("move_type", "=", "volunteering"),
                ("amount", ">", 0),
            ],
            order="id desc",
        )
        reversed_ids = set(
            Move.search([("reversed_move_id", "in", credits.ids)]).reversed_move_id.ids
        )
        return credits.filtered(lambda move: move.id not in reversed_ids)[:1], len(credits)

    def _credit_time(self):
        """Credit each attendee's hours from the facility, once.

        Doing it again changes nothing; a corrected line reverses the credit in force
        and credits the new hours.
        """
        # sudo: attendance credits are posted by the facility, whoever validates
        Account = self.env["conserverie.time.account"].sudo()
        Move = self.env["conserverie.time.move"].sudo()
        for attendance in self:
            company = attendance.company_id
            hours = attendance.hours if attendance.attended else 0.0
            current, count = attendance._get_current_time_credit()
            if (
                current
                and current.partner_id == attendance.partner_id
                and abs(current.amount - hours) < 0.00005
            ):
                continue
            if not current and hours <= 0:
                continue
            if current:
                current._reverse(
                    self.env._("Attendance corrected: %s", attendance.activity_id.name),
                    values={"attendance_id": attendance.id},
                )
            if hours > 0:
                Move._post_transfer(
                    Account._get_facility(company),
                    Account._get_for_partner(attendance.partner_id, company),
                    hours,
                    "volunteering",
                    reason=attendance.activity_id.name,
                    reference=f"VOL/{attendance.id}/{count}",
                    to_values={"attendance_id": attendance.id, "attendance_sequence": count},
                )
