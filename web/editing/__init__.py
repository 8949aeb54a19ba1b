"""Editors' pages: corrections, review decisions, merges, article re-extraction and deletion."""
