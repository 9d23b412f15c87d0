from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request


class ImpactAssessmentController(http.Controller):
    def _get_campaign(self, token):
        # sudo: respondents are not users; the random token is their only key
        campaign = (
            request.env["conserverie.impact.campaign"]
            .sudo()
            .search([("access_token", "=", token), ("state", "=", "open")], limit=1)
        )
        if not token or not campaign:
            raise NotFound()
        return campaign

    @http.route(
        "/conserverie/assessment/<string:token>", type="http", auth="public", methods=["GET"]
    )
    def assessment_form(self, token, **kwargs):
        campaign = self._get_campaign(token)
        return request.render(
            "conserverie_impact.assessment_form",
            {
                "campaign": campaign,
                "statements": campaign.statement_ids,
                "error": None,
                "token": token,
            },
        )

    @http.route(
        "/conserverie/assessment/<string:token>", type="http", auth="public", methods=["POST"]
    )
    def assessment_submit(self, token, category=None, **post):
        campaign = self._get_campaign(token)
        scores = {}
        for statement in campaign.statement_ids:
            value = post.get(f"statement_{statement.id}")
            if value:
                scores[statement.id] = int(value) if value.isdigit() else 0
        try:
            campaign._submit_answers(category, scores)
        except UserError as error:
            return request.render(
                "conserverie_impact.assessment_form",
                {
                    "campaign": campaign,
                    "statements": campaign.statement_ids,
                    "error": error.args[0],
                    "token": token,
                },
            )
        return request.render("conserverie_impact.assessment_thanks", {"campaign": campaign})
