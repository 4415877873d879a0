"""Parsing and the document model: markdown text in, sections, entries, links and dates out."""
