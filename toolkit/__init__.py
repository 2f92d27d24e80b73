"""Raw news-article text files to a clean, validated, de-duplicated Parquet dataset."""

from toolkit._version import __version__
from toolkit.build import BuildOptions, BuildResult, build
from toolkit.contract import Contract, load_contract
from toolkit.errors import (
    ContractError,
    DataValidationError,
    HubError,
    OutputError,
    QuarantineError,
    RawDirNotFound,
    ToolkitError,
    UsageError,
)
from toolkit.extract.article import Extraction, extract_article

__all__ = [
    "BuildOptions",
    "BuildResult",
    "Contract",
    "ContractError",
    "DataValidationError",
    "Extraction",
    "HubError",
    "OutputError",
    "QuarantineError",
    "RawDirNotFound",
    "ToolkitError",
    "UsageError",
    "__version__",
    "build",
    "extract_article",
    "load_contract",
]
