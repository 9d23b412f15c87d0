import base64

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..tools.label_layout import (
    LabelCountError,
    LabelData,
    LabelOverflowError,
    address_text,
    check_label_count,
    gs1_lot_element_string,
    net_quantity_text,
    normalize_ean13,
    render_labels,
)


class ReportConserverieJarLabel(models.AbstractModel):
    """The jar labels of lots: their texts and the PDF of stickers."""

    _name = "report.conserverie_production.report_jar_label"
    _description = "Jar labels"

    @api.model
    def _get_ean13(self, lot):
        barcode = (lot.product_id.barcode or "").strip()
        try:
            return normalize_ean13(barcode) if barcode else ""
        except ValueError:
            return ""

    @api.model
    def _get_gs1_lot(self, lot, ean13):
        """The GS1 element string of the jar's GTIN and lot the till scans, or "" when
        the product has no EAN-13 or GS1 cannot carry the lot's name."""
        if not ean13:
            return ""
        try:
            return gs1_lot_element_string(ean13, lot.name)
        except ValueError:
            return ""

    @api.model
    def _get_label_data(self, lot, copies=1):
        """What the jar label of ``lot`` shows, already translated."""
        lot.ensure_one()
        return LabelData(**self._prepare_label_values(lot, copies))

    @api.model
    def _prepare_label_values(self, lot, copies=1):
        """The texts of the jar label of ``lot``, as :class:`LabelData` fields.

        Another addon adds its mentions here: the deposit mention is empty in this
        addon alone.
        """
        lot.ensure_one()
        _ = self.env._
        bom = (
            lot.conserverie_production_id.bom_id
            or self.env["mrp.bom"]._bom_find(lot.product_id)[lot.product_id]
        )
        if not bom:
            raise UserError(_("No recipe gives the ingredients of %(lot)s.", lot=lot.display_name))
        ingredients = []
        quid = bom._get_label_quid(lot.product_id.name)
        for index, (name, allergen) in enumerate(bom._get_label_ingredients()):
            if index:
                ingredients.append((", ", False))
            ingredients.append((name, allergen))
            quid_text = bom._get_label_quid_text(name, quid)
            if quid_text:
                ingredients.append((quid_text, False))
        company = lot._get_conserverie_company()
        partner = company.partner_id
        best_before = lot.use_date or lot.expiration_date
        production_date = lot.conserverie_production_id.date_start or fields.Datetime.now()
        organic = company._is_conserverie_organic_on(fields.Date.to_date(production_date))
        ean13 = self._get_ean13(lot)
        return {
            "product_name": lot.product_id.name,
            "ingredients": ingredients,
            "net_quantity": net_quantity_text(bom.net_weight, bom.jar_product_id.jar_volume_ml),
            "best_before": format_date(self.env, best_before) if best_before else "",
            "storage": bom.storage_text or "",
            "lot_name": lot.name,
            "operator_name": company.name,
            "operator_address": address_text(partner.street, partner.zip, partner.city),
            "organic": organic,
            "organic_text": _(
                "Organic farming · %(certifier)s %(number)s",
                certifier=company.conserverie_organic_certifier or "",
                number=company.conserverie_organic_certificate_number or "",
            )
            if organic
            else "",
            "deposit_text": "",
            "ean13": ean13,
            "gs1_lot": self._get_gs1_lot(lot, ean13),
            "copies": copies,
        }

    @api.model
    def _get_captions(self):
        _ = self.env._
        return {
            "ingredients": _("Ingredients:"),
            "best_before": _("Best before:"),
            "lot": _("Lot:"),
        }

    @api.model
    def _render(self, lots, copies, layout="a4_sheet", skip=0):
        """A PDF of ``copies`` labels for each lot."""
        if copies <= 0:
            raise UserError(self.env._("Print at least one label."))
        try:
            check_label_count(copies * len(lots))
        except LabelCountError as error:
            raise UserError(
                self.env._(
                    "%(count)s labels asked for: at most %(max)s can be printed at once.",
                    count=error.count,
                    max=error.maximum,
                )
            ) from None
        labels = [self._get_label_data(lot, copies) for lot in lots]
        try:
            return render_labels(labels, layout=layout, captions=self._get_captions(), skip=skip)
        except LabelOverflowError as error:
            what = {"text": self.env._("text"), "lot barcode": self.env._("lot barcode")}.get(
                error.what, error.what
            )
            raise UserError(
                self.env._(
                    "The label of %(product)s (lot %(lot)s) is too small for its %(what)s: "
                    "shorten the texts or choose a larger layout.",
                    product=error.label.product_name,
                    lot=error.label.lot_name,
                    what=what,
                )
            ) from None
        except ValueError as error:
            raise UserError(
                self.env._("The labels cannot be printed: %(error)s", error=str(error))
            ) from None

    @api.model
    def _attach(self, lots, copies, layout="a4_sheet", skip=0):
        """The PDF of the labels, attached to the first lot."""
        pdf = self._render(lots, copies, layout=layout, skip=skip)
        return self.env["ir.attachment"].create(
            {
                "name": self.env._("Labels %(lot)s.pdf", lot=lots[:1].name),
                "datas": base64.b64encode(pdf),
                "mimetype": "application/pdf",
                "res_model": "stock.lot",
                "res_id": lots[:1].id,
            }
        )
