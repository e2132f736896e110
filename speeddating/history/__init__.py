"""Memory across sessions: who already met whom, and how well the network is knitting together."""
