"""Domain and SOP rules. Nothing here imports Qt (checked by import-linter)."""
