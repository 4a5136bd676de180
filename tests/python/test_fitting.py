"""Logistic regression, discrimination, WoE/IV, PSI and scorecard fitting
from Python, against the published figures the C++ tests use."""

from __future__ import annotations

import numpy as np
import pytest

import huikuan
import huikuan.frames as hf
from conftest import TEST_DATA
from scoring_data import indicator_values


@pytest.fixture(scope="module")
def spector():
    data = np.loadtxt(TEST_DATA / "spector.csv", delimiter=",", comments="#", skiprows=0, dtype=str)
    rows = np.array([r for r in data if r[0].strip().isdigit()], dtype=np.float64)
    return np.ascontiguousarray(rows[:, 1:4]), rows[:, 4].astype(np.uint8)


def test_the_spector_logit_agrees_with_stata(spector):
    x, grade = spector
    stata = [-13.0213483201, 2.82611297201, 0.0951576702557, 2.37868772835]
    for matrix in (np.asfortranarray(x), np.ascontiguousarray(x)):
        fit = huikuan.fit_logistic(matrix, grade, column_names=["GPA", "TUCE", "PSI"])
        assert fit.names == ["intercept", "GPA", "TUCE", "PSI"]
        assert fit.coefficients == pytest.approx(stata, rel=1e-6)
        assert fit.standard_errors == pytest.approx([4.93132462871, 1.26294114526, 0.141554207662, 1.06456430165], rel=1e-6)
        assert fit.log_likelihood == pytest.approx(-12.8896334653335, rel=1e-6)
        assert fit.null_log_likelihood == pytest.approx(-20.5917296966173, rel=1e-6)
        assert fit.converged and fit.observations == 32
        assert fit.covariance.shape == (4, 4)
    as_float = huikuan.fit_logistic(x, grade.astype(np.float64))
    assert as_float.coefficients == pytest.approx(stata, rel=1e-6)
    p = fit.predict_probability(x)
    assert p.shape == (32,) and fit.predict_probability(x[0]) == p[0]
    assert fit.linear_predictor(x[0]) == pytest.approx(np.log(p[0] / (1 - p[0])))


def test_separation_is_an_error_not_a_huge_number():
    x = np.array([[1.0], [2.0], [3.0], [4.0]])
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.fit\.8\]"):
        huikuan.fit_logistic(x, [0, 0, 1, 1])


def test_discrimination_measures_give_the_scikit_learn_example():
    scores, labels = np.array([0.1, 0.4, 0.35, 0.8]), np.array([0, 0, 1, 1], np.uint8)
    assert huikuan.roc_auc(scores, labels) == 0.75
    assert huikuan.gini(scores, labels) == 0.5
    ks = huikuan.kolmogorov_smirnov(scores, labels)
    assert (ks.statistic, ks.threshold) == (0.5, 0.1)
    d = huikuan.measure_discrimination(scores, labels)
    assert (d.auc, d.goods, d.bads) == (0.75, 2, 2)


def test_weight_of_evidence_gives_matlab_s_figures():
    table = huikuan.weight_of_evidence_from_counts(np.array([365, 307, 131]), np.array([177, 167, 53]))
    assert [b.weight_of_evidence for b in table.bins] == pytest.approx([0.019329, -0.095564, 0.20049], abs=5e-6)
    assert table.information_value == pytest.approx(0.0097738, abs=5e-7)
    assert hf.woe_frame(table)["goods"].tolist() == [365, 307, 131]
    raw = huikuan.weight_of_evidence(np.array([0.1, 0.5, 0.9, np.nan]), [0, 1, 0, 1], np.array([0.3, 0.7]))
    assert len(raw.bins) == 4 and raw.bins[3].bads == 1  # the last bin holds the missing values


def test_population_stability_index_reads_the_shift():
    psi = huikuan.population_stability_index(np.array([0.4, 0.3, 0.3]), np.array([0.35, 0.25, 0.4]))
    assert psi.index == pytest.approx(0.0445609, abs=1e-7)
    assert psi.shift == huikuan.PopulationShift.stable
    assert huikuan.classify_population_shift(0.3) == huikuan.PopulationShift.major_shift
    assert hf.psi_frame(psi)["contribution"].sum() == pytest.approx(psi.index)
    scores = huikuan.population_stability_index_of_scores(np.linspace(0, 1, 100), np.linspace(0.2, 1, 100),
                                                          np.array([0.25, 0.5, 0.75]))
    assert scores.index > 0 and len(scores.bins) == 4
    assert huikuan.bin_index(np.array([0.1, 0.25, 0.9]), np.array([0.25, 0.5])).tolist() == [0, 1, 2]


def test_fitting_a_scorecard_to_history_improves_its_separation():
    card = huikuan.Scorecard.standard()
    card.c_weights = [0.2] * 5
    values = indicator_values(card, 20_000, seed=11)
    start = huikuan.ScoringModel(card).score(values, c_scores=True)
    character, capacity = start.c_scores[:, 0], start.c_scores[:, 1]
    rng = np.random.default_rng(3)
    defaulted = (rng.random(20_000) < 1 / (1 + np.exp(-(2.8 - 0.06 * character - 0.04 * capacity)))).astype(np.uint8)
    result = huikuan.fit_scorecard(card, values, defaulted)
    weights = list(result.fitted.c_weights)
    assert sum(weights) == pytest.approx(1.0)
    assert weights[0] > weights[1] > max(weights[2:])
    assert result.after.auc > result.before.auc
    assert result.c_level is not None and result.calibration is not None
    assert len(result.indicator_level) == 5 and result.indicator_level[0] is None
    huikuan.ScoringModel(result.fitted)  # valid
    with pytest.raises(huikuan.InputError, match=r"^\[huikuan\.fit\.22\]"):
        huikuan.fit_scorecard(card, values, defaulted[:-1])
