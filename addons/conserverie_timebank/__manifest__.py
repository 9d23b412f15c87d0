{
    "name": "Conserverie: time bank",
    "summary": "Hours ledger, hours earned by volunteering, a POS payment method in hours "
    "and the reconciliation of euros and hours",
    "version": "18.0.1.1.0",
    "category": "Manufacturing/Conserverie",
    "license": "AGPL-3",
    "author": "Conserverie mobile et solidaire",
    "website": "https://github.com/conserverie/conserverie",
    "depends": ["conserverie_base"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/conserverie_timebank_security.xml",
        "security/ir.model.access.csv",
        "data/conserverie_timebank_data.xml",
        "report/conserverie_time_account_statement_report.xml",
        "report/conserverie_time_reconciliation_report.xml",
        "views/conserverie_time_account_views.xml",
        "views/conserverie_time_move_views.xml",
        "views/res_partner_views.xml",
        "views/res_company_views.xml",
        "views/pos_payment_method_views.xml",
        "views/pos_order_views.xml",
        "views/pos_session_views.xml",
        "views/conserverie_activity_views.xml",
        "wizard/conserverie_time_transfer_views.xml",
        "wizard/conserverie_time_crew_credit_views.xml",
        "wizard/conserverie_time_reverse_views.xml",
        "report/conserverie_time_reconciliation_views.xml",
        "views/conserverie_timebank_menus.xml",
    ],
    "demo": [
        "demo/conserverie_timebank_demo.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "conserverie_timebank/static/src/app/**/*",
        ],
        "web.assets_tests": [
            "conserverie_timebank/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
