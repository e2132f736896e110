"""One router per screen of the page, each built from the `Site` it serves."""
