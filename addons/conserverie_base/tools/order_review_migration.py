"""Upgrade step shared by the addons that used to flag till orders with their own
columns: their flags become ``conserverie.pos.order.issue`` records."""


def move_order_flags_to_issues(cr, kind, flag_column, message_column, default_message):
    """Turn every order flagged by ``flag_column`` into an open issue of ``kind``, with
    the text of ``message_column`` (or ``default_message``). Does nothing when the
    column is gone, so the step can run more than once."""
    cr.execute(
        """
        SELECT count(*) FROM information_schema.columns
         WHERE table_name = 'pos_order' AND column_name IN %s
        """,
        ((flag_column, message_column or flag_column),),
    )
    if cr.fetchone()[0] < (2 if message_column and message_column != flag_column else 1):
        return
    message = f"COALESCE(NULLIF(o.{message_column}, ''), %s)" if message_column else "%s"
    cr.execute(
        f"""
        INSERT INTO conserverie_pos_order_issue
               (order_id, company_id, kind, message, state,
                create_uid, create_date, write_uid, write_date)
        SELECT o.id, o.company_id, %s, {message}, 'open',
               o.write_uid, o.write_date, o.write_uid, o.write_date
          FROM pos_order o
         WHERE o.{flag_column}
           AND NOT EXISTS (
                SELECT 1 FROM conserverie_pos_order_issue i
                 WHERE i.order_id = o.id AND i.kind = %s)
        """,
        (kind, default_message, kind),
    )
    cr.execute(
        f"UPDATE pos_order SET has_review_issue = true WHERE {flag_column}"
    )
