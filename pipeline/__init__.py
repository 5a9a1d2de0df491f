"""csr-facts: organisations, figures, dates and facts from CSR press texts.

The public API is imported lazily so that the command line starts fast and
worker processes can set their thread limits before numpy loads.
"""
from importlib.metadata import PackageNotFoundError, version

from .schema import SCHEMA_VERSION

try:
    __version__ = version("csr-facts")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["extract_text", "extract_file", "SCHEMA_VERSION", "__version__"]


def __getattr__(name: str):
    if name in ("extract_text", "extract_file"):
        from . import extract

        return getattr(extract, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
