"""Hand a generated file (a workbook, an image) to the user.

PDF documents are report actions (``ir.actions.report``); any other file built
in memory goes through ``download_action``: an attachment on the record it was
made from, and the URL action that downloads it.
"""

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_action(record, file_name, raw, mimetype):
    """Attach ``raw`` (bytes) to ``record`` as ``file_name`` and return the
    ``ir.actions.act_url`` that downloads it."""
    record.ensure_one()
    attachment = record.env["ir.attachment"].create(
        {
            "name": file_name,
            "raw": raw,
            "mimetype": mimetype,
            "res_model": record._name,
            "res_id": record.id,
        }
    )
    return {
        "type": "ir.actions.act_url",
        "url": f"/web/content/{attachment.id}?download=true",
        "target": "download",
    }
