"""Textual chat app: screens and widgets. Talks to bedside.core only."""
