def post_init_hook(env):
    """Give every company with a chart of accounts its deposit accounts."""
    for company in env["res.company"].search([("chart_template", "!=", False)]):
        company._get_conserverie_deposit_accounts()
