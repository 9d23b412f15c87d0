"""Jar labels as a PDF, drawn on the reportlab canvas.

:func:`render_labels` lays out each :class:`LabelData` once (text wrapped
and shrunk to fit, barcodes placed) and draws it ``copies`` times, on A4
sheets of stickers or one label per page for a roll printer. Every string
shown comes from the caller, already translated; captions default to French.

The mandatory mentions keep an x-height of at least 1.2 mm (EU 1169/2011,
Annex IV): with Helvetica (x-height 523/1000 em) that is 6.5 pt. Text that
does not fit at that size raises :class:`LabelOverflowError` rather than
printing an illegal or truncated label.

The lot barcode is a GS1-128 of the product's GTIN and the lot,
"(01) GTIN (10) lot", when the caller gives one (:func:`gs1_lot_element_string`):
the till scans it and gets the product with its lot, and no EAN-13 is drawn
beside it (both stacked leave no room for the mentions on a 70 x 37 mm
sticker), only its digits. Otherwise the lot is a Code 128 of its name,
beside the EAN-13.

Barcodes come from python-barcode as module strings ("1011…") and are drawn
as filled rectangles (one fill per barcode, cached by code string): no images.
Each distinct line of text is typeset once per document and each label with
several copies drawn once as a form, which keeps 1,000 labels well under a
second.
"""

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import barcode
from barcode.errors import BarcodeError
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdf_canvas

DEFAULT_CAPTIONS = {
    "ingredients": "Ingrédients\u00a0:",
    "best_before": "À consommer de préférence avant\u00a0:",
    "lot": "Lot\u00a0:",
}

# Quiet zones, in modules, left and right of the bars.
EAN13_QUIET = (11, 7)
CODE128_QUIET = (10, 10)
EAN13_MODULES = 95
# Space (mm) between the EAN-13 and a Code 128 stacked above it.
STACKED_ROW_GAP = 1.0

# Most stickers in one print run: 84 A4 sheets, far more than a day's jars;
# a larger run is a typing mistake, not a print.
MAX_LABELS_PER_PRINT = 2000

_SPACE_RE = re.compile(r"[ \t\r\n]+")


class LabelCountError(ValueError):
    """More stickers asked for than :data:`MAX_LABELS_PER_PRINT` (or the given maximum)."""

    def __init__(self, count, maximum):
        super().__init__(f"{count} labels asked for, at most {maximum} in one print.")
        self.count = count
        self.maximum = maximum


def check_label_count(count, maximum=MAX_LABELS_PER_PRINT):
    """Raise :class:`LabelCountError` unless ``count`` stickers fit in one print run."""
    if count > maximum:
        raise LabelCountError(count, maximum)


class LabelOverflowError(ValueError):
    """The label's text or lot barcode does not fit at the minimum size."""

    def __init__(self, label, what):
        super().__init__(
            f"The label of {label.product_name!r} (lot {label.lot_name!r}) is too "
            f"small for its {what}."
        )
        self.label = label
        self.what = what


@dataclass
class LabelData:
    """What one jar label shows; every text is already translated."""

    product_name: str
    ingredients: Sequence[tuple[str, bool]]
    net_quantity: str
    best_before: str
    storage: str
    lot_name: str
    operator_name: str
    operator_address: str
    organic: bool = False
    organic_text: str = ""
    deposit_text: str = ""
    ean13: str = ""
    gs1_lot: str = ""
    copies: int = 1


@dataclass(frozen=True)
class LabelFonts:
    """Fonts of a layout (TrueType fonts must be registered beforehand).

    ``x_height`` is the smallest x-height of the two, in ems: Helvetica's AFM
    says 523/1000 (Helvetica-Bold 532).
    """

    regular: str = "Helvetica"
    bold: str = "Helvetica-Bold"
    x_height: float = 0.523


@dataclass(frozen=True)
class LabelLayout:
    """A page of ``columns`` x ``rows`` labels; lengths in millimetres."""

    page_width: float
    page_height: float
    columns: int
    rows: int
    label_width: float
    label_height: float
    left_margin: float = 0.0
    top_margin: float = 0.0
    column_gap: float = 0.0
    row_gap: float = 0.0
    padding: float = 1.5
    min_x_height: float = 1.2
    max_font_size: float = 8.0
    title_scale: float = 1.2
    leading: float = 1.12
    bar_height: float = 5.0
    ean13_module: float = 0.264
    code128_module: tuple[float, float] = (0.19, 0.25)
    fonts: LabelFonts = field(default_factory=LabelFonts)

    @property
    def per_page(self):
        return self.columns * self.rows

    @property
    def min_font_size(self):
        """Font size (pt) that gives the minimum x-height."""
        return self.min_x_height * mm / self.fonts.x_height

    def origin(self, position):
        """Lower-left corner (pt) of the label at ``position`` on its page."""
        row, column = divmod(position, self.columns)
        x = self.left_margin + column * (self.label_width + self.column_gap)
        top = self.top_margin + (row + 1) * self.label_height + row * self.row_gap
        return x * mm, (self.page_height - top) * mm


LAYOUTS = {
    "a4_sheet": LabelLayout(
        page_width=210,
        page_height=297,
        columns=3,
        rows=8,
        label_width=70,
        label_height=37,
        top_margin=0.5,
    ),
    "roll_60x40": LabelLayout(
        page_width=60,
        page_height=40,
        columns=1,
        rows=1,
        label_width=60,
        label_height=40,
    ),
}


# Barcodes ---------------------------------------------------------------


def net_quantity_text(net_weight=0.0, volume_ml=0):
    """The net quantity of a jar: its net weight in grams, else its volume in ml."""
    if net_weight:
        return f"{net_weight:g} g"
    if volume_ml:
        return f"{volume_ml} ml"
    return ""


def address_text(street, zip_code, city):
    """The operator's postal address on two lines, leaving out what is missing."""
    town = f"{zip_code or ''} {city or ''}".strip()
    return "\n".join(part for part in (street, town) if part)


def ean13_check_digit(digits):
    """Return the check digit of the 12 first digits of an EAN-13."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits[:12]))
    return str(-total % 10)


def normalize_ean13(code):
    """Return a 13-digit EAN-13, completing a 12-digit one.

    :raises ValueError: not 12 or 13 digits, or a wrong check digit.
    """
    code = (code or "").strip()
    if not code.isdigit() or len(code) not in (12, 13):
        raise ValueError(f"{code!r} is not an EAN-13: 12 or 13 digits expected.")
    check = ean13_check_digit(code)
    if len(code) == 12:
        return code + check
    if code[12] != check:
        raise ValueError(f"{code!r} is not an EAN-13: the check digit is {check}.")
    return code


# GS1 application identifier (10), batch or lot number: up to 20 characters of
# the GS1 set 82 (GS1 General Specifications, 3.2 and 7.11).
GS1_LOT_RE = re.compile(r'[!"%-/0-9:-?A-Z_a-z]{1,20}')


def gs1_lot_element_string(ean13, lot_name):
    """The GS1 element string "01<GTIN-14>10<lot>" of a jar, without FNC1.

    The GTIN-14 is the EAN-13 with a leading zero; the lot comes last, so it needs
    no separator.

    :raises ValueError: an invalid EAN-13, or a lot name GS1 cannot carry (empty,
        longer than 20 characters, or outside the GS1 character set).
    """
    gtin = "0" + normalize_ean13(ean13)
    if not GS1_LOT_RE.fullmatch(lot_name or ""):
        raise ValueError(
            f"{lot_name!r} cannot be a GS1 lot: 1 to 20 letters, digits or GS1 signs expected."
        )
    return f"01{gtin}10{lot_name}"


@lru_cache(maxsize=4096)
def bar_runs(symbology, code):
    """Return ``(modules, runs)`` of a barcode: its width in modules and the
    ``(start, width)`` of each bar, in modules.

    :param symbology: "ean13" (``code`` already valid), "code128" or "gs1_128"
        (``code`` a GS1 element string, FNC1 added).
    :raises ValueError: characters the symbology cannot encode.
    """
    try:
        pattern = barcode.get_barcode_class(symbology)(code).build()[0]
    except (BarcodeError, IndexError) as error:
        message = f"{code!r} cannot be encoded in {symbology}: {error}"
        raise ValueError(message) from None
    runs, start = [], 0
    for bar in pattern.split("0"):
        if bar:
            runs.append((start, len(bar)))
        start += len(bar) + 1
    return len(pattern), tuple(runs)


@lru_cache(maxsize=4096)
def _bar_operators(symbology, code):
    """PDF operators filling the bars in module units, one unit high."""
    runs = bar_runs(symbology, code)[1]
    return " ".join(f"{start} 0 {width} 1 re" for start, width in runs) + " f"


# Layout -----------------------------------------------------------------


@dataclass
class _Barcode:
    symbology: str
    code: str
    x: float
    y: float
    module: float
    height: float


@dataclass
class _PreparedLabel:
    """A label laid out in its own coordinates (pt, origin lower left)."""

    # (x, y, ((font, size, text), ...)) per line of text
    lines: list = field(default_factory=list)
    barcodes: list = field(default_factory=list)


def _split_word(word, max_width, width):
    """Cut a word wider than ``max_width`` (size 1) into pieces that fit."""
    pieces, piece, piece_width = [], [], 0.0
    for text, bold in word[1]:
        for char in text:
            char_width = width(char, bold)
            if piece and piece_width + char_width > max_width:
                pieces.append((piece_width, tuple(piece)))
                piece, piece_width = [], 0.0
            if piece and piece[-1][1] == bold:
                piece[-1] = (piece[-1][0] + char, bold)
            else:
                piece.append((char, bold))
            piece_width += char_width
    if piece:
        pieces.append((piece_width, tuple(piece)))
    return pieces


def _wrap(words, widths, space, width, allow_split):
    """Greedy wrap of ``words`` at size 1 into lines as wide as ``widths``
    (first line, other lines). Returns lists of words, or None when a word
    is wider than its line and ``allow_split`` is false."""
    lines, line, used = [], [], 0.0
    limit = widths[0]
    for word in words:
        if line and used + space + word[0] <= limit:
            line.append(word)
            used += space + word[0]
            continue
        if line:
            lines.append(line)
            limit = widths[1]
        if word[0] > limit:
            if not allow_split:
                return None
            *pieces, word = _split_word(word, limit, width)
            lines += [[piece] for piece in pieces]
        line, used = [word], word[0]
    if line:
        lines.append(line)
    return lines


class _Typesetter:
    """Measures, splits and wraps paragraphs for one rendering.

    A paragraph is a tuple of ``(text, bold)`` fragments. Results are cached
    by content: labels of one print run share most of their paragraphs.
    """

    def __init__(self, fonts):
        self.fonts = fonts
        self._widths = {}
        self._words = {}
        self._wraps = {}
        self._runs = {}
        self.fits = {}

    def width(self, text, bold=False):
        """Width of ``text`` at size 1."""
        key = (text, bold)
        if key not in self._widths:
            font = self.fonts.bold if bold else self.fonts.regular
            self._widths[key] = stringWidth(text, font, 1.0)
        return self._widths[key]

    def words(self, paragraph):
        """``[(width at size 1, ((text, bold), ...)), ...]``: fragments glued
        without a space ("céleri" in bold, then ",") make one word."""
        if paragraph not in self._words:
            words, current = [], []
            for text, bold in paragraph:
                for index, part in enumerate(_SPACE_RE.split(text)):
                    if index and current:
                        words.append(current)
                        current = []
                    if part:
                        current.append((part, bool(bold)))
            if current:
                words.append(current)
            self._words[paragraph] = [
                (sum(self.width(t, b) for t, b in word), tuple(word)) for word in words
            ]
        return self._words[paragraph]

    def wrap(self, paragraph, widths, allow_split):
        """Lines of ``paragraph`` (see :func:`_wrap`), or None."""
        key = (paragraph, widths, allow_split)
        if key not in self._wraps:
            words = self.words(paragraph)
            space = self.width(" ")
            self._wraps[key] = _wrap(words, widths, space, self.width, allow_split)
        return self._wraps[key]

    def runs(self, paragraph, widths, allow_split, size):
        """Per line, ``((font, size, text), ...)`` with fonts merged."""
        key = (paragraph, widths, allow_split, size)
        if key not in self._runs:
            result = []
            for line in self.wrap(paragraph, widths, allow_split):
                runs = []
                for index, (_width, fragments) in enumerate(line):
                    for fragment_index, (text, bold) in enumerate(fragments):
                        if index and not fragment_index:
                            text = " " + text
                        font = self.fonts.bold if bold else self.fonts.regular
                        if runs and runs[-1][0] == font:
                            runs[-1] = (font, size, runs[-1][2] + text)
                        else:
                            runs.append((font, size, text))
                result.append(tuple(runs))
            self._runs[key] = result
        return self._runs[key]


def _paragraphs(label, captions):
    """The text blocks between the title and the barcodes, as tuples of
    ``(text, bold)`` fragments."""
    address = ", ".join(part.strip() for part in (label.operator_address or "").splitlines())
    operator = ((label.operator_name or "", True), (", " + address, False))
    ingredients = ((captions["ingredients"] + " ", True),)
    ingredients += tuple((text, bool(bold)) for text, bold in label.ingredients)
    paragraphs = [
        ingredients,
        ((captions["best_before"] + " ", False), (label.best_before, True)),
        ((label.storage, False),),
        operator if address else operator[:1],
    ]
    if label.organic:
        if not label.organic_text:
            raise ValueError(f"The organic label of {label.product_name!r} lacks text.")
        paragraphs.append(((label.organic_text, False),))
    if label.deposit_text:
        paragraphs.append(((label.deposit_text, False),))
    return [p for p in paragraphs if any(text.strip() for text, _bold in p)]


def _run_in(paragraphs):
    """Keep the ingredients apart and run the other mentions into one block."""
    joined = ()
    for paragraph in paragraphs[1:]:
        if joined:
            joined += (("\u00a0\u00b7 ", False),)
        joined += paragraph
    return [*paragraphs[:1], joined]


def _place_barcodes(label, layout, typesetter, captions):
    """Place the lot's Code 128 (left) and the EAN-13 (right) at the bottom,
    each above its text (the lot line, the EAN digits); or, when
    ``label.gs1_lot`` is set, the GS1-128 of the GTIN and the lot alone, above
    the lot line and the EAN digits.

    Side by side when they fit, else the Code 128 on a row above. Returns
    ``(barcodes, lines, height)``, the height in pt above the bottom padding.
    """
    size = layout.min_font_size
    regular = layout.fonts.regular
    text_height = size * layout.leading + 0.5 * mm
    bar_height = layout.bar_height * mm
    width = layout.label_width * mm
    pad = layout.padding * mm
    lot_text = f"{captions['lot']} {label.lot_name}"
    lot_end = pad + typesetter.width(lot_text) * size
    lot_symbology, lot_code = (
        ("gs1_128", label.gs1_lot) if label.gs1_lot else ("code128", label.lot_name)
    )
    modules = bar_runs(lot_symbology, lot_code)[0]

    def code128_module(edge, quiet):
        """Largest module (pt) at which the Code 128 ends ``quiet`` pt (and
        at least its quiet zone) before ``edge``, or None."""
        smallest, largest = (round(value * 100) for value in layout.code128_module)
        for hundredths in range(largest, smallest - 1, -1):
            module = hundredths / 100 * mm
            end = max(pad, CODE128_QUIET[0] * module) + modules * module
            if end + max(quiet, CODE128_QUIET[1] * module) <= edge + 1e-6:
                return module
        return None

    barcodes, lines = [], []
    module = None
    rows = 1
    # a GS1-128 already carries the GTIN: the EAN-13 is not drawn a second time
    if label.ean13 and not label.gs1_lot:
        ean = normalize_ean13(label.ean13)
        ean_module = layout.ean13_module * mm
        ean_x = width - max(pad, EAN13_QUIET[1] * ean_module)
        ean_x -= EAN13_MODULES * ean_module
        barcodes.append(_Barcode("ean13", ean, ean_x, pad + text_height, ean_module, bar_height))
        digits_y = pad + 0.22 * size
        first_digit_x = ean_x - ean_module - typesetter.width(ean[0]) * size
        lines.append((first_digit_x, digits_y, ((regular, size, ean[0]),)))
        for digits, center in ((ean[1:7], 24), (ean[7:], 71)):
            x = ean_x + center * ean_module - typesetter.width(digits) * size / 2
            lines.append((x, digits_y, ((regular, size, digits),)))
        if lot_end + 1 * mm <= first_digit_x:
            module = code128_module(ean_x, EAN13_QUIET[0] * ean_module)
        rows = 1 if module else 2
    if module is None and lot_end <= width - pad:
        module = code128_module(width, pad)
    if module is None:
        raise LabelOverflowError(label, "lot barcode")
    bottom = pad + (rows - 1) * (text_height + bar_height + STACKED_ROW_GAP * mm)
    code128_x = max(pad, CODE128_QUIET[0] * module)
    code128_y = bottom + text_height
    barcodes.append(_Barcode(lot_symbology, lot_code, code128_x, code128_y, module, bar_height))
    lines.append((pad, bottom + 0.22 * size, ((regular, size, lot_text),)))
    if label.gs1_lot and label.ean13:
        # the EAN digits, for a shop that types them, at the right of the lot line
        ean = normalize_ean13(label.ean13)
        ean_x = width - pad - typesetter.width(ean) * size
        if lot_end + 1 * mm > ean_x:
            raise LabelOverflowError(label, "lot barcode")
        lines.append((ean_x, bottom + 0.22 * size, ((regular, size, ean),)))
    return barcodes, lines, bottom - pad + text_height + bar_height


@lru_cache(maxsize=16)
def _sizes(layout):
    """``(body, title)`` font sizes to try, largest first, 0.25 pt apart:
    the body shrinks to the minimum, then the title."""
    min_size = layout.min_font_size
    sizes = []
    size = max(layout.max_font_size, min_size)
    while size > min_size:
        sizes.append((size, size * layout.title_scale))
        size -= 0.25
    title = min_size * layout.title_scale
    while title > min_size:
        sizes.append((min_size, title))
        title -= 0.25
    sizes.append((min_size, min_size))
    return tuple(sizes)


def _fit(title, quantity_width, paragraphs, available, layout, typesetter):
    """Wrap the title and ``paragraphs`` at the largest sizes at which they
    fit above the barcodes; words wider than a line are cut only at the
    minimum size.

    :param available: height of the text block, in pt.
    :return: ``[(size, lines of runs), ...]``, the title first, or None.
    """
    width = (layout.label_width - 2 * layout.padding) * mm
    sizes = _sizes(layout)

    def blocks(index, runs=False):
        """The blocks at ``sizes[index]``; without ``runs``, only whether
        they fit."""
        size, title_size = sizes[index]
        last_try = index == len(sizes) - 1
        title_width = width / title_size
        gap = quantity_width + 1.5 * mm / title_size
        requests = [(title, (title_width - gap, title_width), title_size)]
        requests += [(p, (width / size,) * 2, size) for p in paragraphs]
        height = 0.0
        for paragraph, widths, block_size in requests:
            lines = typesetter.wrap(paragraph, widths, last_try)
            if lines is None:
                return None
            height += block_size * layout.leading * len(lines)
        if height > available + 1e-9:
            return None
        if not runs:
            return True
        return [
            (block_size, typesetter.runs(paragraph, widths, last_try, block_size))
            for paragraph, widths, block_size in requests
        ]

    # Most labels fit at once; otherwise bisect for the largest size that
    # fits, the fit being monotonic in the size.
    if blocks(0):
        return blocks(0, runs=True)
    low, high = 0, len(sizes) - 1
    if not blocks(high):
        return None
    while high - low > 1:
        middle = (low + high) // 2
        if blocks(middle):
            high = middle
        else:
            low = middle
    return blocks(high, runs=True)


def _prepare(label, layout, typesetter, captions):
    """Lay out ``label``: mentions in separate blocks if they fit, else run
    in after the ingredients."""
    if not label.lot_name:
        raise ValueError(f"The label of {label.product_name!r} has no lot.")
    prepared = _PreparedLabel()
    prepared.barcodes, prepared.lines, strip_height = _place_barcodes(
        label, layout, typesetter, captions
    )
    available = (layout.label_height - 2 * layout.padding - 0.8) * mm - strip_height
    title = ((label.product_name, True),)
    quantity_width = typesetter.width(label.net_quantity or "", True)
    separate = _paragraphs(label, captions)
    variants = [separate] + ([_run_in(separate)] if len(separate) > 2 else [])
    # labels of one print run share their text: fit each distinct text once
    fit_key = (title, quantity_width, tuple(separate), available, id(layout))
    blocks = typesetter.fits.get(fit_key)
    if blocks is None:
        for paragraphs in variants:
            blocks = _fit(title, quantity_width, paragraphs, available, layout, typesetter)
            if blocks:
                break
        else:
            raise LabelOverflowError(label, "text")
        typesetter.fits[fit_key] = blocks

    pad = layout.padding * mm
    y = top = (layout.label_height - layout.padding) * mm
    for size, lines in blocks:
        for runs in lines:
            y -= size * layout.leading
            prepared.lines.append((pad, y + 0.22 * size, runs))
    if label.net_quantity:
        title_size = blocks[0][0]
        x = (layout.label_width - layout.padding) * mm - quantity_width * title_size
        y = top - title_size * (layout.leading - 0.22)
        quantity = (layout.fonts.bold, title_size, label.net_quantity)
        prepared.lines.append((x, y, (quantity,)))
    return prepared


# Drawing ----------------------------------------------------------------


def _draw(canvas, prepared, line_codes):
    """Draw a prepared label with its lower-left corner at the origin.

    Each distinct line of text is typeset once per document, as a text
    object whose code ``line_codes`` keeps and every label places again:
    the labels of a print run share most of their lines.
    """
    parts = []
    for x, y, runs in prepared.lines:
        code = line_codes.get(runs)
        if code is None:
            text = canvas.beginText()
            for font, size, run_text in runs:
                text.setFont(font, size)
                text.textOut(run_text)
            code = line_codes[runs] = text.getCode()
        parts.append(f"q 1 0 0 1 {fp_str(x, y)} cm {code} Q")
    for bars in prepared.barcodes:
        matrix = fp_str(bars.module, 0, 0, bars.height, bars.x, bars.y)
        parts.append(f"q {matrix} cm {_bar_operators(bars.symbology, bars.code)} Q")
    canvas.addLiteral(" ".join(parts))


def render_labels(
    labels, layout="a4_sheet", captions=None, skip=0, max_labels=MAX_LABELS_PER_PRINT
):
    """Return a PDF of ``labels``, each printed ``label.copies`` times.

    :param layout: a key of :data:`LAYOUTS` or a :class:`LabelLayout`.
    :param captions: overrides of :data:`DEFAULT_CAPTIONS` (translated).
    :param skip: stickers already used at the start of the first sheet.
    :param max_labels: most stickers printed in all.
    :raises ValueError: an invalid EAN-13, a lot Code 128 cannot encode, a
        missing lot or organic text; :class:`LabelOverflowError` when the
        text or the lot barcode does not fit; :class:`LabelCountError` when
        the copies add up to more than ``max_labels``, before any drawing.
    """
    check_label_count(sum(max(label.copies, 0) for label in labels), max_labels)
    if isinstance(layout, str):
        layout = LAYOUTS[layout]
    captions = {**DEFAULT_CAPTIONS, **(captions or {})}
    captions = {key: value.replace(" :", "\u00a0:") for key, value in captions.items()}
    typesetter = _Typesetter(layout.fonts)
    prepared = [_prepare(label, layout, typesetter, captions) for label in labels]

    buffer = io.BytesIO()
    canvas = pdf_canvas.Canvas(buffer, pagesize=(layout.page_width * mm, layout.page_height * mm))
    line_codes = {}
    position = skip % layout.per_page
    drawn = False
    for index, (label, label_layout) in enumerate(zip(labels, prepared, strict=True)):
        if label.copies > 1:
            # Drawn once as a form that every copy shows.
            form = f"label{index}"
            size = (layout.label_width * mm, layout.label_height * mm)
            canvas.beginForm(form, 0, 0, *size)
            _draw(canvas, label_layout, line_codes)
            canvas.endForm()
        for _copy in range(label.copies):
            if drawn and position == 0:
                canvas.showPage()
            canvas.saveState()
            canvas.translate(*layout.origin(position))
            if label.copies > 1:
                canvas.doForm(form)
            else:
                _draw(canvas, label_layout, line_codes)
            canvas.restoreState()
            drawn = True
            position = (position + 1) % layout.per_page
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
