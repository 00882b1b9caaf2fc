"""Readers for spreadsheets people bring in (product lists, platform order exports): file → validated rows.

An importer only reads and checks the file's shape (format, encoding, columns); what the rows mean and writing
them is the matching service's job (e.g. :mod:`core.services.product_import`).
"""
