// Lint of the till code and tours: Odoo 18's own rules (addons/web/tooling/_eslintrc.json)
// for browser ES modules; the layout is prettier's (.prettierrc.json).
import js from "@eslint/js";
import globals from "globals";

export default [
    {
        ignores: ["node_modules/**"],
    },
    js.configs.recommended,
    {
        files: ["addons/*/static/**/*.js", "tests/*/static/**/*.js"],
        languageOptions: {
            ecmaVersion: 2022,
            sourceType: "module",
            globals: {
                ...globals.browser,
                odoo: "readonly",
                owl: "readonly",
                luxon: "readonly",
            },
        },
        rules: {
            "no-undef": "error",
            "no-restricted-globals": ["error", "event", "self"],
            "no-duplicate-imports": "error",
            "no-unused-vars": [
                "error",
                { vars: "all", args: "none", ignoreRestSiblings: false, caughtErrors: "all" },
            ],
            curly: ["error", "all"],
            "no-restricted-syntax": ["error", "PrivateIdentifier"],
            "prefer-const": ["error", { destructuring: "all", ignoreReadBeforeAssign: true }],
        },
    },
];
