from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class ConserveriePortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Offer = request.env["conserverie.surplus.offer"]
        if "surplus_offer_count" in counters:
            values["surplus_offer_count"] = (
                Offer.search_count([]) if Offer.has_access("read") else 0
            )
        if "gleaning_count" in counters:
            values["gleaning_count"] = len(self._get_open_gleanings())
        return values

    def _get_open_gleanings(self):
        partner = request.env.user.partner_id
        if not partner.is_member:
            return request.env["conserverie.activity"]
        # sudo: members without a back-office account read the planned gleanings only
        return (
            request.env["conserverie.activity"]
            .sudo()
            .search(
                [
                    ("activity_type", "in", ("gleaning", "picking_hike")),
                    ("state", "=", "planned"),
                    ("date_start", ">=", fields.Datetime.now()),
                    ("company_id", "in", request.env.user.company_ids.ids),
                ],
                order="date_start",
            )
        )

    @http.route("/my/surplus", type="http", auth="user", website=True)
    def portal_my_surplus_offers(self, **kwargs):
        Offer = request.env["conserverie.surplus.offer"]
        if not Offer.has_access("read"):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "offers": Offer.search([]),
                "page_name": "surplus_offer",
                "message": kwargs.get("message"),
            }
        )
        return request.render("conserverie_coordination.portal_my_surplus_offers", values)

    @http.route("/my/surplus/new", type="http", auth="user", website=True, methods=["GET"])
    def portal_surplus_offer_form(self, **kwargs):
        Offer = request.env["conserverie.surplus.offer"]
        if not Offer.has_access("create"):
            return request.redirect("/my")
        return request.render(
            "conserverie_coordination.portal_surplus_offer_form",
            self._prepare_offer_form_values(error=None, values={}),
        )

    @http.route("/my/surplus/new", type="http", auth="user", website=True, methods=["POST"])
    def portal_surplus_offer_post(self, **post):
        Offer = request.env["conserverie.surplus.offer"]
        if not Offer.has_access("create"):
            return request.redirect("/my")
        try:
            with request.env.cr.savepoint():
                Offer.create(self._prepare_offer_values(post))
        except (AccessError, UserError, ValidationError, ValueError) as error:
            message = error.args[0] if error.args else str(error)
            return request.render(
                "conserverie_coordination.portal_surplus_offer_form",
                self._prepare_offer_form_values(error=message, values=post),
            )
        return request.redirect("/my/surplus?message=posted")

    def _prepare_offer_form_values(self, error, values):
        form_values = self._prepare_portal_layout_values()
        form_values.update(
            {
                # sudo: the portal lists the produce a grower may offer, by name only
                "products": request.env["product.product"]
                .sudo()
                .search([("is_recovered_produce", "=", True)], order="name"),
                "error": error,
                "values": values,
                "page_name": "surplus_offer",
            }
        )
        return form_values

    def _prepare_offer_values(self, post):
        env = request.env
        try:
            product_id = int(post.get("product_id") or 0)
            estimated_kg = float(post.get("estimated_kg") or 0)
            date_from = fields.Date.to_date(post.get("date_from"))
            date_to = fields.Date.to_date(post.get("date_to"))
        except ValueError as error:
            raise UserError(env._("Fill in the form with valid values.")) from error
        # sudo: the produce chosen must be one the facility recovers
        product = env["product.product"].sudo().browse(product_id).exists()
        if not product or not product.is_recovered_produce:
            raise UserError(env._("Choose the produce you offer."))
        if estimated_kg <= 0:
            raise UserError(env._("Give an estimate of the kilograms offered."))
        if not date_from or not date_to:
            raise UserError(env._("Say from when to when the produce can be collected."))
        grade = post.get("grade") if post.get("grade") in ("surplus", "downgraded") else "surplus"
        need = post.get("need") if post.get("need") in ("pickup", "gleaning") else "pickup"
        return {
            "partner_id": env.user.commercial_partner_id.id,
            "product_id": product.id,
            "estimated_kg": estimated_kg,
            "grade": grade,
            "need": need,
            "place": (post.get("place") or "").strip(),
            "date_from": date_from,
            "date_to": date_to,
            "note": (post.get("note") or "").strip(),
        }

    @http.route("/my/gleanings", type="http", auth="user", website=True)
    def portal_my_gleanings(self, **kwargs):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "gleanings": self._get_open_gleanings(),
                "partner": request.env.user.partner_id,
                "page_name": "gleaning",
                "message": kwargs.get("message"),
                "error": kwargs.get("error"),
            }
        )
        return request.render("conserverie_coordination.portal_my_gleanings", values)

    @http.route(
        "/my/gleanings/<int:activity_id>/sign_up",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_gleaning_sign_up(self, activity_id, **kwargs):
        activity = self._get_open_gleanings().filtered(lambda a: a.id == activity_id)
        if not activity:
            return request.redirect("/my/gleanings")
        try:
            with request.env.cr.savepoint():
                # sudo: a member signs themself up, never someone else
                activity.sudo()._sign_up(request.env.user.partner_id)
        except UserError as error:
            return self.portal_my_gleanings(error=error.args[0])
        return request.redirect("/my/gleanings?message=signed_up")
