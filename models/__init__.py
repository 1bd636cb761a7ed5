"""Adapters shipped with Bedside for the embedded base model (package data: adapters/).

Written by `just ship-adapters` from a `bedside train --mode both` run on the shipped corpus;
read by bedside.core.shipped. Everything else under models/ stays out of git (see README.md).
"""
