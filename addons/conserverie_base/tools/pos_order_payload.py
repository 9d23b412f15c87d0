"""The shape of an order as the point of sale sends it to ``pos.order.sync_from_ui``.

A till that was offline for a market day sends its orders as dictionaries; a bug or a
tampered browser can send anything. :func:`check_order_payload` lists what in one order
the server could not store safely. It knows only the keys the server relies on and the
rules it is given: other keys are left alone, since other addons add their own.

Pure Python: the model turns the problems found here into translated messages.
"""

import math
from dataclasses import dataclass, field, replace
from datetime import date, datetime

MAX_QUANTITY = 1e6
MAX_AMOUNT = 1e9
MAX_INTEGER = 2**31 - 1  # a PostgreSQL integer, as record ids and sequence numbers are

# x2many commands, numbered as odoo.fields.Command numbers them
CREATE, UPDATE, DELETE, UNLINK, LINK, CLEAR, SET = range(7)
RECORD_COMMANDS = frozenset({CREATE, UPDATE, DELETE, UNLINK})  # what the till sends
RELATION_COMMANDS = frozenset({UNLINK, LINK, CLEAR, SET})  # links to existing records
ANY_COMMAND = RECORD_COMMANDS | RELATION_COMMANDS
COMMANDS_WITH_VALUES = frozenset({CREATE, UPDATE})
COMMANDS_WITH_ID = frozenset({UPDATE, DELETE, UNLINK, LINK})

ORDER_STATES = ("draft", "cancel", "paid", "done", "invoiced")
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
DATE_FORMAT = "%Y-%m-%d"

# kinds of value
ID = "id"  # a record id
OPTIONAL_ID = "optional_id"  # a record id or False
IDS = "ids"  # a list of record ids, or False
NUMBER = "number"  # a finite int or float within bounds, or False
INTEGER = "integer"  # a whole number within bounds, or False
TEXT = "text"  # a non-empty string
SELECTION = "selection"  # one of the choices
DATETIME = "datetime"  # "YYYY-MM-DD HH:MM:SS" (or a naive datetime), or False
DATE = "date"  # "YYYY-MM-DD" (or a date), or False
COMMANDS = "commands"  # a list of x2many commands
REFUSED = "refused"  # never accepted from the till

# codes of the problems
NOT_A_DICT = "not_a_dict"
NOT_A_LIST = "not_a_list"
MISSING = "missing"
NOT_AN_ID = "not_an_id"
NOT_A_NUMBER = "not_a_number"
NOT_FINITE = "not_finite"
OUT_OF_RANGE = "out_of_range"
NOT_TEXT = "not_text"
NOT_A_CHOICE = "not_a_choice"
NOT_A_DATE = "not_a_date"
BAD_COMMAND = "bad_command"
NOT_ACCEPTED = "not_accepted"
# and of the problems only the database can tell
UNKNOWN_RECORD = "unknown_record"
OTHER_COMPANY = "other_company"
NOT_OF_THIS_ORDER = "not_of_this_order"


@dataclass(frozen=True)
class Rule:
    """What the value of one key must be.

    ``bounds`` limit numbers, ``choices`` selections, ``commands`` the x2many commands
    accepted (``accepts_ids``: or bare record ids, as the ORM also reads them), and
    ``values`` is the rules of the dictionaries that create and update commands carry.
    ``needs`` names a key that must hold a text when this one is set.
    """

    kind: str
    required: bool = False
    bounds: tuple = (-MAX_AMOUNT, MAX_AMOUNT)
    choices: tuple = ()
    commands: frozenset = ANY_COMMAND
    accepts_ids: bool = False
    values: dict = field(default=None, hash=False)
    needs: str = ""


@dataclass(frozen=True)
class PayloadProblem:
    """One thing wrong in a payload: where (``lines[2].qty``, empty for the order
    itself), what, and the value sent.

    ``value`` is a short text of what was sent; ``detail`` is what was expected: the
    bounds of a number or the accepted choices.
    """

    path: str
    code: str
    value: str = ""
    detail: tuple = ()

    def __str__(self):
        return f"{self.path}: {self.code} {self.value}".strip()


def amount(required=False):
    return Rule(NUMBER, required=required)


def quantity(required=False):
    return Rule(NUMBER, required=required, bounds=(-MAX_QUANTITY, MAX_QUANTITY))


PACK_LOT_RULES = {}
LINE_RULES = {
    "product_id": Rule(ID, required=True),
    "qty": quantity(),
    "price_unit": amount(),
    "price_subtotal": amount(required=True),
    "price_subtotal_incl": amount(required=True),
    "discount": Rule(NUMBER, bounds=(0, 100)),
    "tax_ids": Rule(COMMANDS, commands=RELATION_COMMANDS),
    "pack_lot_ids": Rule(COMMANDS, commands=RECORD_COMMANDS, values=PACK_LOT_RULES),
    "refunded_orderline_id": Rule(OPTIONAL_ID),
    # the server matches the lines of a combo through the uuid of their parent line
    "combo_line_ids": Rule(IDS, needs="uuid"),
}
PAYMENT_RULES = {
    "payment_method_id": Rule(ID, required=True),
    "amount": amount(required=True),
    "payment_date": Rule(DATETIME),
}
ORDER_RULES = {
    "uuid": Rule(TEXT, required=True),
    "name": Rule(TEXT, required=True),
    "session_id": Rule(ID, required=True),
    "lines": Rule(COMMANDS, required=True, commands=RECORD_COMMANDS, values=LINE_RULES),
    "payment_ids": Rule(COMMANDS, commands=RECORD_COMMANDS, values=PAYMENT_RULES),
    "amount_paid": amount(required=True),
    "amount_total": amount(required=True),
    "amount_tax": amount(required=True),
    "amount_return": amount(required=True),
    "partner_id": Rule(OPTIONAL_ID),
    "pricelist_id": Rule(OPTIONAL_ID),
    "fiscal_position_id": Rule(OPTIONAL_ID),
    "user_id": Rule(OPTIONAL_ID),
    "state": Rule(SELECTION, choices=ORDER_STATES),
    "date_order": Rule(DATETIME),
    "sequence_number": Rule(INTEGER, bounds=(-MAX_INTEGER, MAX_INTEGER)),
}


def order_rules(order_extra=None, line_extra=None, payment_extra=None, pack_lot_extra=None):
    """The rules of an order, with rules for more keys of each level.

    The rules above win over the extra ones: they say what the server relies on.
    """
    pack_lot_rules = {**(pack_lot_extra or {}), **PACK_LOT_RULES}
    line_rules = {**(line_extra or {}), **LINE_RULES}
    line_rules["pack_lot_ids"] = replace(line_rules["pack_lot_ids"], values=pack_lot_rules)
    rules = {**(order_extra or {}), **ORDER_RULES}
    rules["lines"] = replace(rules["lines"], values=line_rules)
    payment_rules = {**(payment_extra or {}), **PAYMENT_RULES}
    rules["payment_ids"] = replace(rules["payment_ids"], values=payment_rules)
    return rules


def check_order_payload(order, rules=None):
    """The problems of one order dictionary, as a list of :class:`PayloadProblem`;
    an empty list when the server can store it."""
    problems = []
    _check_values(order, ORDER_RULES if rules is None else rules, "", True, problems)
    return problems


def is_record_id(value):
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_INTEGER


def command_record_ids(command):
    """The ids of existing records a well-formed command (or bare id) refers to."""
    if is_record_id(command):
        return [command]
    if command[0] in COMMANDS_WITH_ID:
        return [command[1]]
    if command[0] == SET:
        return list(command[2])
    return []


def _is_command(command, allowed):
    """Whether ``command`` is a well-formed x2many command among ``allowed``."""
    if not isinstance(command, list | tuple) or not command:
        return False
    code = command[0]
    if not isinstance(code, int) or isinstance(code, bool) or code not in allowed:
        return False
    if code == CREATE:
        virtual_id = command[1] if len(command) > 1 else None
        return (
            len(command) == 3
            and (isinstance(virtual_id, str) or (type(virtual_id) is int and virtual_id == 0))
            and isinstance(command[2], dict)
        )
    if code == UPDATE:
        return len(command) == 3 and is_record_id(command[1]) and isinstance(command[2], dict)
    if code in COMMANDS_WITH_ID:
        return len(command) in (2, 3) and is_record_id(command[1])
    if code == SET:
        return (
            len(command) == 3
            and isinstance(command[2], list | tuple)
            and all(is_record_id(record_id) for record_id in command[2])
        )
    return len(command) <= 3  # CLEAR


def _check_values(values, rules, path, creating, problems):
    """Check a dictionary against ``rules``; ``creating`` makes required keys required."""
    if not isinstance(values, dict):
        problems.append(PayloadProblem(path, NOT_A_DICT, shorten(values)))
        return
    prefix = f"{path}." if path else ""
    for name, rule in rules.items():
        if name not in values:
            if rule.required and creating:
                problems.append(PayloadProblem(prefix + name, MISSING))
            continue
        _check_value(values[name], rule, prefix + name, problems)
        if rule.needs and values[name] and not _is_text(values.get(rule.needs)):
            problems.append(PayloadProblem(prefix + rule.needs, MISSING))


def _check_value(value, rule, path, problems):
    problem = None
    kind = rule.kind
    if kind == REFUSED:
        problem = PayloadProblem(path, NOT_ACCEPTED, shorten(value))
    elif kind == ID and not is_record_id(value):
        problem = PayloadProblem(path, NOT_AN_ID, shorten(value))
    elif kind == OPTIONAL_ID and value not in (False, None) and not is_record_id(value):
        problem = PayloadProblem(path, NOT_AN_ID, shorten(value))
    elif kind == IDS:
        problem = _check_ids(value, path)
    elif kind in (NUMBER, INTEGER):
        problem = _check_number(value, rule, path)
    elif kind == TEXT and not _is_text(value):
        problem = PayloadProblem(path, NOT_TEXT, shorten(value))
    elif kind == SELECTION and value not in rule.choices:
        problem = PayloadProblem(path, NOT_A_CHOICE, shorten(value), rule.choices)
    elif kind in (DATETIME, DATE) and not _is_date(value, kind):
        problem = PayloadProblem(path, NOT_A_DATE, shorten(value))
    elif kind == COMMANDS:
        _check_commands(value, rule, path, problems)
    if problem:
        problems.append(problem)


def _check_ids(value, path):
    if value in (False, None):
        return None
    if not isinstance(value, list | tuple) or not all(is_record_id(item) for item in value):
        return PayloadProblem(path, NOT_AN_ID, shorten(value))
    return None


def _check_number(value, rule, path):
    if value is False or value is None:
        return None  # the till sends False for a number it has not set; the ORM stores 0
    if isinstance(value, bool) or not isinstance(value, int | float):
        return PayloadProblem(path, NOT_A_NUMBER, shorten(value))
    if isinstance(value, float) and not math.isfinite(value):
        return PayloadProblem(path, NOT_FINITE, shorten(value))
    minimum, maximum = rule.bounds
    if not minimum <= value <= maximum:
        return PayloadProblem(path, OUT_OF_RANGE, shorten(value), rule.bounds)
    if rule.kind == INTEGER and isinstance(value, float) and not value.is_integer():
        return PayloadProblem(path, NOT_A_NUMBER, shorten(value))
    return None


def _check_commands(value, rule, path, problems):
    if not isinstance(value, list | tuple):
        problems.append(PayloadProblem(path, NOT_A_LIST, shorten(value)))
        return
    for index, command in enumerate(value):
        command_path = f"{path}[{index}]"
        if rule.accepts_ids and is_record_id(command):
            continue
        if not _is_command(command, rule.commands):
            problems.append(PayloadProblem(command_path, BAD_COMMAND, shorten(command)))
        elif command[0] in COMMANDS_WITH_VALUES and rule.values is not None:
            _check_values(command[2], rule.values, command_path, command[0] == CREATE, problems)


def _is_text(value):
    return isinstance(value, str) and bool(value.strip())


def _is_date(value, kind):
    if value in (False, None, ""):
        return True
    if isinstance(value, datetime):
        return kind == DATE or value.tzinfo is None
    if isinstance(value, date):
        return True
    if not isinstance(value, str):
        return False
    # the formats odoo.fields.Datetime.to_datetime and Date.to_date read
    text, pattern = (
        (value, DATETIME_FORMAT[: len(value) - 2])
        if kind == DATETIME
        else (value[: len("YYYY-MM-DD")], DATE_FORMAT)
    )
    try:
        datetime.strptime(text, pattern)
    except ValueError:
        return False
    return True


def shorten(value, size=60):
    """The value as a problem shows it: short, whatever was sent."""
    text = repr(value)
    return text if len(text) <= size else text[: size - 1] + "…"
