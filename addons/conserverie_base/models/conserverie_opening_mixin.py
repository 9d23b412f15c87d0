from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

OPENING_PRECISION = 4


class ConserverieOpeningMixin(models.AbstractModel):
    """A balance brought in from the lists a group kept before the suite, with Odoo's
    import: one per key (a member, a customer and a jar format...) and facility,
    posted to its ledger once when created, never changed.

    Importing the same row again gives back the existing record and posts nothing;
    another value for a key already opened is refused: a correction goes through the
    ledger, with a reason. A bad row fails the whole import (Odoo's import runs in a
    savepoint), so nothing is posted.

    Models using it set ``_opening_key_fields`` (many2one fields),
    ``_opening_value_fields`` (numbers) and ``_opening_link_fields`` (the ledger
    entries ``_post_opening`` links, the only fields written afterwards), and
    implement ``_post_opening``.
    """

    _name = "conserverie.opening.mixin"
    _description = "Opening balance"
    _opening_key_fields = ()
    _opening_value_fields = ()
    _opening_link_fields = ()

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date = fields.Date(
        string="Opening date",
        required=True,
        default=fields.Date.context_today,
        help="The day the balance was counted: its ledger entry is dated that day.",
    )
    user_id = fields.Many2one(
        "res.users", string="Recorded by", readonly=True, default=lambda self: self.env.user
    )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_new_openings(vals_list)
        openings = super().create([self._prepare_opening_vals(vals) for vals in vals_list])
        for opening in openings:
            opening._post_opening()
        return openings

    def write(self, vals):
        if self and set(vals) - set(self._opening_link_fields):
            raise UserError(
                self.env._(
                    "An opening balance cannot be changed once posted: correct it in its "
                    "ledger, with a reason."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "An opening balance cannot be deleted once posted: correct it in its ledger, "
                "with a reason."
            )
        )

    @api.model
    def _prepare_opening_vals(self, vals):
        """The values of a new opening, checked; completed by the models using it."""
        return vals

    def _load_records_create(self, vals_list):
        """Odoo's import: a row already imported with the same values is the existing
        record, so that importing a file twice posts once."""
        existing = self._get_existing_openings(vals_list)
        found = []
        to_create = []
        for vals in vals_list:
            opening = existing.get(self._get_opening_key(vals))
            if opening and opening._is_same_opening(vals):
                found.append(opening)
            else:
                found.append(None)
                to_create.append(vals)
        created = iter(super()._load_records_create(to_create) if to_create else ())
        return self.browse().concat(
            *(opening if opening is not None else next(created) for opening in found)
        )

    @api.model
    def _get_opening_key(self, vals):
        """(ids of the key fields..., company id) of the opening ``vals``."""
        company_id = vals.get("company_id") or self.env.company.id
        return (*(vals.get(name) or False for name in self._opening_key_fields), company_id)

    def _get_record_key(self):
        self.ensure_one()
        return (*(self[name].id for name in self._opening_key_fields), self.company_id.id)

    @api.model
    def _get_existing_openings(self, vals_list):
        """{key: opening} for the keys of ``vals_list`` already opened."""
        keys = [self._get_opening_key(vals) for vals in vals_list]
        names = [*self._opening_key_fields, "company_id"]
        domain = [
            (name, "in", list({key[index] for key in keys})) for index, name in enumerate(names)
        ]
        # sudo: an opening another user cannot see must still not be posted twice
        openings = self.sudo().search(domain)
        return {opening._get_record_key(): opening.with_env(self.env) for opening in openings}

    def _is_same_opening(self, vals):
        """Whether ``vals`` repeats this opening (same values)."""
        self.ensure_one()
        return all(
            not float_compare(self[name], vals.get(name) or 0.0, precision_digits=OPENING_PRECISION)
            for name in self._opening_value_fields
        )

    @api.model
    def _check_new_openings(self, vals_list):
        """Refuse a key twice, within the rows or with the database, naming it and the
        balance already posted."""
        existing = self._get_existing_openings(vals_list)
        seen = set()
        for vals in vals_list:
            key = self._get_opening_key(vals)
            if not all(key):
                raise UserError(
                    self.env._(
                        "Each row of the opening balances needs all of: %(fields)s.",
                        fields=", ".join(
                            self._fields[name].get_description(self.env)["string"]
                            for name in self._opening_key_fields
                        ),
                    )
                )
            if key in seen:
                raise UserError(
                    self.env._(
                        "%(name)s appears twice in the opening balances: keep one row each.",
                        name=self._get_opening_name(key),
                    )
                )
            seen.add(key)
            self._check_opening_vals(vals)
            if key in existing:
                raise UserError(
                    self.env._(
                        "%(name)s already has an opening balance (%(balance)s, on %(date)s); "
                        "it is not replaced. Correct it in its ledger, with a reason.",
                        name=self._get_opening_name(key),
                        balance=existing[key]._get_opening_summary(),
                        date=existing[key].date,
                    )
                )

    @api.model
    def _check_opening_vals(self, vals):
        """Further checks of the values of a new opening, raising a ``UserError``."""

    @api.model
    def _get_opening_name(self, key):
        """What the key stands for, in words (for messages)."""
        return " / ".join(
            self.env[self._fields[name].comodel_name].browse(record_id).display_name
            for name, record_id in zip(self._opening_key_fields, key, strict=False)
        )

    def _get_opening_summary(self):
        """The balance posted, in words (for messages)."""
        self.ensure_one()
        return ", ".join(str(self[name]) for name in self._opening_value_fields)

    def _post_opening(self):
        """Post this opening to its ledger."""
        raise NotImplementedError
