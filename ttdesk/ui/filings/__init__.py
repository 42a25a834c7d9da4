"""Filings in the desk: generate, preview, print and save on a case or deal; the archive."""
