import csv
import io

from odoo.tools import file_open

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMPORT_OPTIONS = {
    "has_headers": True,
    "quoting": '"',
    "separator": ",",
    "encoding": "utf-8",
    "date_format": "%Y-%m-%d",
    "datetime_format": "%Y-%m-%d %H:%M:%S",
    "float_thousand_separator": "",
    "float_decimal_separator": ".",
    "advanced": True,
}

# the sample lists conserverie_base ships and the fields their columns fill
GROWER_FIELDS = [
    "id",
    "name",
    "is_company",
    "is_grower",
    "organic_certifier",
    "organic_certificate_number",
    "organic_valid_until",
    "street",
    "zip",
    "city",
    "phone",
    "email",
]
MEMBER_FIELDS = [
    "id",
    "name",
    "is_member",
    "member_since",
    "solidarity_bracket_id",
    "phone",
    "email",
    "city",
]
GROWERS_TEMPLATE = "/conserverie_base/static/xls/conserverie_growers.xlsx"
MEMBERS_TEMPLATE = "/conserverie_base/static/xls/conserverie_members.xlsx"


class ImportTemplateMixin:
    """Import files the way a user does from a list view (Odoo's ``base_import``),
    in French, with the columns matched from their headers as the import screen does."""

    @classmethod
    def _load_french(cls, modules):
        """French activated, with the terms of ``modules`` (for the field labels the
        template headers match)."""
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(["base_import", *modules], ["fr_FR"])

    def _get_template(self, model, path):
        """The content of the template ``path`` offered on ``model``'s import screen."""
        templates = [template["template"] for template in self.env[model].get_import_templates()]
        self.assertIn(path, templates, "the template is offered on the import screen")
        with file_open(path.lstrip("/"), "rb") as template:
            return template.read()

    def _import(self, model, content, user, fields, file_type=XLSX_MIMETYPE, lang="fr_FR"):
        """Import ``content`` into ``model`` as ``user``, its columns into ``fields``.

        A template (an xlsx file) is read in French and its headers must be matched to
        ``fields`` by the import screen itself, as a user would see them.
        Returns the result of ``execute_import``: ``{"ids": [...], "messages": [...]}``.
        """
        wizard = (
            self.env["base_import.import"]
            .with_user(user)
            .with_context(lang=lang)
            .create({"res_model": model, "file": content, "file_type": file_type})
        )
        preview = wizard.parse_preview(dict(IMPORT_OPTIONS))
        self.assertNotIn("error", preview, "the file can be read")
        headers = preview["headers"]
        if file_type == XLSX_MIMETYPE:
            matches = preview["matches"] or {}
            matched = ["/".join(matches.get(index, [])) for index in range(len(headers))]
            self.assertEqual(
                dict(zip(headers, matched, strict=True)),
                dict(zip(headers, fields, strict=True)),
                "each header of the template matches its field",
            )
        return wizard.execute_import(fields, headers, dict(IMPORT_OPTIONS))

    def _import_csv(self, model, rows, user, fields):
        """Import ``rows`` (the first is the header) as a CSV file into ``fields``, in
        English (the errors are read in English)."""
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        return self._import(model, buffer.getvalue().encode(), user, fields, "text/csv", "en_US")

    def assertImportFailed(self, result, message):
        """The import failed as a whole, with ``message`` among its errors."""
        self.assertFalse(result.get("ids"), "nothing is imported")
        errors = [error["message"] for error in result["messages"] if error["type"] == "error"]
        self.assertTrue(
            any(message in error for error in errors),
            f"{message!r} is among the errors {errors!r}",
        )

    def assertImportDone(self, result, count):
        errors = [error for error in result["messages"] if error["type"] == "error"]
        self.assertFalse(errors)
        self.assertEqual(len(result["ids"]), count)
