from odoo import api, models


class ConserverieLotRecall(models.AbstractModel):
    """Traceability between produce lots and jar lots, and the recall search."""

    _name = "conserverie.lot.recall"
    _description = "Lot traceability and recall"

    @api.model
    def _get_source_lots(self, lots):
        """Lots consumed by the productions that made ``lots``."""
        lines = self.env["stock.move.line"].search(
            [
                ("lot_id", "in", lots.ids),
                ("state", "=", "done"),
                ("move_id.production_id", "!=", False),
            ]
        )
        consumed = lines.consume_line_ids | lines.move_id.production_id.move_raw_ids.move_line_ids
        return consumed.filtered(lambda line: line.state == "done").lot_id

    @api.model
    def _get_jar_lots(self, lots):
        """Lots made by the productions that consumed ``lots``."""
        lines = self.env["stock.move.line"].search(
            [
                ("lot_id", "in", lots.ids),
                ("state", "=", "done"),
                ("move_id.raw_material_production_id", "!=", False),
            ]
        )
        produced = (
            lines.produce_line_ids
            | lines.move_id.raw_material_production_id.move_finished_ids.move_line_ids
        )
        return produced.filtered(lambda line: line.state == "done").lot_id

    @api.model
    def _get_recall_lots(self, lots):
        """The jar lots a recall of ``lots`` covers: the jar lots among them and every
        jar lot made from the produce lots among them."""
        return lots.filtered("conserverie_production_id") | self._get_jar_lots(lots)

    @api.model
    def _get_recall_move_lines(self, lots):
        """Every done delivery of the recalled jar lots to someone outside the facility:
        point of sale orders, sale orders through a centre and volunteers' shares."""
        recalled = self._get_recall_lots(lots)
        if not recalled:
            return self.env["stock.move.line"]
        return self.env["stock.move.line"].search(
            [
                ("lot_id", "in", recalled.ids),
                ("state", "=", "done"),
                ("location_dest_id.usage", "=", "customer"),
            ],
            order="date, id",
        )

    @api.model
    def _get_lots_action(self, lots, name):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "stock.lot",
            "view_mode": "list,form",
            "views": [
                (self.env.ref("conserverie_production.stock_lot_view_list_trace").id, "list"),
                (False, "form"),
            ],
            "domain": [("id", "in", lots.ids)],
            "context": {"create": False},
        }

    @api.model
    def _get_recall_action(self, lots):
        """One step forward, in one search: the jar lots concerned and where each went."""
        lines = self._get_recall_move_lines(lots)
        recalled = self._get_recall_lots(lots)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "Recall of %(lots)s: %(count)s jar lot(s)",
                lots=", ".join(lots.mapped("name")),
                count=len(recalled),
            ),
            "res_model": "stock.move.line",
            "view_mode": "list",
            "views": [
                (self.env.ref("conserverie_production.stock_move_line_view_list_recall").id, "list")
            ],
            "domain": [("id", "in", lines.ids)],
            "context": {"create": False, "group_by": ["lot_id"]},
            "help": self.env._(
                "<p>No jar of these lots has left the facility yet: %(lots)s.</p>",
                lots=", ".join(recalled.mapped("name")) or self.env._("no jar lot"),
            ),
        }
