"""Dialogs: sign-in, first run, database problems, confirmations."""
