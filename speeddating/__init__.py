"""speeddating: plan speed-networking sessions that mix organisations and never repeat a pair."""

__version__ = "0.1.0"
