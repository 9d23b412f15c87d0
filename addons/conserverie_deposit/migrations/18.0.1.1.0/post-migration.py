def migrate(cr, version):
    """The deposit ledger keeps its currency on each move: fill it on older moves.
    The jars of sessions closed before were received order by order."""
    cr.execute(
        """
        UPDATE conserverie_deposit_move move
           SET currency_id = company.currency_id
          FROM res_company company
         WHERE company.id = move.company_id
           AND move.currency_id IS NULL
        """
    )
    cr.execute("UPDATE pos_session SET deposit_jars_received = true WHERE state = 'closed'")
