"""The curated data as shipped: valid with every quote found on its line (finsam validate), and
passing the independent provenance checker of ../shared/tools. Tests of the validation code, on
copies of the data with planted faults, are in tests/data/test_validate.py."""
import pytest

from conftest import cli


def test_shipped_data_is_valid_with_provenance(sources_dir):
    code, out, err = cli("validate", "--sources", str(sources_dir))
    assert code == 0, err
    assert "validate OK" in out and "0 error(s)" in out


def test_shipped_data_passes_the_independent_provenance_checker(sources_dir):
    import subprocess, sys
    from conftest import ROOT
    tool = ROOT.parent / "shared" / "tools" / "check_provenance.py"
    if not tool.is_file():
        pytest.skip("shared/tools/check_provenance.py not present")
    res = subprocess.run([sys.executable, str(tool)], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout
