"""samplan: Danish police cooperation plans (samarbejdsplaner) as code."""

__version__ = "0.1.0"
