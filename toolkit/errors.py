"""The toolkit's exceptions, caught once at the CLI edge.

ToolkitError                  every expected failure; ``code`` is a stable reason code
├── UsageError                bad arguments or paths given by the user (exit 2)
│   └── RawDirNotFound        the raw folder does not exist or is not a folder
├── ContractError             the contract in schema/ cannot be loaded or derived (exit 2)
├── OutputError               the output folder cannot be written or replaced (exit 2)
├── DataValidationError       the built table breaks the contract (exit 1)
├── QuarantineError           --strict and at least one file was quarantined (exit 1)
└── HubError                  the Hub refused a request or could not be reached (exit 2)
"""

from __future__ import annotations


class ToolkitError(Exception):
    """Base of every failure the user can act on; never shown with a traceback."""

    code = "toolkit_error"
    exit_code = 2


class UsageError(ToolkitError):
    """Raised for arguments or paths that cannot work as given."""

    code = "usage"


class RawDirNotFound(UsageError):
    """Raised when the raw folder to build from is missing."""

    code = "raw_dir_not_found"


class ContractError(ToolkitError):
    """Raised when the schema/ contract is missing, malformed or uses an unsupported type."""

    code = "invalid_contract"


class OutputError(ToolkitError):
    """Raised when the output folder cannot be created, written or swapped into place."""

    code = "output_not_writable"


class DataValidationError(ToolkitError):
    """Raised when rows break the contract; ``failures`` lists every failure found."""

    code = "validation_failed"
    exit_code = 1

    def __init__(self, message: str, failures: list[dict[str, object]]) -> None:
        super().__init__(message)
        self.failures = failures


class QuarantineError(ToolkitError):
    """Raised in strict mode when any raw file was quarantined instead of becoming a row."""

    code = "quarantine_in_strict_mode"
    exit_code = 1


class HubError(ToolkitError):
    """Raised when publishing fails at the Hub or on the way there; never carries the token."""

    code = "hub_error"
