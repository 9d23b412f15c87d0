from .hours import format_hours, hours_to_minutes, euros_to_hours
