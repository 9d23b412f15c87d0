{
    "name": "Conserverie: jar deposits",
    "summary": "Jar deposits in the POS and on sale orders, returns, liability accounting "
    "and the stock of empty jars",
    "version": "18.0.1.0.0",
    "category": "Manufacturing/Conserverie",
    "license": "AGPL-3",
    "author": "Conserverie mobile et solidaire",
    "website": "https://github.com/conserverie/conserverie",
    "depends": ["conserverie_base", "account", "point_of_sale", "sale_stock"],
    "data": [
        "security/conserverie_deposit_security.xml",
        "security/ir.model.access.csv",
        "data/conserverie_deposit_data.xml",
        "views/product_template_views.xml",
        "views/res_company_views.xml",
        "views/res_partner_views.xml",
        "views/conserverie_deposit_move_views.xml",
        "views/conserverie_jar_washing_views.xml",
        "views/pos_order_views.xml",
        "views/sale_order_views.xml",
        "report/conserverie_deposit_report_views.xml",
        "wizard/conserverie_deposit_return_wizard_views.xml",
        "wizard/conserverie_deposit_writeoff_wizard_views.xml",
        "wizard/conserverie_empties_opening_wizard_views.xml",
        "views/conserverie_deposit_menus.xml",
    ],
    "demo": ["demo/conserverie_deposit_demo.xml"],
    "assets": {
        "point_of_sale._assets_pos": [
            "conserverie_deposit/static/src/app/**/*",
        ],
        "web.assets_tests": [
            "conserverie_deposit/static/tests/tours/**/*",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
}
