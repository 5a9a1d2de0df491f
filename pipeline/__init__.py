"""csr-facts: organisations, figures, dates and facts from CSR press texts."""
from .extract import extract_file, extract_text
from .schema import SCHEMA_VERSION

__all__ = ["extract_text", "extract_file", "SCHEMA_VERSION"]
