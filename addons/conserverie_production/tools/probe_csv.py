"""Parse the CSV exported by a temperature probe logger.

:func:`parse_probe_csv` turns the file into ``[(minutes, temp_c), ...]``,
minutes counted from the first reading. What it accepts:

- separators ``;``, tab or ``,`` (the first one found on the first non-blank
  line, in that order), quoted cells, a UTF-8 BOM, CRLF line ends, blank
  lines (skipped, still counted in line numbers);
- decimal point or decimal comma ("12,5"), spaces as thousands separators;
- an optional header line, recognised because none of its cells is a number
  and its first cell is no timestamp;
- the time in column 1, as seconds, minutes, date-times ("2026-06-12
  10:00:05", "2026-06-12T10:00:05", "12/06/2026 10:00:05") or times of day
  ("10:00:05", crossing midnight at most once a day);
- the temperature in column 2, or in the first later column whose header
  names a temperature ("Temp.", "Température", "°C", "T").

A file larger than :data:`MAX_FILE_BYTES` or with more than
:data:`MAX_ROWS` readings is refused before any reading is parsed: a probe
logging every second for a whole day stays well below both.

Any problem raises :class:`ProbeLogError` with a code from
:data:`ERROR_MESSAGES` and the 1-based physical line of the file; nothing is
returned until the whole file is read.
"""

import csv
import re
from datetime import UTC, datetime

MIN_TEMP_C = -20.0
MAX_TEMP_C = 150.0
TIME_UNITS = ("auto", "seconds", "minutes")
# Largest probe log accepted: 5 MB and 100,000 readings (a reading per
# second for more than 27 hours).
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 100_000

# English templates of the errors, keyed by code. Placeholders are the
# error's params plus ``line``; the model keeps the same keys and names in its
# translated messages.
ERROR_MESSAGES = {
    "empty": "The file holds no readings.",
    "file_too_large": (
        "The file is {size_mb:.1f} MB, more than the {max_mb:.1f} MB allowed: "
        "export only this cycle's readings."
    ),
    "too_many_rows": (
        "The file holds more than {max_rows} readings: export only this cycle's readings."
    ),
    "missing_column": "Line {line}: a time and a temperature are expected.",
    "not_a_number": "Line {line}: {value!r} is not a number.",
    "bad_timestamp": "Line {line}: {value!r} is not a date or a time.",
    "time_not_increasing": "Line {line}: the time does not increase.",
    "gap_too_long": (
        "Line {line}: {gap:.1f} min since the previous reading (at most {max_gap:.1f} min)."
    ),
    "temperature_out_of_range": ("Line {line}: {value} °C is outside {min_temp} to {max_temp} °C."),
}
ERROR_CODES = tuple(ERROR_MESSAGES)

_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_SPACES_RE = re.compile(r"[\s\u00a0\u202f]")
_TEMPERATURE_HEADER_RE = re.compile(r"temp(?!s\b)|°\s*c|\bdeg|\bt\b", re.IGNORECASE)
_MINUTES_HEADER_RE = re.compile(r"\bmin", re.IGNORECASE)
_SECONDS_HEADER_RE = re.compile(r"\b(?:s|secs?|seconde?s?)\b", re.IGNORECASE)
_DATETIME_FORMATS = (
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M:%S.%f",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
)
_TIME_OF_DAY_FORMATS = ("%H:%M:%S", "%H:%M:%S.%f", "%H:%M")


class ProbeLogError(ValueError):
    """A probe log that cannot be read: ``code`` is a key of ERROR_MESSAGES."""

    def __init__(self, code, line=None, **params):
        if code not in ERROR_MESSAGES:
            raise KeyError(code)
        super().__init__(code, line, params)
        self.code = code
        self.line = line
        self.params = params

    def __str__(self):
        return ERROR_MESSAGES[self.code].format(line=self.line, **self.params)


def _parse_number(cell):
    """Return the float in ``cell`` (decimal point or comma), or None."""
    text = _SPACES_RE.sub("", cell)
    if "," in text and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")
    if not _NUMBER_RE.fullmatch(text):
        return None
    return float(text)


def _parse_datetime(cell):
    text = cell.strip()
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        for fmt in _DATETIME_FORMATS:
            try:
                value = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        else:
            return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _parse_time_of_day(cell):
    """Return the seconds since midnight in ``cell``, or None."""
    text = cell.strip()
    for fmt in _TIME_OF_DAY_FORMATS:
        try:
            value = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return value.hour * 3600 + value.minute * 60 + value.second + (value.microsecond / 1e6)
    return None


def _decode(data):
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Windows loggers often export in the ANSI code page.
        return data.decode("cp1252", errors="replace")


def _sniff_delimiter(line):
    for delimiter in (";", "\t", ","):
        if delimiter in line:
            return delimiter
    return ","


def _temperature_column(header):
    for index, title in enumerate(header[1:], start=1):
        if _TEMPERATURE_HEADER_RE.search(title):
            return index
    return 1


def _seconds_per_unit(time_unit, header):
    if time_unit == "minutes":
        return 60.0
    if (
        time_unit == "auto"
        and header
        and _MINUTES_HEADER_RE.search(header[0])
        and not _SECONDS_HEADER_RE.search(header[0])
    ):
        return 60.0
    return 1.0


def _time_reader(cell, line):
    """Return ``(kind, read)`` for time cells like ``cell``.

    ``kind`` is "number", "datetime" or "time_of_day"; ``read(text)`` returns
    a number (in the log's unit) or seconds, or None when ``text`` does not
    match. Raises ProbeLogError when ``cell`` is neither a number nor a time.
    """
    if _parse_number(cell) is not None:
        return "number", _parse_number
    origin = _parse_datetime(cell)
    if origin is not None:

        def seconds_since_origin(text):
            value = _parse_datetime(text)
            return None if value is None else (value - origin).total_seconds()

        return "datetime", seconds_since_origin
    if _parse_time_of_day(cell) is not None:
        return "time_of_day", _parse_time_of_day
    code = "bad_timestamp" if re.search(r"[:/]", cell) else "not_a_number"
    raise ProbeLogError(code, line, value=cell)


def parse_probe_csv(
    data,
    time_unit="auto",
    max_gap_minutes=5.0,
    min_temp=MIN_TEMP_C,
    max_temp=MAX_TEMP_C,
    max_bytes=MAX_FILE_BYTES,
    max_rows=MAX_ROWS,
):
    """Return the readings of a probe log as ``[(minutes, temp_c), ...]``.

    :param data: the file, as text or bytes (UTF-8, else Windows-1252).
    :param time_unit: unit of a numeric time column: "seconds", "minutes" or
        "auto" (the header's "min" means minutes, anything else seconds).
    :param max_gap_minutes: longest allowed time between two readings; None
        allows any gap.
    :param max_bytes: largest file accepted, in bytes (UTF-8 for text).
    :param max_rows: most readings accepted (the header not counted).
    :raises ProbeLogError: on the first problem, in file order; a file too
        large or too long before anything else.
    """
    if time_unit not in TIME_UNITS:
        raise ValueError(f"time_unit must be one of {TIME_UNITS}, not {time_unit!r}")
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > max_bytes:
        raise ProbeLogError(
            "file_too_large", size_mb=size / 1024 / 1024, max_mb=max_bytes / 1024 / 1024
        )
    numbered_lines = [
        (number, line)
        for number, line in enumerate(_LINE_BREAK_RE.split(_decode(data)), start=1)
        if line.strip()
    ]
    if not numbered_lines:
        raise ProbeLogError("empty")
    delimiter = _sniff_delimiter(numbered_lines[0][1])
    # one physical line is one row: a stray quote never swallows the next lines
    rows = [
        (number, [cell.strip() for cell in next(csv.reader([line], delimiter=delimiter))])
        for number, line in numbered_lines
    ]

    header = None
    first_cells = rows[0][1]
    if not any(_parse_number(cell) is not None for cell in first_cells) and not (
        _parse_datetime(first_cells[0]) or _parse_time_of_day(first_cells[0])
    ):
        header = first_cells
        rows = rows[1:]
    if not rows:
        raise ProbeLogError("empty")
    if len(rows) > max_rows:
        raise ProbeLogError("too_many_rows", max_rows=max_rows)
    temp_column = _temperature_column(header) if header else 1
    seconds_per_unit = _seconds_per_unit(time_unit, header)

    readings = []
    kind = read_time = previous_seconds = None
    day_offset = 0.0
    for number, cells in rows:
        if len(cells) <= temp_column or not cells[0] or not cells[temp_column]:
            raise ProbeLogError("missing_column", number)
        if read_time is None:
            kind, read_time = _time_reader(cells[0], number)
        time_value = read_time(cells[0])
        if time_value is None:
            code = "not_a_number" if kind == "number" else "bad_timestamp"
            raise ProbeLogError(code, number, value=cells[0])
        temp_c = _parse_number(cells[temp_column])
        if temp_c is None:
            raise ProbeLogError("not_a_number", number, value=cells[temp_column])
        if not min_temp <= temp_c <= max_temp:
            raise ProbeLogError(
                "temperature_out_of_range",
                number,
                value=temp_c,
                min_temp=min_temp,
                max_temp=max_temp,
            )
        if kind == "number":
            seconds = time_value * seconds_per_unit
        else:
            seconds = time_value + day_offset
            # A time of day that drops by more than 12 h has passed midnight.
            if (
                kind == "time_of_day"
                and previous_seconds is not None
                and seconds < previous_seconds - 12 * 3600
            ):
                day_offset += 24 * 3600
                seconds += 24 * 3600
        if previous_seconds is not None:
            gap = (seconds - previous_seconds) / 60.0
            if gap <= 0:
                raise ProbeLogError("time_not_increasing", number)
            if max_gap_minutes is not None and gap > max_gap_minutes:
                raise ProbeLogError("gap_too_long", number, gap=gap, max_gap=max_gap_minutes)
        previous_seconds = seconds
        readings.append((seconds, temp_c))

    origin = readings[0][0]
    return [((seconds - origin) / 60.0, temp_c) for seconds, temp_c in readings]
