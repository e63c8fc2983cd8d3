"""An unsupervised Splink 5 model on a benchmark set, set up as Splink's FEBRL examples do.

Fellegi-Sunter with per-field comparison levels (null / exact / Jaro-Winkler or
Damerau-Levenshtein bands / else), term-frequency adjustment on the name and the city, u from
random sampling, m by EM over two blocking rules, the prior from deterministic rules, and
prediction over blocking rules, never all pairs. Duplicates: connected components of the pairs
at or over the threshold. Existing links: each list row's best export record at or over it.
"""

from __future__ import annotations

import logging
import time

import pandas as pd
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from common import DataSet
from splink_features import features, present

log = logging.getLogger("linkage_bench")


def _comparisons(dfs: list[pd.DataFrame], skip: frozenset[str] = frozenset()) -> list:
    has = lambda f: present(dfs, f) and f not in skip  # noqa: E731
    out = []
    if has("name_core"):
        out.append(cl.CustomComparison(
            output_column_name="name",
            comparison_levels=[
                cll.NullLevel("name_core"),
                cll.ExactMatchLevel("name_core", term_frequency_adjustments=True),
                cll.ExactMatchLevel("name_sorted"),
                cll.JaroWinklerLevel("name_core", 0.92),
                cll.JaroWinklerLevel("name_core", 0.88),
                cll.ArrayIntersectLevel("name_tokens", 1),
                cll.JaroWinklerLevel("name_core", 0.7),
                cll.ElseLevel(),
            ],
        ))
    if has("addr1"):
        out.append(cl.JaroWinklerAtThresholds("addr1", [0.9, 0.8]))
    if has("addr2"):
        out.append(cl.JaroWinklerAtThresholds("addr2", [0.9, 0.8]))
    if has("city"):
        out.append(cl.JaroWinklerAtThresholds("city", [0.9, 0.8]).configure(term_frequency_adjustments=True))
    if has("state"):
        out.append(cl.ExactMatch("state"))
    if has("postcode"):
        out.append(cl.DamerauLevenshteinAtThresholds("postcode", [1]).configure(term_frequency_adjustments=True))
    if has("country") and pd.concat([d["country"] for d in dfs]).nunique() > 1:
        out.append(cl.ExactMatch("country"))
    if has("phone"):
        out.append(cl.ExactMatch("phone"))
    if has("email_domain"):
        out.append(cl.ExactMatch("email_domain").configure(term_frequency_adjustments=True))
    # Identifiers, where every input has them (pc-onboard's generated lists and exports).
    if has("reg"):
        out.append(cl.ExactMatch("reg"))
    if has("domain"):
        out.append(cl.ExactMatch("domain"))
    return out


def _blocking(dfs: list[pd.DataFrame]) -> list:
    has = lambda f: present(dfs, f)  # noqa: E731
    rules: list = []
    if has("name_core"):
        rules += [block_on("name_core"), block_on("name_first"), block_on("name_last"),
                  "l.name_first = r.name_last", "l.name_last = r.name_first"]
    for f in ("postcode", "addr1", "phone", "email_domain", "reg", "domain"):
        if has(f):
            rules.append(block_on(f))
    if has("city") and has("addr_num"):
        rules.append(block_on("city", "addr_num"))
    return rules


def _train(linker: Linker, dfs: list[pd.DataFrame], em_blocks: tuple[str, ...] | None = None) -> None:
    has = lambda f: present(dfs, f)  # noqa: E731
    det = [block_on("name_core", f) for f in ("postcode", "addr1", "city") if has(f)] or [block_on("name_core")]
    linker.training.estimate_probability_two_random_records_match(det, recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
    em = [block_on(f) for f in (em_blocks or ("postcode", "name_first", "city", "addr1")) if has(f)][:2]
    for rule in em:
        linker.training.estimate_parameters_using_expectation_maximisation(rule, estimate_without_term_frequencies=True)


def _linker(dfs: list[pd.DataFrame], link_type: str, model_opts: dict | None = None) -> Linker:
    """`model_opts`: `skip` (fields not compared) and `em_blocks` (fields whose equality blocks
    the two EM sessions); the defaults are the benchmark's."""
    opts = model_opts or {}
    settings = SettingsCreator(
        unique_id_column_name="uid",
        link_type=link_type,
        blocking_rules_to_generate_predictions=_blocking(dfs),
        comparisons=_comparisons(dfs, frozenset(opts.get("skip", ()))),
        retain_intermediate_calculation_columns=False,
    )
    db = DuckDBAPI()
    sdfs = [db.register(d, dataset_display_name=n) for d, n in zip(dfs, ["list", "export"])]
    linker = Linker(sdfs if len(sdfs) > 1 else sdfs[0], settings, log_level=logging.ERROR)
    _train(linker, dfs, opts.get("em_blocks"))
    return linker


def run_dedup(
    ds: DataSet, thresholds: list[float], feature_opts: dict | None = None, model_opts: dict | None = None
) -> tuple[dict[float, dict[int, str]], float]:
    """Cluster label per spreadsheet row, for each threshold; seconds for the whole job.
    `feature_opts` go to `features` (legal words, transliteration), `model_opts` to `_linker`."""
    t0 = time.perf_counter()
    df = features(ds.list_csv, "L", **(feature_opts or {}))
    linker = _linker([df], "dedupe_only", model_opts)
    pred = linker.inference.predict(threshold_match_probability=min(thresholds))
    out = {}
    for t in thresholds:
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, threshold_match_probability=t)
        cdf = clusters.as_pandas_dataframe()
        out[t] = {int(u[1:]): str(c) for u, c in zip(cdf["uid"], cdf["cluster_id"])}
    return out, time.perf_counter() - t0


def run_link(
    ds: DataSet, thresholds: list[float], feature_opts: dict | None = None, model_opts: dict | None = None
) -> tuple[dict[float, dict[int, str]], float]:
    """Customer ID per list row (best export record over the threshold), for each threshold."""
    assert ds.export_csv is not None
    t0 = time.perf_counter()
    a, b = features(ds.list_csv, "L", **(feature_opts or {})), features(ds.export_csv, "X", **(feature_opts or {}))
    linker = _linker([a, b], "link_only", model_opts)
    pred = linker.inference.predict(threshold_match_probability=min(thresholds)).as_pandas_dataframe()
    id_of = dict(zip(b["uid"], b["source_id"]))
    # Put the list record on the left whatever order Splink gave the pair in.
    flip = pred["uid_l"].str.startswith("X")
    pred["list"] = pred["uid_l"].where(~flip, pred["uid_r"])
    pred["export"] = pred["uid_r"].where(~flip, pred["uid_l"])
    pred = pred.sort_values(["list", "match_weight"], ascending=[True, False])
    out = {}
    for t in thresholds:
        best = pred[pred["match_probability"] >= t].drop_duplicates("list")
        out[t] = {int(u[1:]): id_of[x] or "" for u, x in zip(best["list"], best["export"])}
    return out, time.perf_counter() - t0
