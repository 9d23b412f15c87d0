"""Upgrade step shared by the addons that used to flag till orders with their own
columns: their flags become ``conserverie.pos.order.issue`` records."""

from odoo.tools import SQL


def move_order_flags_to_issues(cr, kind, flag_column, message_column, default_message):
    """Turn every order flagged by ``flag_column`` into an open issue of ``kind``, with
    the text of ``message_column`` (or ``default_message``). Does nothing when a column
    is gone, so the step can run more than once."""
    columns = {flag_column, message_column or flag_column}
    cr.execute(
        SQL(
            "SELECT count(*) FROM information_schema.columns "
            "WHERE table_name = 'pos_order' AND column_name IN %s",
            tuple(columns),
        )
    )
    if cr.fetchone()[0] < len(columns):
        return
    flag = SQL.identifier("o", flag_column)
    message = (
        SQL("COALESCE(NULLIF(%s, ''), %s)", SQL.identifier("o", message_column), default_message)
        if message_column
        else SQL("%s", default_message)
    )
    cr.execute(
        SQL(
            """
            INSERT INTO conserverie_pos_order_issue
                   (order_id, company_id, kind, message, state,
                    create_uid, create_date, write_uid, write_date)
            SELECT o.id, o.company_id, %(kind)s, %(message)s, 'open',
                   o.write_uid, o.write_date, o.write_uid, o.write_date
              FROM pos_order o
             WHERE %(flag)s
               AND NOT EXISTS (
                    SELECT 1 FROM conserverie_pos_order_issue i
                     WHERE i.order_id = o.id AND i.kind = %(kind)s)
            """,
            kind=kind,
            message=message,
            flag=flag,
        )
    )
    cr.execute(
        SQL(
            "UPDATE pos_order o SET has_review_issue = true WHERE %s",
            flag,
        )
    )
