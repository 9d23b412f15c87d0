{
    "name": "Conserverie: deposits on jar labels",
    "summary": "The deposit of a returnable jar printed on its label",
    "version": "18.0.1.0.0",
    "category": "Manufacturing/Conserverie",
    "license": "AGPL-3",
    "author": "Conserverie mobile et solidaire",
    "website": "https://github.com/conserverie/conserverie",
    "depends": ["conserverie_deposit", "conserverie_production"],
    # no model of its own: the rights of both sides apply
    "data": ["security/ir.model.access.csv"],
    "auto_install": True,
    "installable": True,
}
