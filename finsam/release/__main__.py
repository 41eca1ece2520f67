"""``python -m finsam.release citation``: rewrite the project's CITATION.cff from the data and the
package version (tests/release/test_release.py checks that the committed file is what this writes)."""
from __future__ import annotations

import sys


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args != ["citation"]:
        print("usage: python -m finsam.release citation", file=sys.stderr)
        return 2
    import finsam
    from finsam.core import paths
    from .describe import citation_cff
    path = paths.PROJECT_ROOT / "CITATION.cff"
    path.write_text(citation_cff(finsam.load(), finsam.__version__), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
