"""The one exception kg reports to users: its message is the whole one-line error."""


class KgError(Exception):
    """A user-facing failure: bad input, missing file, unreachable endpoint."""
