import time

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

SESSION_KEY = "conserverie_assessment_submissions"
RATE_WINDOW = 3600
LIMIT_PARAMETER = "conserverie_impact.assessment_submissions_per_hour"
DEFAULT_LIMIT = 3
SCORES = {str(score): score for score in range(1, 6)}


class ImpactAssessmentController(http.Controller):
    def _get_campaign(self, token):
        """The open campaign of ``token``; a closed campaign's link is dead (new token)."""
        if not token:
            raise NotFound()
        # sudo: respondents are not users; the random token is their only key
        campaign = (
            request.env["conserverie.impact.campaign"]
            .sudo()
            .search([("access_token", "=", token), ("state", "=", "open")], limit=1)
        )
        if not campaign:
            raise NotFound()
        return campaign

    def _render_form(self, campaign, token, error=None, status=200):
        return request.render(
            "conserverie_impact.assessment_form",
            {
                "campaign": campaign,
                "statements": campaign.statement_ids,
                "error": error,
                "token": token,
            },
            status=status,
        )

    def _render_closed(self, campaign):
        return request.render(
            "conserverie_impact.assessment_closed", {"campaign": campaign}, status=403
        )

    def _get_hourly_limit(self):
        # sudo: the public form reads the limit set by a coordinator
        value = request.env["ir.config_parameter"].sudo().get_param(LIMIT_PARAMETER, DEFAULT_LIMIT)
        try:
            return max(int(value), 1)
        except ValueError:
            return DEFAULT_LIMIT

    def _recent_submissions(self, campaign):
        """Times this browser session sent answers to ``campaign`` in the last hour."""
        now = time.time()
        submitted = request.session.get(SESSION_KEY, {}).get(str(campaign.id), [])
        return [moment for moment in submitted if now - moment < RATE_WINDOW]

    def _remember_submission(self, campaign, recent):
        submissions = dict(request.session.get(SESSION_KEY, {}))
        submissions[str(campaign.id)] = [*recent, time.time()]
        request.session[SESSION_KEY] = submissions

    def _parse_scores(self, campaign, post):
        """{statement id: score} from the form; None when a value is not 1 to 5."""
        scores = {}
        for statement in campaign.statement_ids:
            value = post.get(f"statement_{statement.id}")
            if value in (None, ""):
                continue
            if value not in SCORES:
                return None
            scores[statement.id] = SCORES[value]
        return scores

    @http.route(
        "/conserverie/assessment/<string:token>", type="http", auth="public", methods=["GET"]
    )
    def assessment_form(self, token, **kwargs):
        campaign = self._get_campaign(token)
        if not campaign._is_accepting_public_answers():
            return self._render_closed(campaign)
        return self._render_form(campaign, token)

    @http.route(
        "/conserverie/assessment/<string:token>", type="http", auth="public", methods=["POST"]
    )
    def assessment_submit(self, token, category=None, **post):
        campaign = self._get_campaign(token)
        if not campaign._is_accepting_public_answers():
            return self._render_closed(campaign)
        recent = self._recent_submissions(campaign)
        if len(recent) >= self._get_hourly_limit():
            return self._render_form(
                campaign,
                token,
                error=request.env._(
                    "Your answers were already sent several times in the last hour. "
                    "Please try again later."
                ),
                status=429,
            )
        scores = self._parse_scores(campaign, post)
        if scores is None:
            return self._render_form(
                campaign,
                token,
                error=request.env._("Each answer is a whole number from 1 to 5."),
                status=400,
            )
        try:
            campaign._submit_answers(category, scores)
        except UserError as error:
            return self._render_form(campaign, token, error=error.args[0], status=400)
        self._remember_submission(campaign, recent)
        return request.render("conserverie_impact.assessment_thanks", {"campaign": campaign})
