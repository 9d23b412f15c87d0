"""Pure Python helpers (no ORM): lethality, probe logs, label layout."""
