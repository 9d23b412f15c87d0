{
    "name": "Conserverie: market day scenarios",
    "summary": "Cross-module scenarios, browser tours and reliability tests of the suite",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "author": "Conserverie mobile et solidaire",
    "website": "https://github.com/conserverie/conserverie",
    "license": "AGPL-3",
    "depends": [
        "conserverie_base",
        "conserverie_production",
        "conserverie_deposit",
        "conserverie_timebank",
        "conserverie_impact",
        "l10n_fr_account",
        "l10n_fr_pos_cert",
    ],
    "assets": {
        "web.assets_tests": [
            "conserverie_scenarios/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
