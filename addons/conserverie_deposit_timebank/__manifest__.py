{
    "name": "Conserverie: deposits and time bank",
    "summary": "Hours never pay a jar deposit, at the till and on the server",
    "version": "18.0.1.0.0",
    "category": "Manufacturing/Conserverie",
    "license": "AGPL-3",
    "author": "Conserverie mobile et solidaire",
    "website": "https://github.com/conserverie/conserverie",
    "depends": ["conserverie_deposit", "conserverie_timebank"],
    "assets": {
        "point_of_sale._assets_pos": [
            "conserverie_deposit_timebank/static/src/app/**/*",
        ],
    },
    # no model of its own: the rights of both sides apply
    "data": [
        "security/ir.model.access.csv",
        "views/conserverie_time_reconciliation_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
