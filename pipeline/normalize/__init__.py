"""Pure normalisers: strings in, values out. Nothing here imports spaCy."""
