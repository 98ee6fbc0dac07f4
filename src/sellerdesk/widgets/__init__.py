"""Reusable widgets of the sellerdesk app."""
