"""The plotting theme: finsam.mplstyle is seaborn's whitegrid/notebook theme written out, and a
report's figures import neither seaborn nor pyplot."""
import subprocess
import sys

import matplotlib
import pytest

from finsam.views import plotting

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
            "import finsam, finsam.views.gender_outcomes, finsam.views.overview, finsam.views.interventions\n"
            "t = finsam.load()\n"
            "finsam.views.gender_outcomes.GenderOutcomes(t, 'bhs', 2018, lang='sv').outcome_figure()\n"
            "finsam.views.interventions.InterventionComparison(t, 'bhs', 2018, lang='sv').funnel_figure()\n"
            "finsam.views.overview.Overview(t, lang='sv').figure()\n"
            "print('seaborn' in sys.modules, 'matplotlib.pyplot' in sys.modules, 'matplotlib.style' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False False", out.stderr


def _charts():
    """One figure from each chart builder (the bars with a title of two lines, as gender_outcomes
    draws a population's name under its title)."""
    import numpy as np
    import pandas as pd

    from finsam.stats.inference import funnel_limits
    bars = pd.DataFrame({"gender": ["women", "men", "women", "men"], "outcome": ["work", "work", "studies", "studies"],
                         "rate": [30.0, 25.0, 12.0, 9.0], "ci_low": [22.0, 18.0, 7.0, 5.0], "ci_high": [39.0, 33.0, 19.0, 15.0]})
    groups = pd.DataFrame({"label": ["A", "B", "C"], "n": [40, 120, 75], "rate": [35.0, 22.0, 51.0]})
    lines = pd.DataFrame({"year": [2016, 2017, 2018, 2016, 2017, 2018], "value": [3.0, 4.5, 4.0, 1.0, 1.5, 2.0],
                          "group": ["a", "a", "a", "b", "b", "b"]})
    yield plotting.bar_by_gender(bars, "outcome", "rate", "Outcomes, 2018\nA group", "% of exits", percent=True)
    yield plotting.funnel_plot(groups, funnel_limits(0.3, np.arange(1, 160)), 30.0, "Interventions, 2018")
    yield plotting.line_by_group(lines, "year", "value", "group", {"a": "#000000", "b": "#0072B2"},
                                 {"a": "A", "b": "B"}, "Cost per year", "SEK", marks=[(2017, "new association")])


def test_titles_sit_where_matplotlibs_automatic_placement_puts_them():
    """finsam.mplstyle fixes axes.titley at 1.0, which spares every draw a measurement of the x
    axis; the titles of every chart builder land exactly where the automatic placement (titley
    None) puts them, since no axis of the theme has anything at its top."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    def title_boxes(automatic: bool):
        boxes = []
        with matplotlib.rc_context():
            for fig in _charts():
                for ax in fig.axes:
                    if automatic:
                        ax._autotitlepos = True  # as an axes made with axes.titley None
                fig.tight_layout()
                canvas = FigureCanvasAgg(fig)
                canvas.draw()
                boxes += [tuple(ax.title.get_window_extent(canvas.get_renderer()).bounds) for ax in fig.axes]
        return boxes

    fixed = title_boxes(automatic=False)
    assert plotting._theme()["axes.titley"] == 1.0 and len(fixed) == 3
    assert title_boxes(automatic=True) == fixed


def test_png_has_the_pixels_and_resolution_of_matplotlibs_own_png():
    import io

    import numpy as np
    from PIL import Image
    for fig in _charts():
        fig.tight_layout()
        fig.set_layout_engine(None)
        fig.set_dpi(150)
        ours = Image.open(io.BytesIO(plotting._png(fig)))
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=150)
        theirs = Image.open(io.BytesIO(buf.getvalue()))
        assert ours.mode == "RGB" and theirs.mode == "RGBA"  # opaque: no alpha channel written
        assert np.array_equal(np.asarray(ours), np.asarray(theirs)[..., :3])
        assert (np.asarray(theirs)[..., 3] == 255).all()
        assert ours.size == theirs.size and ours.info["dpi"] == theirs.info["dpi"]
        assert not {"Software", "Creation Time"} & set(ours.info)


def test_png_keeps_transparency_when_the_figure_has_any():
    import io

    import numpy as np
    from PIL import Image
    fig = next(_charts())
    fig.patch.set_alpha(0)  # a caller's own figure on a transparent face
    fig.tight_layout()
    ours = Image.open(io.BytesIO(plotting._png(fig)))
    assert ours.mode == "RGBA" and np.asarray(ours)[..., 3].min() == 0
