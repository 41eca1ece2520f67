"""The release's own error."""
from finsam.core.errors import FinsamError


class ReleaseError(FinsamError):
    """The release cannot be written as asked (output folder, sizes, missing inputs)."""
