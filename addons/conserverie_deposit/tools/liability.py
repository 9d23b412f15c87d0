"""The deposit ledger against the deposit liability account, source by source.

Pure Python, no ORM: amounts are keyed by the document that should carry them in
both books (a journal entry, or a session not closed yet)::

    compare_by_source({"entry 1": 3.0, "session 2": 1.0}, {"entry 1": 2.5}, 2)
    # [("entry 1", 3.0, 2.5, 0.5), ("session 2", 1.0, 0.0, 1.0)]
"""


def compare_by_source(ledger, account, digits):
    """The sources whose ledger amount and account amount differ.

    ``ledger`` and ``account`` map a source key to an amount (a credit owed to
    customers is positive in both); ``digits`` is the rounding of the currency.
    Returns [(key, ledger amount, account amount, difference)], sorted by key as
    text, the difference being ledger minus account, rounded to ``digits``.
    """
    differences = []
    for key in sorted(set(ledger) | set(account), key=str):
        in_ledger = round(ledger.get(key, 0.0), digits)
        in_account = round(account.get(key, 0.0), digits)
        difference = round(in_ledger - in_account, digits)
        if difference:
            differences.append((key, in_ledger, in_account, difference))
    return differences
