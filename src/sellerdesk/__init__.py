"""sellerdesk: a terminal desk for sellers who sell in chat."""

__version__ = "0.1.0"
