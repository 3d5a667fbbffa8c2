"""Commands that write plan files: `samplan init` (a new plan repository) and
`samplan new` (next year's plan from the latest one), through the round-trip reader."""
