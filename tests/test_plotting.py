"""The plotting theme: finsam.mplstyle is seaborn's whitegrid/notebook theme written out, and a
report's figures import neither seaborn nor pyplot."""
import subprocess
import sys

import matplotlib
import pytest

from finsam import plotting

# what finsam.mplstyle deliberately sets otherwise than seaborn's style: one font instead of a list
# of fallbacks (DejaVu Sans carries å, ä and ö), and no colormap (seaborn's "rocket" exists only
# once seaborn is imported; no finsam figure draws an image)
REPLACED = {"font.family", "font.sans-serif", "image.cmap"}


def _style() -> dict:
    return dict(matplotlib.rc_params_from_file(plotting.STYLE, use_default_template=False))


def test_style_sheet_is_seaborns_whitegrid_notebook_theme():
    sns = pytest.importorskip("seaborn")
    ours = _style()
    theirs = {**sns.axes_style("whitegrid"), **sns.plotting_context("notebook")}
    checked = 0
    for key, value in theirs.items():
        if key in REPLACED:
            continue
        validated = matplotlib.rcParams.validate[key](value)  # seaborn's value as matplotlib reads it
        assert key in ours, f"finsam.mplstyle lacks {key}"
        assert ours[key] == validated, f"{key}: finsam.mplstyle has {ours[key]!r}, seaborn {validated!r}"
        checked += 1
    assert checked >= 40
    deep = [matplotlib.colors.to_hex(c) for c in sns.color_palette("deep")]
    assert [matplotlib.colors.to_hex(c) for c in ours["axes.prop_cycle"].by_key()["color"]] == deep
    assert ours["font.family"] == ["DejaVu Sans"]


def test_set_theme_applies_the_sheet_and_finsams_own_values():
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        plotting.set_theme()
        rc = matplotlib.rcParams
        assert rc["axes.grid"] and rc["axes.grid.axis"] == "y"
        assert rc["svg.hashsalt"] == "finsam" and rc["svg.fonttype"] == "none"
        assert rc["savefig.dpi"] == 150 and list(rc["figure.figsize"]) == [7.5, 4.0]
        assert rc["text.parse_math"] is False and rc["legend.frameon"] is False
        assert rc["font.family"] == ["DejaVu Sans"] and rc["font.size"] == 12


def test_set_theme_applies_the_sheet_as_matplotlib_style_use_would():
    """set_theme updates rcParams from the sheet without matplotlib.style (whose import reads every
    sheet matplotlib ships): the same settings as style.use, which would skip a key a style may
    not set; the sheet has none."""
    import matplotlib.style
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.style.use(plotting.STYLE)
        theirs = dict(matplotlib.rcParams)
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        plotting.set_theme()
        ours = dict(matplotlib.rcParams)
    assert ours == theirs


def test_reports_import_neither_seaborn_nor_pyplot():
    """A report's imports and its figures run without seaborn (it cost each report ~0.15 s) and
    without pyplot (figures are made with matplotlib's object API; pyplot and its IPython
    integration cost a kernel ~0.1 s), nor matplotlib.style (~20 ms: it reads every sheet)."""
    code = ("import sys, matplotlib; matplotlib.use('agg')\n"
            "import finsam, finsam.report, finsam.views_interventions\n"
            "t = finsam.load()\n"
            "finsam.report.GenderOutcomes(t, 'bhs', 2018, lang='sv').outcome_figure()\n"
            "finsam.views_interventions.InterventionComparison(t, 'bhs', 2018, lang='sv').funnel_figure()\n"
            "finsam.report.Overview(t, lang='sv').figure()\n"
            "print('seaborn' in sys.modules, 'matplotlib.pyplot' in sys.modules, 'matplotlib.style' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False False", out.stderr
