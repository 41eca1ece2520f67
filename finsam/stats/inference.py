"""Inference on counts: the analyses a researcher expects beside the reports' point values.

Plain functions on counts (k successes of n), returning DataFrames or dataclasses; no text.
Every rate is a percentage of the denominator the caller passes (for outcome rates: exited
participants, see :mod:`finsam.stats.rates`); differences are in percentage points (pp). Intervals are
95 % unless ``confidence`` says otherwise. The statistics come from scipy and statsmodels:

- rate intervals: Wilson score (``statsmodels.stats.proportion.proportion_confint``);
- funnel limits: exact binomial quantiles of Binomial(n, pooled rate) (``scipy.stats.binom``);
- heterogeneity and k×2 / r×c tables: Pearson's chi-squared (as ``scipy.stats.chi2_contingency``
  computes it) when every expected count is at least 5, else a Monte Carlo test of the same
  statistic over tables with the observed margins (``scipy.stats.random_table``; as R's
  ``chisq.test(simulate.p.value=TRUE)``; a fixed seed keeps reports reproducible, and a table met
  again is not tested again);
- comparison with a fixed national share: exact binomial test (``scipy.stats.binomtest``);
- differences of two rates: Newcombe's hybrid score interval
  (``statsmodels.stats.proportion.confint_proportions_2indep``, method ``newcomb``) and the
  score test (``test_proportions_2indep``, method ``score``), called on arrays of pairs at once;
- detectable differences: the power equation of ``statsmodels.stats.power.NormalIndPower`` on
  Cohen's h, solved on arrays by ``scipy.optimize.elementwise.find_root`` (:func:`detectable_h`);
- pooled gaps: Mantel–Haenszel and Breslow–Day (``statsmodels.stats.contingency_tables.StratifiedTable``).
"""
from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from finsam.data import rounding

CONFIDENCE = 0.95
FUNNEL_LEVELS = (0.95, 0.998)
MONTE_CARLO_DRAWS = 20_000
SEED = 20181231  # fixed: a report must print the same p-value on every run


def _check_counts(k, n, what="counts"):
    k, n = np.asarray(k, dtype=float), np.asarray(n, dtype=float)
    if k.shape != n.shape:
        raise ValueError(f"{what}: {k.size} successes but {n.size} totals")
    if (n <= 0).any() or (k < 0).any() or (k > n).any() or (k % 1 != 0).any() or (n % 1 != 0).any():
        raise ValueError(f"{what}: need whole counts with 0 <= k <= n and n > 0, got k={k.tolist()}, n={n.tolist()}")
    return k.astype(int), n.astype(int)


def wilson(k, n, confidence: float = CONFIDENCE) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval(s) for k of n, as proportions (vectorised)."""
    from statsmodels.stats.proportion import proportion_confint
    lo, hi = proportion_confint(k, n, alpha=1 - confidence, method="wilson")
    return np.asarray(lo, dtype=float), np.asarray(hi, dtype=float)


# --- tests on r×c tables -------------------------------------------------------------------------

@dataclass(frozen=True)
class TableTest:
    """A test of independence on an r×c table of counts (rows: groups or reasons; columns:
    outcomes or genders), chosen by :func:`table_test`'s one rule. ``method`` is 'Fisher's exact
    test', 'chi-squared test with Yates' correction', 'chi-squared' or 'Monte Carlo chi-squared'
    (or 'none …' where no test is possible); ``statistic`` is Pearson's X² (with Yates' correction
    for a 2×2 table tested that way; for Fisher's test the uncorrected X², for the record)."""
    statistic: float
    dof: int
    p_value: float
    method: str
    min_expected: float
    shape: tuple[int, int]
    draws: int = 0  # Monte Carlo draws (0 for the other tests)

    @property
    def method_code(self) -> str:
        """``method`` as a code a view words per language (texts ``common.test.<code>``):
        'fisher', 'chi2_yates', 'chi_squared', 'monte_carlo' or 'none' (no test: fewer than two
        non-empty rows or columns)."""
        return METHOD_CODES.get(self.method, NO_TEST)


#: the method code of a table no test can be made on (fewer than two non-empty rows or columns)
NO_TEST = "none"
#: the tests :func:`table_test` chooses from, by method name -> code
METHOD_CODES = {"Fisher's exact test": "fisher", "chi-squared test with Yates' correction": "chi2_yates",
                "chi-squared": "chi_squared", "Monte Carlo chi-squared": "monte_carlo"}


def table_test(table, min_expected: float = 5.0, draws: int = MONTE_CARLO_DRAWS, seed: int = SEED) -> TableTest:
    """The one rule for choosing a test of independence, for any r×c table of counts (rows and
    columns that are all zero are dropped; with fewer than two of either, no test):

    - a 2×2 table: Fisher's exact test when an expected count is below ``min_expected``, else
      Pearson's chi-squared test with Yates' continuity correction;
    - a larger table: Pearson's chi-squared test when every expected count is at least
      ``min_expected``, else a Monte Carlo test of the same statistic over ``draws`` random tables
      with the observed margins (conditional test, p = (1 + #{X² ≥ observed}) / (draws + 1), as R's
      ``chisq.test(simulate.p.value=TRUE)``): the asymptotic p-value would not be trustworthy.

    Every comparison of groups on the site (the gender gap, categories of a breakdown, the
    heterogeneity of interventions, exit reasons by gender) is tested through here. The result
    depends on the table's counts alone (the Monte Carlo draws on the fixed ``seed``), so a table
    met again is not tested again."""
    t = np.asarray(table, dtype=float)
    if t.ndim != 2 or (t < 0).any() or (t % 1 != 0).any():
        raise ValueError(f"need a 2-D table of whole non-negative counts, got {t.tolist()}")
    t = t[t.sum(axis=1) > 0][:, t.sum(axis=0) > 0].astype(np.int64)
    return _table_test(t.shape, t.tobytes(), min_expected, draws, seed)


@functools.lru_cache(maxsize=65536)
def _table_test(shape: tuple[int, int], counts: bytes, min_expected: float, draws: int, seed: int) -> TableTest:
    """:func:`table_test` of the table of int64 ``counts`` (C order) of ``shape``, without empty
    rows or columns."""
    from scipy.stats import chi2, chi2_contingency, fisher_exact, random_table
    t = np.frombuffer(counts, dtype=np.int64).reshape(shape)
    if t.shape[0] < 2 or t.shape[1] < 2:
        return TableTest(math.nan, 0, math.nan, "none (fewer than two non-empty rows or columns)", math.nan, t.shape)
    two_by_two = t.shape == (2, 2)
    statistic, dof, expected = _pearson(t)
    small = expected.min() < min_expected
    if two_by_two and small:
        return TableTest(statistic, 1, float(fisher_exact(t).pvalue), "Fisher's exact test",
                         float(expected.min()), t.shape)
    if two_by_two:
        yates = chi2_contingency(t, correction=True)
        return TableTest(float(yates.statistic), 1, float(yates.pvalue), "chi-squared test with Yates' correction",
                         float(expected.min()), t.shape)
    if not small:
        return TableTest(statistic, dof, float(chi2.sf(statistic, dof)), "chi-squared", float(expected.min()), t.shape)
    sims = random_table.rvs(t.sum(axis=1), t.sum(axis=0), size=draws, random_state=seed).astype(float)
    sims -= expected  # in place: (sims − expected)² / expected, summed per table
    sims *= sims
    sims /= expected
    stats = sims.sum(axis=(1, 2))
    observed = float(((t - expected) ** 2 / expected).sum())
    # a tolerance so that tables with the observed statistic count despite rounding (as R does)
    p = (1 + int((stats >= observed - 1e-7 * max(1.0, observed)).sum())) / (draws + 1)
    return TableTest(observed, dof, float(p), "Monte Carlo chi-squared", float(expected.min()), t.shape, draws)


def _pearson(t: np.ndarray) -> tuple[float, int, np.ndarray]:
    """Pearson's X² of an r×c table without empty rows or columns, its degrees of freedom and the
    expected counts: what ``scipy.stats.chi2_contingency(t, correction=False)`` gives as
    ``statistic``, ``dof`` and ``expected_freq``, by the same operations (its ``expected_freq``:
    row sums × column sums / total; ``power_divergence``: Σ (observed − expected)² / expected over
    the flattened table), without its per-call checks (~0.3 ms a table, thousands of tables on a
    national page)."""
    observed = t.astype(np.float64)
    expected = observed.sum(axis=1, keepdims=True) * observed.sum(axis=0, keepdims=True) / observed.sum()
    statistic = ((observed.ravel() - expected.ravel()) ** 2 / expected.ravel()).sum(axis=-1)
    return float(statistic), (t.shape[0] - 1) * (t.shape[1] - 1), expected


# --- 1. groups compared with a funnel ------------------------------------------------------------

@dataclass(frozen=True)
class GroupComparison:
    """Groups (e.g. one association's interventions in one year) against their pooled rate.

    ``table``: one row per group — label, k, n, rate, ci_low, ci_high (percent, Wilson), and
    for each funnel level L (95, 99.8) ``below_L``/``above_L`` (outside the limits around the
    pooled rate) and ``chance_outside_L`` (probability of falling outside if the group's true
    rate were the pooled rate). ``expected_outside`` maps each level to the number of groups
    expected outside by chance (sum of those probabilities; smaller than groups × (1 − level)
    because binomial limits on whole counts are conservative); ``nominal_outside`` is groups ×
    (1 − level). ``observed_outside`` counts groups outside. ``heterogeneity`` tests the
    groups×(k, n−k) table."""
    table: pd.DataFrame
    pooled_k: int
    pooled_n: int
    pooled_rate: float
    levels: tuple[float, ...]
    observed_outside: dict
    expected_outside: dict
    nominal_outside: dict
    heterogeneity: TableTest
    limits_method: str = "exact binomial quantiles of Binomial(n, pooled rate); outside = strictly beyond"
    #: the spread beyond binomial chance and the limits that allow for it (:func:`overdispersion`)
    overdispersion: "Overdispersion | None" = None
    #: the random-effects pooled rate with τ², I² and a prediction interval (:func:`random_effects_rate`)
    random_effects: "RandomEffectsRate | None" = None

    @property
    def overdispersed(self) -> bool:
        """True when the groups spread beyond binomial chance: the page's heterogeneity test rejects
        at 5 % (for a groups × (k, n − k) table Pearson's X² is Σzᵢ² = m·φ, so this is Spiegelhalter's
        test of overdispersion, by :func:`table_test`'s one rule) and τ² > 0. Then the funnel's
        binomial limits are too narrow to judge a group by, and the additive random-effects limits
        (:meth:`Overdispersion.limits`) are drawn and worded beside them."""
        od = self.overdispersion
        return bool(od is not None and od.tau2 == od.tau2 and od.tau2 > 0 and od.phi > 1
                    and self.heterogeneity.p_value < 1 - CONFIDENCE)


def _level_key(level: float) -> str:
    return f"{100 * level:g}".replace(".", "_")


def funnel_limits(p0: float, n, levels: Sequence[float] = FUNNEL_LEVELS) -> pd.DataFrame:
    """Funnel-plot control limits around the proportion ``p0`` (0–1) for group sizes ``n``:
    for each level L the exact binomial quantiles q(α/2) and q(1 − α/2) of Binomial(n, p0)
    divided by n, in percent (columns ``low_<L>``, ``high_<L>``; L as 95 or 99_8). Step-shaped
    in n because counts are whole; a group is outside when its rate is strictly beyond."""
    from scipy.stats import binom
    n = np.atleast_1d(np.asarray(n, dtype=int))
    out = {"n": n}
    for level in levels:
        a = 1 - level
        key = _level_key(level)
        out[f"low_{key}"] = 100 * binom.ppf(a / 2, n, p0) / n
        out[f"high_{key}"] = 100 * binom.ppf(1 - a / 2, n, p0) / n
    return pd.DataFrame(out)


def compare_groups(k: Sequence[int], n: Sequence[int], labels: Sequence[str],
                   levels: Sequence[float] = FUNNEL_LEVELS, confidence: float = CONFIDENCE) -> GroupComparison:
    """Each group's rate with its Wilson interval, the pooled rate Σk/Σn, which groups fall
    outside the funnel limits around it, how many would by chance, and a heterogeneity test
    (:func:`table_test` on the groups × (k, n − k) table). The pooled rate includes every group,
    as in Spiegelhalter's funnel plots."""
    from scipy.stats import binom
    k, n = _check_counts(k, n)
    labels = [str(x) for x in labels]
    if len(labels) != k.size:
        raise ValueError(f"{len(labels)} labels for {k.size} groups")
    pk, pn = int(k.sum()), int(n.sum())
    p0 = pk / pn
    lo, hi = wilson(k, n, confidence)
    tab = pd.DataFrame({"label": labels, "k": k, "n": n, "rate": 100 * k / n, "ci_low": 100 * lo, "ci_high": 100 * hi})
    lim = funnel_limits(p0, n, levels)
    observed, expected, nominal = {}, {}, {}
    for level in levels:
        key = _level_key(level)
        tab[f"below_{key}"] = tab["rate"].to_numpy() < lim[f"low_{key}"].to_numpy() - 1e-12
        tab[f"above_{key}"] = tab["rate"].to_numpy() > lim[f"high_{key}"].to_numpy() + 1e-12
        qlo, qhi = binom.ppf((1 - level) / 2, n, p0), binom.ppf(1 - (1 - level) / 2, n, p0)
        chance = binom.cdf(qlo - 1, n, p0) + binom.sf(qhi, n, p0)
        tab[f"chance_outside_{key}"] = chance
        observed[level] = int((tab[f"below_{key}"] | tab[f"above_{key}"]).sum())
        expected[level] = float(chance.sum())
        nominal[level] = float(k.size * (1 - level))
    het = table_test(np.column_stack([k, n - k]))
    od = overdispersion(k, n, labels, levels)
    re = random_effects_rate(k, n, confidence) if k.size >= 2 else None
    return GroupComparison(tab, pk, pn, 100 * p0, tuple(levels), observed, expected, nominal, het,
                           overdispersion=od, random_effects=re)


# --- 1b. overdispersion and random effects -------------------------------------------------------

@dataclass(frozen=True)
class Overdispersion:
    """How much more the groups' rates spread than binomial chance around the pooled rate p0
    (Spiegelhalter 2005, "Funnel plots for comparing institutional performance"): with z-scores
    zᵢ = (yᵢ − p0) / sᵢ, sᵢ² = p0(1 − p0)/nᵢ, the multiplicative factor φ = Σzᵢ²/m and the additive
    between-group variance τ² = max(0, (mφ − (m − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ)), wᵢ = 1/sᵢ² (no
    winsorising). ``table``: label, n, rate and, for each funnel level L, the additive
    random-effects limits p0 ± z·√(sᵢ² + τ²) (``re_low_<L>``/``re_high_<L>``, percent) and whether the
    group lies below, above or outside them (``re_below_<L>``, ``re_above_<L>``, ``re_outside_<L>``);
    ``re_outside`` counts them per level.

    Why additive and not multiplicative: φ widens the binomial limits by √φ, so they still close in on
    the pooled rate as n grows, as if a large intervention could differ from the others only by
    chance. The interventions differ by target group and method, whatever their size; a
    between-intervention variance τ² that does not shrink with n says that, and keeps a large
    intervention from being flagged for the heterogeneity every intervention shares."""
    phi: float
    tau2: float  # on the proportion scale (0-1)²
    table: pd.DataFrame
    re_outside: dict
    method: str = "Spiegelhalter (2005): z-scores around the pooled rate; additive random-effects limits, not winsorised"
    p0: float = math.nan  # the pooled rate (0-1) the limits are drawn around

    def limits(self, n, levels: Sequence[float] = FUNNEL_LEVELS) -> pd.DataFrame:
        """The additive random-effects limits p0 ± z·√(p0(1 − p0)/n + τ²) for group sizes ``n``, in
        percent (columns ``n``, ``re_low_<L>``, ``re_high_<L>``), as the funnel figure draws them;
        not cut at 0 or 100 % (a figure's axis does that)."""
        from scipy.stats import norm
        n = np.atleast_1d(np.asarray(n, dtype=float))
        out = {"n": n}
        tau2 = self.tau2 if self.tau2 == self.tau2 else 0.0
        for level in levels:
            key = _level_key(level)
            half = norm.ppf(1 - (1 - level) / 2) * np.sqrt(self.p0 * (1 - self.p0) / n + tau2)
            out[f"re_low_{key}"], out[f"re_high_{key}"] = 100 * (self.p0 - half), 100 * (self.p0 + half)
        return pd.DataFrame(out)


def overdispersion(k: Sequence[int], n: Sequence[int], labels: Sequence[str],
                   levels: Sequence[float] = FUNNEL_LEVELS) -> Overdispersion:
    from scipy.stats import norm
    k, n = _check_counts(k, n)
    p0 = k.sum() / n.sum()
    y = k / n
    s2 = p0 * (1 - p0) / n
    m = k.size
    if p0 in (0, 1) or m < 2:
        phi, tau2 = math.nan, math.nan
    else:
        z2 = (y - p0) ** 2 / s2
        phi = float(z2.sum() / m)
        w = 1 / s2
        tau2 = float(max(0.0, (m * phi - (m - 1)) / (w.sum() - (w ** 2).sum() / w.sum())))
    tab = pd.DataFrame({"label": [str(x) for x in labels], "n": n, "rate": 100 * y})
    outside = {}
    for level in levels:
        key = _level_key(level)
        half = norm.ppf(1 - (1 - level) / 2) * np.sqrt(s2 + (tau2 if tau2 == tau2 else 0.0))
        tab[f"re_low_{key}"], tab[f"re_high_{key}"] = 100 * (p0 - half), 100 * (p0 + half)
        tab[f"re_below_{key}"], tab[f"re_above_{key}"] = y < p0 - half, y > p0 + half
        tab[f"re_outside_{key}"] = tab[f"re_below_{key}"] | tab[f"re_above_{key}"]
        outside[level] = int(tab[f"re_outside_{key}"].sum())
    return Overdispersion(phi, tau2, tab, outside, p0=float(p0))


@dataclass(frozen=True)
class RandomEffectsRate:
    """A random-effects pooled rate over groups (DerSimonian–Laird on the logit scale, with 0.5
    added to every cell), percent: ``rate`` with its ``ci_low``/``ci_high``; ``tau2`` (between-group
    variance, logit scale), ``i2`` (share of the spread beyond chance, 0–1), Cochran's ``q`` on
    ``q_df`` degrees of freedom, and the 95 % prediction interval for a new group's rate
    (``pred_low``/``pred_high``: μ ± t(m − 2)·√(τ² + SE²), Higgins, Thompson & Spiegelhalter 2009;
    NaN with fewer than three groups)."""
    rate: float
    ci_low: float
    ci_high: float
    tau2: float
    i2: float
    q: float
    q_df: int
    pred_low: float
    pred_high: float
    groups: int
    method: str = "DerSimonian–Laird random effects on logits (statsmodels combine_effects); Higgins prediction interval"


def random_effects_rate(k: Sequence[int], n: Sequence[int], confidence: float = CONFIDENCE) -> RandomEffectsRate:
    from scipy.stats import norm, t as student
    from statsmodels.stats.meta_analysis import combine_effects
    k, n = _check_counts(k, n)
    if k.size < 2:
        raise ValueError("a pooled rate over groups needs at least two groups")
    a, b = k + 0.5, n - k + 0.5
    y, v = np.log(a / b), 1 / a + 1 / b
    # combine_effects also computes the Hartung–Knapp variant, which is not used here; its variance
    # can come out negative (numpy then warns on the square root of it)
    with np.errstate(invalid="ignore"):
        r = combine_effects(y, v, method_re="dl")
    mu, se, tau2, i2 = float(r.mean_effect_re), float(r.sd_eff_w_re), float(r.tau2), float(r.i2)
    if tau2 < 0:
        # statsmodels 0.15 leaves DerSimonian–Laird's τ² = (Q − df)/c untruncated and weights by
        # 1/(vᵢ + τ²) with it: with less spread than chance (Q < df) that gives a pooled rate with
        # too narrow an interval and a negative I². The estimator is max(0, ·): then the random-
        # effects model is the fixed-effect one.
        mu, se, tau2, i2 = float(r.mean_effect_fe), float(r.sd_eff_w_fe), 0.0, 0.0
    zq = norm.ppf(1 - (1 - confidence) / 2)
    expit = lambda x: 100 / (1 + math.exp(-x))  # noqa: E731
    m = int(k.size)
    if m >= 3:
        half = student.ppf(1 - (1 - confidence) / 2, m - 2) * math.sqrt(tau2 + se ** 2)
        pred = (expit(mu - half), expit(mu + half))
    else:
        pred = (math.nan, math.nan)
    return RandomEffectsRate(expit(mu), expit(mu - zq * se), expit(mu + zq * se), tau2, i2,
                             float(r.q), m - 1, pred[0], pred[1], m)


# --- 2. mix versus results ----------------------------------------------------------------------

@dataclass(frozen=True)
class MixEffect:
    """A headline (crude) rate Σk/Σn against the rate standardised to another mix of the same
    groups: Σ wᵢ·rateᵢ with weights ``weights`` (equal by default). ``mix_effect_pp`` = crude −
    standardised: how much the groups' sizes, not their results, move the headline. With a
    ``reference_rate`` (a goal, a national share), ``mix_flips_reference`` is True when the crude
    and the standardised rate lie on different sides of it: the mix, not the results, decides
    whether the headline is above or below. ``table`` has each group's weight in the headline
    (``weight``, share of n), its standard weight and contribution to the headline in pp."""
    crude_rate: float
    standardised_rate: float
    mix_effect_pp: float
    reference_rate: float | None
    mix_flips_reference: bool
    largest_group: str
    largest_weight: float
    table: pd.DataFrame


def mix_effect(k: Sequence[int], n: Sequence[int], labels: Sequence[str], weights: Sequence[float] | None = None,
               reference_rate: float | None = None) -> MixEffect:
    """Direct standardisation of a headline rate to a reference mix (see :class:`MixEffect`).
    ``reference_rate`` in percent."""
    k, n = _check_counts(k, n)
    w_std = np.full(k.size, 1 / k.size) if weights is None else np.asarray(weights, dtype=float)
    if w_std.shape != k.shape or (w_std < 0).any() or w_std.sum() <= 0:
        raise ValueError(f"weights must be {k.size} non-negative numbers with a positive sum, got {weights}")
    w_std = w_std / w_std.sum()
    rate = 100 * k / n
    w = n / n.sum()
    crude = 100 * k.sum() / n.sum()
    std = float((w_std * rate).sum())
    flips = False
    if reference_rate is not None:
        flips = bool(np.sign(crude - reference_rate) != np.sign(std - reference_rate))
    tab = pd.DataFrame({"label": [str(x) for x in labels], "k": k, "n": n, "rate": rate, "weight": w,
                        "standard_weight": w_std, "contribution_pp": w * rate})
    i = int(np.argmax(w))
    return MixEffect(float(crude), std, float(crude - std), reference_rate, flips, str(tab["label"].iloc[i]),
                     float(w[i]), tab)


@dataclass(frozen=True)
class Decomposition:
    """Kitagawa's decomposition of the difference between two crude rates over the same groups
    (B − A, in pp) into a mix component Σ (w_B − w_A)(r_A + r_B)/2 and a rate component
    Σ (r_B − r_A)(w_A + w_B)/2; they add up to the difference exactly. ``mix_driven`` is True
    when the mix component is the larger of the two in absolute value."""
    crude_a: float
    crude_b: float
    difference_pp: float
    mix_pp: float
    rates_pp: float
    mix_driven: bool


def decompose_difference(ka: Sequence[int], na: Sequence[int], kb: Sequence[int], nb: Sequence[int]) -> Decomposition:
    """Kitagawa decomposition of crude rate B − crude rate A (same groups, same order)."""
    ka, na = _check_counts(ka, na, "population A")
    kb, nb = _check_counts(kb, nb, "population B")
    if ka.shape != kb.shape:
        raise ValueError("the two populations must have the same groups")
    ra, rb = 100 * ka / na, 100 * kb / nb
    wa, wb = na / na.sum(), nb / nb.sum()
    mix = float(((wb - wa) * (ra + rb) / 2).sum())
    rates = float(((rb - ra) * (wa + wb) / 2).sum())
    ca, cb = 100 * ka.sum() / na.sum(), 100 * kb.sum() / nb.sum()
    return Decomposition(float(ca), float(cb), float(cb - ca), mix, rates, abs(mix) > abs(rates))


# --- 3. goals -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class GoalAttainment:
    """A rate against a goal ("at least goal_rate percent"). ``status``: 'met' when the whole
    interval is at or above the goal, 'not met' when it is wholly below, else 'cannot tell'.
    ``point_met`` is the reports' own judgement from the point value."""
    k: int
    n: int
    rate: float
    ci_low: float
    ci_high: float
    goal_rate: float
    status: str
    point_met: bool
    method: str

    @property
    def status_code(self) -> str:
        """``status`` as a code a view words per language: 'met', 'not_met' or 'cannot_tell'."""
        return self.status.replace(" ", "_")


def goal_attainment(k: int, n: int, goal_rate: float, confidence: float = CONFIDENCE,
                    method: str = "wilson") -> GoalAttainment:
    """A rate k/n (percent) against a goal of at least ``goal_rate`` percent, judged from its
    interval (``method``: 'wilson' or 'beta' = Clopper–Pearson, statsmodels' names)."""
    from statsmodels.stats.proportion import proportion_confint
    (k,), (n,) = _check_counts([k], [n])
    lo, hi = (100 * float(x) for x in proportion_confint(k, n, alpha=1 - confidence, method=method))
    status = "met" if lo >= goal_rate else "not met" if hi < goal_rate else "cannot tell"
    rate = float(100 * k / n)
    return GoalAttainment(int(k), int(n), rate, lo, hi, float(goal_rate), status, bool(rate >= goal_rate),
                          "Clopper–Pearson" if method == "beta" else method.capitalize())


@dataclass(frozen=True)
class CountGoal:
    """A count (e.g. participants) against a target: a plain comparison, no sampling error (the
    count is the whole population served, not a sample)."""
    value: float
    goal: float
    met: bool
    difference: float
    share_of_goal: float  # percent


def count_goal(value: float, goal: float) -> CountGoal:
    return CountGoal(float(value), float(goal), value >= goal, float(value - goal),
                     100 * value / goal if goal else math.nan)


# --- 4. against a national share ----------------------------------------------------------------

@dataclass(frozen=True)
class NationalComparison:
    """An association's rate k/n against a national share quoted in a report, treated as a fixed
    reference (the national n is not stated; it is far larger than any association's).
    ``p_value``: two-sided exact binomial test of H0 rate = national_rate."""
    k: int
    n: int
    rate: float
    ci_low: float
    ci_high: float
    national_rate: float
    difference_pp: float
    p_value: float
    evidence: bool  # p < alpha
    method: str = "exact binomial test (two-sided)"


def compare_with_national(k: int, n: int, national_rate: float, confidence: float = CONFIDENCE) -> NationalComparison:
    from scipy.stats import binomtest
    (k,), (n,) = _check_counts([k], [n])
    if not 0 <= national_rate <= 100:
        raise ValueError(f"national_rate must be a percentage, got {national_rate}")
    lo, hi = wilson(k, n, confidence)
    p = float(binomtest(int(k), int(n), national_rate / 100).pvalue)
    rate = float(100 * k / n)
    return NationalComparison(int(k), int(n), rate, 100 * float(lo), 100 * float(hi), float(national_rate),
                              rate - national_rate, p, p < 1 - confidence)


# --- 5. the gender gap as an interval -----------------------------------------------------------

@dataclass(frozen=True)
class DifferenceInterval:
    """Rate 1 − rate 2 (e.g. women − men, or year 2 − year 1) in percentage points, with
    Newcombe's hybrid score interval. ``evidence`` is True when the interval excludes 0. The
    score test's ``p_value`` is given beside it. ``detectable_pp`` is the smallest difference
    the two group sizes would detect with 80 % power in a two-sided 5 % test (Cohen's h from
    statsmodels' NormalIndPower, turned into percentage points symmetrically around the pooled
    rate); NaN when even 0 % vs 100 % would not reach that power. A non-significant gap smaller
    than ``detectable_pp`` is no evidence either way."""
    k1: int
    n1: int
    k2: int
    n2: int
    rate1: float
    rate2: float
    difference_pp: float
    ci_low_pp: float
    ci_high_pp: float
    evidence: bool
    p_value: float
    detectable_pp: float
    pooled_rate: float
    method: str = "Newcombe hybrid score interval; score test; power: normal approximation on Cohen's h"


def _power_shortfall(h, nobs, alpha: float, power: float):
    """Power of the two-sided z-test of two independent groups of effective size ``nobs`` at
    Cohen's h, minus ``power``: what ``statsmodels.stats.power.NormalIndPower().power`` gives
    (``normal_power``: both tails), minus the target, on arrays."""
    from scipy.stats import norm
    z = norm.isf(alpha / 2)
    x = h * np.sqrt(nobs)
    return norm.sf(z - x) + norm.cdf(-z - x) - power


def detectable_h(n1, n2, power: float = 0.8, alpha: float = 0.05) -> np.ndarray:
    """Cohen's h that groups of n1 and n2 detect with ``power`` at ``alpha`` (two-sided), for
    arrays of group sizes at once: the root of the power equation statsmodels'
    ``NormalIndPower().solve_power`` solves, found by scipy's elementwise bracketing root finder
    (``scipy.optimize.elementwise.find_root``) to 1e-13. statsmodels solves one pair at a time
    (~5 ms each, thousands on a national page) and stops within its brentq tolerance (1e-5) of
    the root. The bracket: just above 0, where the power is ``alpha``, and the h at which one tail
    alone reaches ``power``, (z₁₋α/₂ + z_power)/√nobs, where both tails exceed it."""
    from scipy.optimize import elementwise
    from scipy.stats import norm
    n1, n2 = np.broadcast_arrays(np.asarray(n1, dtype=float), np.asarray(n2, dtype=float))
    if not alpha < power < 1:
        raise ValueError(f"the power {power} must lie between alpha {alpha} and 1")
    if n1.size == 0:
        return np.full(n1.shape, np.nan)
    nobs = 1.0 / (1.0 / n1 + 1.0 / n2)
    upper = (norm.isf(alpha / 2) + norm.ppf(power)) / np.sqrt(nobs)
    found = elementwise.find_root(_power_shortfall, (np.full(n1.shape, 1e-12), upper), args=(nobs, alpha, power),
                                  tolerances=dict(xatol=1e-13, xrtol=1e-13))
    return np.asarray(found.x, dtype=float)


@functools.lru_cache(maxsize=4096)
def _detectable_h(n1: int, n2: int, power: float, alpha: float) -> float:
    """:func:`detectable_h` for one pair of group sizes (the versions of one comparison that a
    report's rounding allows share it)."""
    return float(detectable_h(np.array([n1]), np.array([n2]), power, alpha)[0])


def _detectable_pp(h: float, pooled_rate: float) -> float:
    """Cohen's h as a difference (pp) of two rates symmetric around ``pooled_rate`` (percent)."""
    centre = math.asin(math.sqrt(pooled_rate / 100))
    half = h / 4  # h = 2·asin√p1 − 2·asin√p2, so each angle moves h/4 from the centre
    if 2 * half > math.pi / 2:
        return math.nan
    a1, a2 = centre + half, centre - half
    if a1 > math.pi / 2:  # shift inside [0, π/2] keeping the angular distance
        a1, a2 = math.pi / 2, math.pi / 2 - 2 * half
    if a2 < 0:
        a1, a2 = 2 * half, 0.0
    return 100 * (math.sin(a1) ** 2 - math.sin(a2) ** 2)


def detectable_difference(n1: int, n2: int, pooled_rate: float, power: float = 0.8, alpha: float = 0.05) -> float:
    """Smallest difference (pp) between two rates around ``pooled_rate`` (percent) that groups of
    n1 and n2 detect with ``power`` in a two-sided test at ``alpha``."""
    return _detectable_pp(_detectable_h(int(n1), int(n2), float(power), float(alpha)), pooled_rate)


#: the fields of :class:`DifferenceInterval` that :func:`gap_interval_arrays` returns as arrays
INTERVAL_FIELDS = ("k1", "n1", "k2", "n2", "rate1", "rate2", "difference_pp", "ci_low_pp", "ci_high_pp", "evidence",
                   "p_value", "detectable_pp", "pooled_rate")


def gap_interval_arrays(k1, n1, k2, n2, confidence: float = CONFIDENCE, power: float = 0.8) -> dict[str, np.ndarray]:
    """:func:`gap_interval` for arrays of pairs at once: each field of :class:`DifferenceInterval`
    (``INTERVAL_FIELDS``) as an array, element i for (k1[i], n1[i], k2[i], n2[i]). The same
    statsmodels functions, called on the arrays (Newcombe's interval, the score test), and
    :func:`detectable_h` for the power."""
    from statsmodels.stats.proportion import confint_proportions_2indep, test_proportions_2indep
    k1, n1, k2, n2 = (np.atleast_1d(np.asarray(x)) for x in (k1, n1, k2, n2))
    if not k1.shape == n1.shape == k2.shape == n2.shape or k1.ndim != 1:
        raise ValueError(f"need four counts of the same length, got {k1.shape}, {n1.shape}, {k2.shape}, {n2.shape}")
    k, n = _check_counts(np.concatenate([k1, k2]), np.concatenate([n1, n2]))
    size = k1.size
    k1, k2, n1, n2 = k[:size], k[size:], n[:size], n[size:]
    if size == 0:
        return {f: np.array([], dtype=bool if f == "evidence" else int if f in ("k1", "n1", "k2", "n2") else float)
                for f in INTERVAL_FIELDS}
    lo, hi = confint_proportions_2indep(k1, n1, k2, n2, method="newcomb", compare="diff", alpha=1 - confidence)
    lo, hi = np.asarray(lo, dtype=float), np.asarray(hi, dtype=float)
    # statsmodels also computes the ratio and the odds ratio of the two rates, unused for a
    # difference; where one rate is 0 % they divide by zero and warn, and the warning would
    # print on the page (a gender with no one to work or studies, common at national scale)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.asarray(test_proportions_2indep(k1, n1, k2, n2, method="score", compare="diff").pvalue, dtype=float)
    # both rates 0 % or both 100 %: the score statistic is undefined, the data equal
    p = np.where((k1 + k2 == 0) | (k1 + k2 == n1 + n2), 1.0, p)
    pooled = 100 * (k1 + k2) / (n1 + n2)
    pairs, where = np.unique(np.column_stack([n1, n2]), axis=0, return_inverse=True)
    h = detectable_h(pairs[:, 0], pairs[:, 1], float(power), float(1 - confidence))[where.ravel()]
    return dict(k1=k1, n1=n1, k2=k2, n2=n2, rate1=100 * k1 / n1, rate2=100 * k2 / n2,
                difference_pp=100 * (k1 / n1 - k2 / n2), ci_low_pp=100 * lo, ci_high_pp=100 * hi,
                evidence=(lo > 0) | (hi < 0), p_value=p,
                detectable_pp=np.array([_detectable_pp(a, b) for a, b in zip(h.tolist(), pooled.tolist())]),
                pooled_rate=pooled)


def gap_interval(k1: int, n1: int, k2: int, n2: int, confidence: float = CONFIDENCE, power: float = 0.8) -> DifferenceInterval:
    """Difference of two independent rates k1/n1 − k2/n2 (pp) with its interval, the score
    test and the detectable difference (see :class:`DifferenceInterval`; :func:`gap_interval_arrays`
    for many at once)."""
    (k1, k2), (n1, n2) = _check_counts([k1, k2], [n1, n2])
    r = gap_interval_arrays([k1], [n1], [k2], [n2], confidence, power)
    return DifferenceInterval(int(k1), int(n1), int(k2), int(n2),
                              *(float(r[f][0]) for f in ("rate1", "rate2", "difference_pp", "ci_low_pp", "ci_high_pp")),
                              bool(r["evidence"][0]), float(r["p_value"][0]), float(r["detectable_pp"][0]),
                              float(r["pooled_rate"][0]))


def exit_reason_test(table) -> TableTest:
    """Test over a full exit-reason × gender table (rows: reasons, columns: genders; counts).
    The test :func:`table_test` chooses (its one rule)."""
    if isinstance(table, pd.DataFrame):
        table = table.to_numpy()
    return table_test(table)


@dataclass(frozen=True)
class TableTestRange:
    """A test of independence on a reasons × 2 table whose cells are known only as ranges (the
    counts a rounded percentage can stand for), over every table of counts within those ranges
    whose columns add up to their stated totals. ``statistic_min``/``statistic_max`` (Pearson's
    X²) and ``p_min``/``p_max`` are exact extremes over those tables; ``tables`` is how many there
    are. ``determinable`` is True when every one of them leads to the same conclusion at 5 %
    (``evidence``: all below). ``tested`` is False, with ``why`` ('no_table': no table of counts fits
    the ranges and totals, e.g. the reasons do not cover everyone; 'small_expected': some table would
    have an expected count below 5, where the one rule would choose another test), when no range is
    given."""
    tested: bool
    why: str = ""
    statistic_min: float = math.nan
    statistic_max: float = math.nan
    p_min: float = math.nan
    p_max: float = math.nan
    dof: int = 0
    tables: int = 0
    method: str = "Pearson's chi-squared over every table of counts consistent with the rounding (exact extremes)"

    @property
    def determinable(self) -> bool:
        return self.tested and (self.p_max < 1 - CONFIDENCE or self.p_min >= 1 - CONFIDENCE)

    @property
    def evidence(self) -> bool:
        return self.tested and self.p_max < 1 - CONFIDENCE


def table_test_range(low, high, totals, min_expected: float = 5.0) -> TableTestRange:
    """:func:`table_test` (Pearson's chi-squared) over every r×2 table of whole counts n_ij with
    ``low[i][j]`` ≤ n_ij ≤ ``high[i][j]`` whose column j adds up to ``totals[j]`` (e.g. reasons ×
    (women, men), each cell the counts of that gender's exits a rounded percentage can stand for,
    :func:`finsam.data.rounding.counts`, and the totals the exits of each gender: the reasons then
    cover everyone who exited).

    With the column totals c_j and N fixed, X² = N·(Σᵢ (nᵢ₁²/c₁ + nᵢ₂²/c₂)/(nᵢ₁ + nᵢ₂) − 1) is a
    sum over rows, so its exact minimum and maximum over all such tables (and their number) come
    from one pass of dynamic programming over the rows, whose state is the two partial column sums:
    no table is left out, however many there are. The one rule of :func:`table_test` chooses
    Pearson's test for a table larger than 2×2 whose expected counts are all at least
    ``min_expected``; when some table within the ranges could fall below it (its smallest possible
    row total × the smaller column total / N < ``min_expected``) the range is not computed
    (``why`` 'small_expected'), since a Monte Carlo p-value is not a function of X² alone. The
    p-value falls as X² grows, so p ranges from χ²-tail(max X²) to χ²-tail(min X²) on (r − 1) df."""
    from scipy.stats import chi2
    lo, hi = np.asarray(low, dtype=int), np.asarray(high, dtype=int)
    totals = [int(x) for x in totals]
    if lo.ndim != 2 or lo.shape[1] != 2 or lo.shape != hi.shape or len(totals) != 2 or (lo < 0).any() or (hi < lo).any():
        raise ValueError(f"need r×2 ranges 0 <= low <= high and two column totals, got {lo.tolist()}, {hi.tolist()}, {totals}")
    r = lo.shape[0]
    if r < 2:
        raise ValueError("a test needs at least two rows")
    c1, c2 = totals
    big_n = c1 + c2
    slack = [c1 - int(lo[:, 0].sum()), c2 - int(lo[:, 1].sum())]
    span = hi - lo
    if min(slack) < 0 or slack[0] > span[:, 0].sum() or slack[1] > span[:, 1].sum() or min(c1, c2) <= 0:
        return TableTestRange(False, "no_table")
    if ((lo.sum(axis=1) * min(c1, c2) / big_n) < min_expected).any():
        return TableTestRange(False, "small_expected")
    s1, s2 = slack
    shape = (s1 + 1, s2 + 1)
    low_v, high_v = np.zeros(shape), np.zeros(shape)
    count = np.zeros(shape)  # the number of tables: exact below 2⁵³
    reach = np.zeros(shape, dtype=bool)
    low_v[:], high_v[:] = np.inf, -np.inf
    low_v[0, 0] = high_v[0, 0] = 0.0
    count[0, 0], reach[0, 0] = 1, True
    for i in range(r):
        n_low, n_high = np.full(shape, np.inf), np.full(shape, -np.inf)
        n_count, n_reach = np.zeros(shape), np.zeros(shape, dtype=bool)
        for d1 in range(min(span[i, 0], s1) + 1):
            for d2 in range(min(span[i, 1], s2) + 1):
                a, b = lo[i, 0] + d1, lo[i, 1] + d2
                g = (a * a / c1 + b * b / c2) / (a + b)  # a + b > 0: rows were checked above
                src = (slice(0, s1 + 1 - d1), slice(0, s2 + 1 - d2))
                dst = (slice(d1, s1 + 1), slice(d2, s2 + 1))
                ok = reach[src]
                n_low[dst] = np.where(ok, np.minimum(n_low[dst], low_v[src] + g), n_low[dst])
                n_high[dst] = np.where(ok, np.maximum(n_high[dst], high_v[src] + g), n_high[dst])
                n_count[dst] = n_count[dst] + np.where(ok, count[src], 0)
                n_reach[dst] |= ok
        low_v, high_v, count, reach = n_low, n_high, n_count, n_reach
    if not reach[s1, s2]:
        return TableTestRange(False, "no_table")
    x_min, x_max = big_n * (low_v[s1, s2] - 1), big_n * (high_v[s1, s2] - 1)
    x_min, x_max = max(0.0, float(x_min)), max(0.0, float(x_max))  # rounding below 0 when the table is exact
    dof = r - 1
    return TableTestRange(True, "", x_min, x_max, float(chi2.sf(x_max, dof)), float(chi2.sf(x_min, dof)), dof,
                          int(round(count[s1, s2])))


# --- 6. pooled gap and rounded percentages ------------------------------------------------------

@dataclass(frozen=True)
class PooledGap:
    """Mantel–Haenszel pooled odds ratio (group 1 vs group 2, e.g. women vs men, of the outcome)
    over strata, its 95 % interval, the Cochran–Mantel–Haenszel test of OR = 1 and the
    Breslow–Day test of equal odds ratios across strata (without Tarone's adjustment)."""
    odds_ratio: float
    ci_low: float
    ci_high: float
    p_value: float  # CMH test of a common OR of 1
    homogeneity_statistic: float
    homogeneity_p_value: float
    strata: int
    method: str = "Mantel–Haenszel; CMH test; Breslow–Day (statsmodels StratifiedTable)"


def _tables(strata) -> list[np.ndarray]:
    out = []
    for s in strata:
        k1, n1, k2, n2 = (int(x) for x in s)
        _check_counts([k1, k2], [n1, n2], "stratum")
        out.append(np.array([[k1, n1 - k1], [k2, n2 - k2]], dtype=float))
    return out


def pooled_gap(strata: Iterable[Sequence[int]], confidence: float = CONFIDENCE) -> PooledGap:
    """``strata``: (k1, n1, k2, n2) per stratum, e.g. (women to work/studies, women exited, men
    to work/studies, men exited) per year or intervention."""
    from statsmodels.stats.contingency_tables import StratifiedTable
    tables = _tables(strata)
    if len(tables) < 2:
        raise ValueError("pooling needs at least two strata")
    st = StratifiedTable(tables)
    # Breslow–Day divides by a stratum's expected count, zero where a table has an empty row or
    # column (common at national scale): its statistic and p-value are then NaN, which the page
    # says in words; numpy's warning would print on the page
    with np.errstate(divide="ignore", invalid="ignore"):
        lo, hi = st.oddsratio_pooled_confint(alpha=1 - confidence)
        bd = st.test_equal_odds(adjust=False)
    return PooledGap(float(st.oddsratio_pooled), float(lo), float(hi), float(st.test_null_odds(correction=False).pvalue),
                     float(bd.statistic), float(bd.pvalue), len(tables))


@dataclass(frozen=True)
class WithinGroupGap:
    """Women − men within groups (e.g. the interventions of one association-year) beside the crude
    gap, in percentage points. ``crude_pp``: Σk₁/Σn₁ − Σk₂/Σn₂. ``mantel_haenszel_pp``: the
    Mantel–Haenszel risk difference Σ(k₁ᵢn₂ᵢ − k₂ᵢn₁ᵢ)/Nᵢ / Σn₁ᵢn₂ᵢ/Nᵢ (the gap within groups, weighted
    as Mantel and Haenszel weight). ``mix_pp``: the gap the mix of groups alone predicts — if women
    and men each had their group's rate for both together, (Σn₁ᵢrᵢ/Σn₁ᵢ − Σn₂ᵢrᵢ/Σn₂ᵢ). ``pooled``:
    the Mantel–Haenszel odds ratio with its test and Breslow–Day (:func:`pooled_gap`)."""
    crude_pp: float
    mantel_haenszel_pp: float
    mix_pp: float
    pooled: PooledGap
    strata: int


def within_group_gap(strata: Iterable[Sequence[int]], confidence: float = CONFIDENCE) -> WithinGroupGap:
    """``strata``: (k1, n1, k2, n2) per group, e.g. women to work/studies, women exited, men to
    work/studies, men exited, per intervention of one association-year (groups must not overlap)."""
    st = [tuple(int(x) for x in s) for s in strata]
    tabs = _tables(st)  # checks the counts
    if len(tabs) < 2:
        raise ValueError("a gap within groups needs at least two groups")
    k1, n1, k2, n2 = (np.array([s[i] for s in st], dtype=float) for i in range(4))
    big_n = n1 + n2
    crude = 100 * (k1.sum() / n1.sum() - k2.sum() / n2.sum())
    mh = 100 * ((k1 * n2 - k2 * n1) / big_n).sum() / (n1 * n2 / big_n).sum()
    r = (k1 + k2) / big_n
    mix = 100 * ((n1 * r).sum() / n1.sum() - (n2 * r).sum() / n2.sum())
    return WithinGroupGap(float(crude), float(mh), float(mix), pooled_gap(st, confidence), len(st))


def pooled_gap_range(strata: Iterable[Mapping], max_combinations: int = 100_000) -> pd.DataFrame:
    """:func:`pooled_gap` when some strata give only rounded percentages with n. Each stratum is
    a mapping with ``n1`` and ``n2`` and, for each group, either the count (``k1``/``k2``) or the
    printed percentage (``pct1``/``pct2``, with optional ``decimals``; else read off the value).
    Every combination of counts the percentages can stand for (:func:`finsam.data.rounding.counts`)
    is analysed; returns one row per quantity with its
    ``min`` and ``max`` over them (equal when all counts are known) and the number of
    combinations. Raises ValueError when a percentage is impossible for its n."""
    options = []
    for i, s in enumerate(strata):
        per = []
        for g in ("1", "2"):
            n = int(s[f"n{g}"])
            if s.get(f"k{g}") is not None:
                per.append([int(s[f"k{g}"])])
            else:
                ks = rounding.counts(s[f"pct{g}"], n, s.get("decimals"))
                if not ks:
                    raise ValueError(f"stratum {i + 1}: no count of {n} rounds to {s[f'pct{g}']} %")
                per.append(ks)
        options.append([(k1, int(s["n1"]), k2, int(s["n2"])) for k1, k2 in itertools.product(*per)])
    total = math.prod(len(o) for o in options)
    if total > max_combinations:
        raise ValueError(f"{total} combinations of consistent counts, more than {max_combinations}")
    results = [pooled_gap(combo) for combo in itertools.product(*options)]
    rows = []
    for q in ("odds_ratio", "ci_low", "ci_high", "p_value", "homogeneity_p_value"):
        vals = [getattr(r, q) for r in results]
        rows.append(dict(quantity=q, min=min(vals), max=max(vals), combinations=total))
    return pd.DataFrame(rows)


# --- 7. derived costs ---------------------------------------------------------------------------

def cost_range(cost: float, k: int, n: int, n_alternatives: Mapping[str, int] | None = None,
               confidence: float = CONFIDENCE) -> pd.DataFrame:
    """Derived costs (kronor, as stated, not price-adjusted).

    - ``per participant``: cost / each denominator in ``n_alternatives`` (e.g.
      {"participations": 651, "individuals": 560}); ``low``/``high`` over the alternatives.
    - ``per person to work or studies``: cost / k, where k of n exited went to work or studies;
      ``low``/``high`` = cost / (n × upper and lower Wilson limit of k/n): the range if the
      underlying rate were anywhere in its interval.
    One row per (measure, denominator) with ``value``, ``low``, ``high``; ``measure_code``
    ('per_participant', 'per_work_or_studies') names the measure for a view to word per language."""
    (k,), (n,) = _check_counts([k], [n])
    if not cost >= 0:
        raise ValueError(f"cost must be a non-negative amount, got {cost}")
    rows = []
    alts = dict(n_alternatives or {})
    if alts:
        vals = {label: cost / d for label, d in alts.items() if d > 0}
        for label, v in vals.items():
            rows.append(dict(measure="per participant", measure_code="per_participant", denominator=label, count=alts[label], value=v,
                             low=min(vals.values()), high=max(vals.values())))
    lo, hi = wilson(k, n, confidence)
    rows.append(dict(measure="per person to work or studies", measure_code="per_work_or_studies", denominator=f"{k} of {n} exited", count=int(k),
                     value=cost / k if k else math.inf, low=cost / (n * float(hi)),
                     high=cost / (n * float(lo)) if lo > 0 else math.inf))
    return pd.DataFrame(rows)


# --- 8. year on year ----------------------------------------------------------------------------

@dataclass(frozen=True)
class YearOnYear:
    """The change of one rate between two years (later − earlier, pp), as :class:`DifferenceInterval`;
    ``trend_test_possible`` is False with fewer than three years (two points make a change, not
    a trend)."""
    change: DifferenceInterval
    years: int
    trend_test_possible: bool


def year_on_year(k1: int, n1: int, k2: int, n2: int, years_available: int = 2) -> YearOnYear:
    """Year 1 (earlier: k1 of n1) to year 2 (later: k2 of n2)."""
    return YearOnYear(gap_interval(k2, n2, k1, n1), int(years_available), years_available >= 3)


def consistent_counts(n: int, k: int | None = None, pct: float | None = None, decimals: int | None = None) -> list[int]:
    """The counts a group may have: ``[k]`` when the report gives the count, else every count
    the printed percentage can stand for (:func:`finsam.data.rounding.counts`). Raises ValueError when
    neither is given or the percentage is impossible for n."""
    if k is not None:
        return [int(k)]
    if pct is None:
        raise ValueError("need a count or a percentage")
    ks = rounding.counts(pct, int(n), decimals)
    if not ks:
        raise ValueError(f"no count of {n} rounds to {pct} %")
    return ks


RANGE_FIELDS = ("difference_pp", "ci_low_pp", "ci_high_pp", "p_value", "detectable_pp")


def difference_range(group1: Mapping, group2: Mapping, confidence: float = CONFIDENCE) -> pd.DataFrame:
    """:func:`gap_interval` (group 1 − group 2) when a group gives only a rounded percentage:
    each group is a mapping with ``n`` and either ``k`` or ``pct`` (and optional ``decimals``).
    Returns one row per quantity with ``min`` and ``max`` over every consistent pair of counts,
    ``evidence_all``/``evidence_any`` (the interval excludes 0 for all / some of them) and the
    number of ``combinations``. Use for year on year with ``group1`` the later year."""
    ks1 = consistent_counts(group1["n"], group1.get("k"), group1.get("pct"), group1.get("decimals"))
    ks2 = consistent_counts(group2["n"], group2.get("k"), group2.get("pct"), group2.get("decimals"))
    pairs = [(a, group1["n"], b, group2["n"]) for a in ks1 for b in ks2]
    r = range_over(gap_interval_arrays(*(np.array(x) for x in zip(*pairs)), confidence), 0, len(pairs))
    out = pd.DataFrame([dict(quantity=q, min=r[f"{q}_min"], max=r[f"{q}_max"]) for q in RANGE_FIELDS])
    for c in ("combinations", "evidence_all", "evidence_any"):
        out[c] = r[c]
    return out


def range_over(res: Mapping[str, np.ndarray], start: int, stop: int) -> dict:
    """Over elements ``start:stop`` of :func:`gap_interval_arrays`' arrays (every consistent pair of
    counts of one comparison): ``<q>_min``/``<q>_max`` of each of ``RANGE_FIELDS`` (Python's
    min and max over them in order, as a NaN among them has always counted), ``combinations``,
    ``evidence_all``, ``evidence_any``."""
    out = {}
    for q in RANGE_FIELDS:
        vals = res[q][start:stop].tolist()
        out[f"{q}_min"], out[f"{q}_max"] = min(vals), max(vals)
    ev = res["evidence"][start:stop]
    out.update(combinations=stop - start, evidence_all=bool(ev.all()), evidence_any=bool(ev.any()))
    return out
