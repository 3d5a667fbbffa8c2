"""Rendering: a typed page model computed in Python, presented by Jinja templates."""
