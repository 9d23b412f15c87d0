def migrate(cr, version):
    """The uniqueness of a till order's uuid now belongs to conserverie_base: forget
    that this addon declared it, so that the upgrade does not drop it."""
    cr.execute(
        """
        DELETE FROM ir_model_constraint
         WHERE name = 'pos_order_uuid_unique'
           AND module = (SELECT id FROM ir_module_module WHERE name = 'conserverie_deposit')
        """
    )
    cr.execute(
        """
        DELETE FROM ir_model_data
         WHERE module = 'conserverie_deposit' AND name = 'constraint_pos_order_uuid_unique'
        """
    )
