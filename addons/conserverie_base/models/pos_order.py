from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import pos_order_payload as payload

# models whose records the till creates with the order: their ids may be the till's own
TILL_MODELS = frozenset(
    {
        "pos.order",
        "pos.order.line",
        "pos.payment",
        "pos.pack.operation.lot",
        "product.attribute.custom.value",
    }
)
# references to the till's records the server reads as real records
TILL_REFERENCES = frozenset({"refunded_orderline_id"})
# models of the payload the rules describe, whose values are checked in depth
PAYLOAD_MODELS = frozenset({"pos.order.line", "pos.payment", "pos.pack.operation.lot"})
MAX_PROBLEMS_SHOWN = 10
# set by the till pipeline while Odoo processes a synced order; read through
# ``_conserverie_is_till_sync`` only
TILL_SYNC = "conserverie_till_sync"
PAID_STATES = ("paid", "done", "invoiced")
# set by ``sync_from_ui``: the orders of the batch already recorded, by uuid
OPEN_ORDERS = "conserverie_open_orders"
# fields of the order the till sends back as it read them, which only the server sets
SERVER_FIELDS = ("review_issue_ids", "has_review_issue")


class PosOrder(models.Model):
    """The suite's till pipeline. Every synced order goes through these steps, in this
    order, whatever addons are installed:

    1. ``sync_from_ui`` → ``_check_sync_payloads``: a malformed batch is refused whole,
       before anything is written;
    2. Odoo's ``_process_order`` creates or updates the order, marks it paid, makes its
       picking;
    3. ``_conserverie_post_ledgers(new_orders)``: once an order is paid, each addon
       records it in its ledger (deposits, hours), exactly once per order;
    4. ``_conserverie_review()``: each addon lists the rules the order breaks
       (``_conserverie_get_review_issues``); they become ``conserverie.pos.order.issue``
       records for staff, and ``_conserverie_notify_review_issues`` tells whoever must
       act. An order is never refused at this step.

    An order paid from the back office (``action_pos_order_paid`` outside a sync) goes
    through steps 3 and 4 too. Addons extend the ``_conserverie_*`` methods; none
    overrides Odoo's sync itself."""

    _inherit = "pos.order"

    # the till reads every order field after a sync: the issues stay with the back office
    review_issue_ids = fields.One2many(
        "conserverie.pos.order.issue",
        "order_id",
        string="Issues to review",
        readonly=True,
        groups="conserverie_base.group_staff,conserverie_base.group_accountant",
    )
    has_review_issue = fields.Boolean(
        string="To review",
        readonly=True,
        copy=False,
        index=True,
        help="The order broke a rule when it synced or was paid: staff must review it. "
        "Set by the till pipeline, cleared when every issue is reviewed.",
    )

    _sql_constraints = [
        ("uuid_unique", "UNIQUE(uuid)", "A point of sale order is synchronised only once."),
    ]

    def write(self, vals):
        if "has_review_issue" in vals and not self.env.su:
            raise AccessError(
                self.env._("An order's review flag follows its issues: mark them reviewed.")
            )
        return super().write(vals)

    def _update_has_review_issue(self):
        for order in self:
            # sudo: the flag is shown to whoever reads the order, the issues to staff only
            issues = order.sudo().review_issue_ids
            has_issue = any(issue.state == "open" for issue in issues)
            if order.has_review_issue != has_issue:
                order.sudo().has_review_issue = has_issue  # sudo: same

    @api.model
    def _load_pos_data_fields(self, config_id):
        """What Odoo loads in the till (every field the user may read), but the fields
        only the server sets: the till never reads nor sends back an order's issues."""
        names = super()._load_pos_data_fields(config_id)
        names = names or self.check_field_access_rights("read", None)
        return [name for name in names if name not in SERVER_FIELDS]

    @api.model
    def sync_from_ui(self, orders):
        """Refuse the whole batch before anything is written when one order is malformed
        or points to records it cannot use: the till keeps its orders and the error says
        what to fix. A batch refused later on (by a check of the point of sale) leaves
        nothing behind either, whoever calls."""
        # the orders already recorded are looked up once, for the check and the sync
        self = self.with_context(**{OPEN_ORDERS: {}})
        self._check_sync_payloads(orders)
        with self.env.cr.savepoint():
            return super().sync_from_ui(orders)

    @api.model
    def _get_open_order(self, order):
        known = self.env.context.get(OPEN_ORDERS)
        uuid = order.get("uuid") if isinstance(order, dict) else None
        if known is None or not isinstance(uuid, str):
            return super()._get_open_order(order)
        if uuid not in known:
            known[uuid] = super()._get_open_order(order)
        return known[uuid]

    @api.model
    def _process_order(self, order, existing_order):
        """Steps 2 to 4 of the pipeline for one order of the batch."""
        if existing_order:
            # the till always sends the key; the server deletes it before updating an order
            order.setdefault("access_token", None)
        for name in SERVER_FIELDS:
            order.pop(name, None)
        order_id = super(PosOrder, self.with_context(**{TILL_SYNC: True}))._process_order(
            order, existing_order
        )
        pos_order = self.browse(order_id)
        known = self.env.context.get(OPEN_ORDERS)
        if known is not None and isinstance(order.get("uuid"), str):
            known[order["uuid"]] = pos_order  # the same order again in the batch
        # the till's state, not Odoo's paid hook, says whether it was paid: Odoo logs and
        # swallows the hook's errors, and a sale is never lost
        if pos_order.state in PAID_STATES:
            pos_order._conserverie_post_ledgers(
                new_orders=self.browse() if existing_order else pos_order
            )
        pos_order._conserverie_review()
        return order_id

    def action_pos_order_paid(self):
        result = super().action_pos_order_paid()
        if not self._conserverie_is_till_sync():
            # paid from the back office: the sync's steps 3 and 4
            self._conserverie_post_ledgers(new_orders=self.browse())
            self._conserverie_review()
        return result

    @api.model
    def _conserverie_is_till_sync(self):
        """Whether Odoo is processing an order the till synced (step 2)."""
        return bool(self.env.context.get(TILL_SYNC))

    def _conserverie_post_ledgers(self, new_orders):
        """Step 3, extension point: record these paid orders in the suite's ledgers,
        once per order; runs again harmlessly for an order already recorded.

        :param new_orders: those of these orders created by this very call: nothing of
            theirs can be in a ledger yet, so no look-up is needed for them.
        """

    def _conserverie_get_review_issues(self):
        """Step 4, extension point: the rules this order breaks, as a list of
        ``{"kind": <conserverie.pos.order.issue kind>, "message": <translated text>}``.
        Must not write anything."""
        self.ensure_one()
        return []

    def _conserverie_review(self):
        """Step 4: record each issue of these orders once, for staff to review."""
        values = []
        for order in self:
            issues = order._conserverie_get_review_issues()
            if not issues:
                continue
            # sudo: the cashier who syncs may not read the issues
            known = {(issue.kind, issue.message) for issue in order.sudo().review_issue_ids}
            for issue in issues:
                if (issue["kind"], issue["message"]) not in known:
                    known.add((issue["kind"], issue["message"]))
                    values.append({**issue, "order_id": order.id})
        if not values:
            return self.env["conserverie.pos.order.issue"]
        # sudo: issues are written by the pipeline whoever syncs, read by staff only
        issues = self.env["conserverie.pos.order.issue"].sudo().create(values)
        issues.order_id._update_has_review_issue()
        issues.order_id._conserverie_notify_review_issues(issues)
        return issues

    def _conserverie_notify_review_issues(self, issues):
        """Step 4, extension point: tell who must act about new ``issues`` of these
        orders (base: a message on each order)."""
        for order in self:
            messages = issues.filtered(lambda issue, order=order: issue.order_id == order)
            # sudo: the message is for staff, posted whoever synced the order
            order.sudo().message_post(body="\n".join(messages.mapped("message")))

    @api.model
    def _check_sync_payloads(self, orders):
        if not isinstance(orders, list | tuple):
            raise UserError(
                self.env._(
                    "The point of sale must send a list of orders, not %(value)s.",
                    value=payload.shorten(orders),
                )
            )
        rules = self._get_payload_rules()
        for position, order in enumerate(orders, start=1):
            problems = payload.check_order_payload(
                order, rules
            ) or self._get_payload_reference_problems(order)
            if problems:
                raise UserError(self._get_payload_error(order, position, problems))

    @api.model
    def _get_payload_rules(self):
        """What the server relies on, and the type of every other field it would store."""
        return payload.order_rules(
            order_extra=self._get_payload_field_rules(self),
            line_extra=self._get_payload_field_rules(self.env["pos.order.line"]),
            payment_extra=self._get_payload_field_rules(self.env["pos.payment"]),
            pack_lot_extra=self._get_payload_field_rules(self.env["pos.pack.operation.lot"]),
        )

    @api.model
    def _get_payload_field_rules(self, model):
        """Rules for the fields of ``model`` that a value of the wrong type would make the
        ORM or the database fail on. Related fields that are not read-only are refused:
        they would write on another record (the session, its configuration)."""
        rules = {}
        for name, field in model._fields.items():
            if name in models.MAGIC_COLUMNS:
                continue
            if field.related and not field.readonly:
                rules[name] = payload.Rule(payload.REFUSED)
            elif field.type == "many2one":
                rules[name] = payload.Rule(payload.OPTIONAL_ID)
            elif field.type in ("one2many", "many2many"):
                # the till creates and changes its own records only; others it links
                commands = (
                    payload.RECORD_COMMANDS
                    if field.type == "one2many" and field.comodel_name in TILL_MODELS
                    else payload.RELATION_COMMANDS
                )
                rules[name] = payload.Rule(payload.COMMANDS, commands=commands, accepts_ids=True)
            elif field.type in ("float", "monetary"):
                rules[name] = payload.Rule(payload.NUMBER)
            elif field.type == "integer":
                rules[name] = payload.Rule(
                    payload.INTEGER, bounds=(-payload.MAX_INTEGER, payload.MAX_INTEGER)
                )
            elif field.type == "datetime":
                rules[name] = payload.Rule(payload.DATETIME)
            elif field.type == "date":
                rules[name] = payload.Rule(payload.DATE)
            elif field.type == "selection":
                choices = (False, *field.get_values(self.env))
                rules[name] = payload.Rule(payload.SELECTION, choices=choices)
        return rules

    @api.model
    def _get_payload_reference_problems(self, order):
        """Records the order refers to that do not exist, belong to another company, or
        (lines and payments changed by id) belong to another order."""
        existing = self._get_open_order(order)
        if existing and existing.state != "draft":
            return []  # sent again: the server acknowledges it and ignores the values
        # sudo: the till refers to records its user may not read (sessions of another
        # company, taxes, pricelists): they are refused with a problem, not an access error;
        # one environment for every look-up of the order
        env = self.env(su=True, context=dict(self.env.context, active_test=False))
        # the fields Odoo reads next come in the same query
        session = self._fetch_existing(
            env["pos.session"], [order["session_id"]], ["company_id", "state", "config_id"]
        )
        if not session:
            return [
                payload.PayloadProblem(
                    "session_id", payload.UNKNOWN_RECORD, str(order["session_id"])
                )
            ]
        if session.company_id not in self.env.companies:
            return [
                # ids only: the till never learns the names of another company's records
                payload.PayloadProblem("session_id", payload.OTHER_COMPANY, str([session.id]))
            ]
        references = defaultdict(list)
        problems = self._collect_record_references(existing, order, "", references, True)
        # checked already: the session, and the user who syncs
        known = {"pos.session": {session.id}, "res.users": {self.env.uid}}
        for model_name, entries in references.items():
            unchecked = [
                entry for entry in entries if not set(entry[1]) <= known.get(model_name, set())
            ]
            if unchecked:
                problems += self._get_records_problems(
                    env[model_name], unchecked, session.company_id
                )
        return problems

    @api.model
    def _collect_record_references(self, record, values, path, references, order_level=False):
        """Gather the references in ``values``, sent to create or update ``record`` (an
        existing record, or an empty recordset of the model to create), into
        ``references`` ({model: [(path, ids, tolerate_missing)]}), so that each model is
        then checked once for the whole order. Returns the problems found on the way."""
        problems = []
        prefix = f"{path}." if path else ""
        for name, value in values.items():
            field = record._fields.get(name)
            if not field or not field.relational or not value or name in models.MAGIC_COLUMNS:
                continue  # the ORM ignores the magic columns it is sent
            field_path = prefix + name
            if field.type == "one2many":
                problems += self._collect_command_references(
                    record, field, value, field_path, references
                )
            elif field.comodel_name not in TILL_MODELS or name in TILL_REFERENCES:
                ids = [value] if field.type == "many2one" else self._get_command_ids(value)
                # the server forgets a customer deleted while the till was offline
                tolerate_missing = order_level and name == "partner_id"
                references[field.comodel_name].append((field_path, ids, tolerate_missing))
        return problems

    @api.model
    def _collect_command_references(self, record, field, commands, path, references):
        """One2many commands only change records already in ``record``'s field."""
        problems = []
        Comodel = self.env[field.comodel_name]
        for index, command in enumerate(commands):
            command_path = f"{path}[{index}]"
            if payload.is_record_id(command):
                continue  # bare ids: the ORM reports those it cannot find
            foreign = set(payload.command_record_ids(command)) - set(record[field.name].ids)
            if foreign:
                problems.append(
                    payload.PayloadProblem(
                        command_path, payload.NOT_OF_THIS_ORDER, str(sorted(foreign))
                    )
                )
            elif command[0] in payload.COMMANDS_WITH_VALUES and Comodel._name in PAYLOAD_MODELS:
                target = Comodel.browse(command[1]) if command[0] == payload.UPDATE else Comodel
                problems += self._collect_record_references(
                    target, command[2], command_path, references
                )
        return problems

    @api.model
    def _get_command_ids(self, commands):
        return [
            record_id for command in commands for record_id in payload.command_record_ids(command)
        ]

    @api.model
    def _get_records_problems(self, Model, entries, company):
        """Problems of the references ``entries`` ([(path, ids, tolerate_missing)]) to
        ``Model``: records that do not exist or belong to another company, found with
        one query for all of them."""
        company_fields = [name for name in ("company_id", "company_ids") if name in Model._fields]
        found = self._fetch_existing(
            Model,
            {record_id for _path, ids, _t in entries for record_id in ids},
            company_fields[:1],
        )
        if Model._name == "res.company":
            others = found - company
        elif {"company_id", "company_ids"} & set(Model._fields):
            domain = found._check_company_domain(company)
            # found is read with archived records: so is the domain
            others = found - found.filtered_domain(domain)
        else:
            others = Model.browse()
        problems = []
        for path, ids, tolerate_missing in entries:
            missing = set(ids) - set(found.ids)
            foreign = others.filtered(lambda record, ids=ids: record.id in ids)
            if missing and not tolerate_missing:
                problems.append(
                    payload.PayloadProblem(path, payload.UNKNOWN_RECORD, str(sorted(missing)))
                )
            elif foreign:
                # ids only: the till never learns the names of another company's records
                problems.append(
                    payload.PayloadProblem(path, payload.OTHER_COMPANY, str(sorted(foreign.ids)))
                )
        return problems

    @api.model
    def _fetch_existing(self, Model, ids, field_names):
        """Those of ``ids`` that exist, archived ones included, with ``field_names`` and
        the columns Odoo's next read of them loads (its prefetch group) in the same query:
        the sync reads these records again."""
        if not (Model.env.su and Model.env.context.get("active_test") is False):
            # sudo: the till refers to records its user may not read (sessions of another
            # company, taxes, pricelists): they are refused with a problem, not an access
            # error
            Model = Model.sudo().with_context(active_test=False)
        names = [name for name, field in Model._fields.items() if field.prefetch is True]
        names += [name for name in field_names if name not in names]
        return Model.search_fetch([("id", "in", list(ids))], names, order="id")

    @api.model
    def _get_payload_error(self, order, position, problems):
        names = [order.get(key) for key in ("name", "uuid")] if isinstance(order, dict) else []
        label = next((name[:60] for name in names if isinstance(name, str) and name.strip()), "")
        label = label or self.env._("number %(position)s", position=position)
        lines = [f"- {self._describe_payload_problem(p)}" for p in problems[:MAX_PROBLEMS_SHOWN]]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            lines.append(
                self.env._("- and %(count)s more.", count=len(problems) - MAX_PROBLEMS_SHOWN)
            )
        heading = self.env._(
            "The point of sale sent order %(order)s in a form the server cannot record; "
            "nothing of this synchronisation was saved.",
            order=label,
        )
        return "\n".join([heading, *lines])

    @api.model
    def _describe_payload_problem(self, problem):
        """The problem, in the user's language."""
        field, value = problem.path or self.env._("the order"), problem.value
        match problem.code:
            case payload.NOT_A_DICT:
                return self.env._(
                    "%(field)s must be a set of values, not %(value)s.", field=field, value=value
                )
            case payload.NOT_A_LIST:
                return self.env._(
                    "%(field)s must be a list of commands, not %(value)s.", field=field, value=value
                )
            case payload.MISSING:
                return self.env._("%(field)s is missing.", field=field)
            case payload.NOT_AN_ID:
                return self.env._(
                    "%(field)s must be a record id, not %(value)s.", field=field, value=value
                )
            case payload.NOT_A_NUMBER:
                return self.env._(
                    "%(field)s must be a number, not %(value)s.", field=field, value=value
                )
            case payload.NOT_FINITE:
                return self.env._(
                    "%(field)s must be a finite number, not %(value)s.", field=field, value=value
                )
            case payload.OUT_OF_RANGE:
                minimum, maximum = (format(bound, ",.0f") for bound in problem.detail)
                return self.env._(
                    "%(field)s must be between %(minimum)s and %(maximum)s, not %(value)s.",
                    field=field,
                    value=value,
                    minimum=minimum,
                    maximum=maximum,
                )
            case payload.NOT_TEXT:
                return self.env._(
                    "%(field)s must be a non-empty text, not %(value)s.", field=field, value=value
                )
            case payload.NOT_A_CHOICE:
                return self.env._(
                    "%(field)s must be one of %(choices)s, not %(value)s.",
                    field=field,
                    value=value,
                    choices=", ".join(str(choice) for choice in problem.detail),
                )
            case payload.NOT_A_DATE:
                return self.env._(
                    "%(field)s must be a date and time such as 2026-06-12 14:30:00, not %(value)s.",
                    field=field,
                    value=value,
                )
            case payload.BAD_COMMAND:
                return self.env._(
                    "%(field)s is not a command the point of sale sends: %(value)s.",
                    field=field,
                    value=value,
                )
            case payload.NOT_ACCEPTED:
                return self.env._(
                    "%(field)s is set by the server; the point of sale cannot send it.", field=field
                )
            case payload.UNKNOWN_RECORD:
                return self.env._(
                    "%(field)s refers to records that do not exist: %(value)s.",
                    field=field,
                    value=value,
                )
            case payload.OTHER_COMPANY:
                return self.env._(
                    "%(field)s refers to records of another company: %(value)s.",
                    field=field,
                    value=value,
                )
            case payload.NOT_OF_THIS_ORDER:
                return self.env._(
                    "%(field)s changes records that are not part of this order: %(value)s.",
                    field=field,
                    value=value,
                )
        return self.env._("%(field)s is wrong: %(value)s.", field=field, value=value)
