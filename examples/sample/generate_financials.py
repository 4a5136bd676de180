#!/usr/bin/env python3
"""Deterministic financial data for the huikuan sample portfolio.

Run:   /usr/bin/python3 examples/sample/generate_financials.py
Input:  customers.csv, invoices.csv, payments.csv (written by generate.py)
        and generate.py itself, imported read-only to recover each
        customer's hidden payment behaviour (make_customers is the first
        thing generate.py draws from its seeded generator, so replaying it
        gives exactly the customers in customers.csv; this is checked).
Output (next to this script, UTF-8, LF line endings, RFC 4180 quoting):
    financials.csv  customer_id,current_ratio,quick_ratio,interest_coverage,
                    operating_cash_flow_ratio,equity_ratio,debt_to_equity,
                    tangible_net_worth,working_capital,
                    expected_monthly_purchases,collateral_value,
                    collateral_haircut,guarantees,credit_insurance,
                    industry_risk_grade,country_risk_grade,sales_trend,
                    legal_events

One row per customer, sorted by customer_id.  An empty cell means "not
known".  Ratios are written with exactly 3 decimals, amounts with exactly 2
(no thousands separators).

How the values are made:

  * A latent financial health h in 0..1 per customer, drawn around a mean
    that depends on the payment behaviour in generate.py (prompt 0.80,
    on_time 0.66, slow 0.50, poor 0.33, chronic 0.06, dormant 0.04), lowered
    by 0.08 for a customer with a bounced cheque in payments.csv.  Every ratio
    is a noisy function of h, so good payers mostly look healthy, some do not,
    and chronic non-payers / dormant accounts are weak or insolvent.  Values
    that fall outside a column's range are put back just inside it (not
    clamped onto the bound, so no pile-up of identical values).
  * The ratios come from one small balance sheet per customer, so they agree
    with each other: total assets TA (scaled from the customer's purchases
    from us), equity = equity_ratio * TA, current liabilities CL,
    working_capital = CL * (current_ratio - 1), quick_ratio = current_ratio *
    (1 - inventory share), debt_to_equity = interest-bearing debt / equity
    (empty when equity <= 0), tangible_net_worth = equity - intangibles
    (negative exactly when equity is negative).
  * N_NO_STATEMENTS customers (15%) gave no financial statements: all eight
    financial cells (current_ratio .. working_capital) are empty.  Small
    customers, foreign (English-named) customers and bad payers are more
    likely among them; chronic non-payers and dormant accounts less (their
    statements were obtained while chasing the debt).  N_PARTIAL more have
    partial data: abbreviated accounts without income and cash-flow
    statements (interest_coverage and operating_cash_flow_ratio empty),
    inventory not disclosed (quick_ratio empty) or intangibles not
    disclosed (tangible_net_worth empty).
  * expected_monthly_purchases: the customer's invoiced total in 2026 divided
    by its months in 2026 (January, or the month of its first invoice if
    later, through October), times 0.8..1.2; empty when it has no 2026
    invoice, and for a few customers whose sales rep gave no estimate.
  * collateral_value / collateral_haircut, guarantees, credit_insurance:
    our own security records, sized against the credit limit.  Collateral
    and guarantees are more common for weak payers, credit insurance for
    good ones.  collateral_value is 0.00 (none) or, for ~10%, empty (not
    recorded); the haircut is set only when collateral_value > 0.
    guarantees is 0.00 when none (empty for a few: not recorded);
    credit_insurance is always known (0.00 when not insured).
  * industry_risk_grade (1..5): from the industry word in the company name,
    with occasional +-1 for the sub-sector.  country_risk_grade (1..7):
    Chinese-named customers mostly 1..2, English-named ones 1..4.
  * sales_trend: invoiced total 2026-05-01..2026-10-31 over the total
    2025-11-01..2026-04-30, minus 1, rounded half away from zero to 3
    decimals (exact arithmetic); empty when the earlier half is zero.
  * legal_events: chronic non-payers 1..3, dormant accounts 1..2, some poor
    payers 1..2, rarely a slow or on-time payer; more likely for a slow or
    poor payer with a bounced cheque.

Determinism: only the standard library, a fixed SEED, one random.Random per
customer seeded with the string "SEED:customer_id" (string seeds are hashed
with SHA-512, independent of PYTHONHASHSEED), no set/dict-hash iteration
order.  The same inputs always give the same bytes.  A summary is printed at
the end.
"""

import csv
import datetime as dt
import math
import os
import random
import sys
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction

SEED = 20261124
N_NO_STATEMENTS = 45          # 15% of 300: no financial statements at all
N_PARTIAL = 14                # partial financial data
TREND_EARLY = (dt.date(2025, 11, 1), dt.date(2026, 4, 30))
TREND_LATE = (dt.date(2026, 5, 1), dt.date(2026, 10, 31))
YEAR_START = dt.date(2026, 1, 1)
LAST_MONTH = (2026, 10)

HERE = os.path.dirname(os.path.abspath(__file__))

HEADER = ["customer_id", "current_ratio", "quick_ratio", "interest_coverage",
          "operating_cash_flow_ratio", "equity_ratio", "debt_to_equity",
          "tangible_net_worth", "working_capital", "expected_monthly_purchases",
          "collateral_value", "collateral_haircut", "guarantees", "credit_insurance",
          "industry_risk_grade", "country_risk_grade", "sales_trend", "legal_events"]
FINANCIAL = HEADER[1:9]

# Mean and spread of the latent health h per behaviour.
HEALTH = {"prompt": (0.80, 0.13), "on_time": (0.66, 0.15), "slow": (0.50, 0.14),
          "poor": (0.33, 0.15), "chronic": (0.06, 0.06), "dormant": (0.04, 0.05)}
# Probabilities of collateral, a guarantee, credit insurance per behaviour.
SECURITY = {"prompt": (0.08, 0.05, 0.26), "on_time": (0.11, 0.07, 0.24),
            "slow": (0.18, 0.12, 0.20), "poor": (0.30, 0.20, 0.10),
            "chronic": (0.50, 0.33, 0.00), "dormant": (0.67, 0.33, 0.00)}

# Industry word in the name -> industry risk grade (1 best .. 5 worst).
# Longer keys first so that e.g. 环保科技 wins over 科技.
INDUSTRY_GRADES = [
    ("供应链管理", 4), ("环保科技", 2), ("信息技术", 2), ("汽车配件", 3),
    ("电子", 3), ("食品", 2), ("贸易", 3), ("商贸", 3), ("机械", 3), ("科技", 3),
    ("建材", 5), ("化工", 4), ("纺织", 4), ("医药", 1), ("物流", 3), ("五金", 3),
    ("包装", 2), ("家具", 4), ("照明", 3), ("塑胶", 3), ("光电", 3),
    ("Industrial Supply", 3), ("Electronics", 3), ("Foods", 2), ("Logistics", 3),
    ("Packaging", 2), ("Machinery", 3), ("Textiles", 4), ("Building Materials", 5),
    ("Chemicals", 4), ("Hardware", 3), ("Trading", 3), ("Traders", 3),
    ("Medical Supplies", 1), ("Auto Parts", 3), ("Lighting", 3),
]


# ---------------------------------------------------------------- helpers ----
def read_csv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def cents_of(text):
    """Exact minor units of a decimal amount such as 12500, 980.5, 1234.56."""
    whole, _, frac = text.partition(".")
    assert whole.isdigit() and (frac == "" or (frac.isdigit() and len(frac) <= 2)), text
    return int(whole) * 100 + int((frac + "00")[:2])


def parse_date(text):
    return dt.date.fromisoformat(text)


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


def fmt_ratio(x):
    if x is None:
        return ""
    s = "%.3f" % x
    return "0.000" if s == "-0.000" else s


def fmt_amount(x):
    """A float amount rounded to cents, written with exactly 2 decimals."""
    if x is None:
        return ""
    cents = int(round(x * 100))
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return "%s%d.%02d" % (sign, whole, frac)


def bound(rng, x, lo, hi):
    """x kept inside lo..hi without piling values up on the bounds."""
    if x < lo:
        return lo + (hi - lo) * rng.uniform(0.0, 0.04)
    if x > hi:
        return hi - (hi - lo) * rng.uniform(0.0, 0.04)
    return x


def round_to(x, step):
    return max(step, round(x / step) * step)


def is_chinese(name):
    return any("\u4e00" <= ch <= "\u9fff" for ch in name)


def industry_grade(name):
    for key, grade in INDUSTRY_GRADES:
        if key in name:
            return grade
    return 3


def months_between(first, last):
    """Whole calendar months from (y, m) first to (y, m) last, inclusive."""
    return (last[0] - first[0]) * 12 + last[1] - first[1] + 1


def trend_text(early, late):
    if early == 0:
        return ""
    q = Decimal(Fraction(late, early).numerator) / Decimal(Fraction(late, early).denominator)
    t = (q - 1).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    return "0.000" if t == 0 else "%s" % t


# --------------------------------------------------------------- behaviour ----
def hidden_behaviour(customers_csv):
    """Replay generate.make_customers and check it matches customers.csv."""
    sys.dont_write_bytecode = True
    sys.path.insert(0, HERE)
    import generate                                   # noqa: E402  (read-only use)
    replay = generate.make_customers(random.Random(generate.SEED))
    assert len(replay) == len(customers_csv), "generate.py no longer matches customers.csv"
    out = {}
    for c, row in zip(replay, customers_csv):
        assert (c["id"], c["name"], generate.fmt_money(c["limit"]), c["terms"]) == \
            (row["customer_id"], row["name"], row["credit_limit"], row["terms"]), \
            "generate.py no longer matches customers.csv at " + row["customer_id"]
        out[c["id"]] = "dormant" if c["dormant"] else c["behaviour"]
    return out


# ---------------------------------------------------------------- per customer ----
def balance_sheet(rng, h, annual_purchases):
    """Consistent ratios and amounts for latent health h (0 worst .. 1 best)."""
    # Size: purchases from us are a small share of the customer's revenue.
    share = clamp(math.exp(rng.gauss(math.log(0.012), 0.8)), 0.002, 0.4)
    revenue = annual_purchases / share
    turnover = clamp(math.exp(rng.gauss(math.log(1.3), 0.35)), 0.5, 3.5)
    assets = revenue / turnover

    cr = bound(rng, 0.5 * 4.5 ** h * math.exp(rng.gauss(0, 0.17)), 0.4, 3.5)
    inv_share = clamp(rng.gauss(0.35, 0.12), 0.08, 0.65)
    qr = bound(rng, cr * (1 - inv_share), 0.2, 2.5)
    qr = min(qr, round(cr, 3) - 0.01)

    eq = bound(rng, -0.12 + 0.76 * h + rng.gauss(0, 0.07), -0.2, 0.8)
    if abs(eq) < 0.006:
        eq = 0.006 if eq >= 0 else -0.006
    equity = eq * assets
    liabilities = assets - equity
    debt_share = clamp(rng.gauss(0.5, 0.15), 0.1, 0.85)     # interest-bearing part
    if eq > 0:
        debt_share = min(debt_share, 7.9 * equity / liabilities)
        dte = debt_share * liabilities / equity
        intangibles = equity * rng.uniform(0.0, 0.25)
    else:
        dte = None
        intangibles = assets * rng.uniform(0.0, 0.05)
    tnw = equity - intangibles

    cl_share = clamp(rng.gauss(0.45, 0.1), 0.2, 0.8) * liabilities / assets
    current_liabilities = max(0.05, cl_share) * assets
    working_capital = current_liabilities * (cr - 1)

    ic = -2.4 + 14 * h + 10 * h ** 3 + rng.gauss(0, 1.2 * (0.4 + h))
    if debt_share < 0.2:
        ic += 6                                          # little debt, little interest
    ic = bound(rng, ic, -2.0, 25.0)
    ocf = bound(rng, -0.33 + 0.9 * h + rng.gauss(0, 0.11), -0.5, 1.2)
    return {"current_ratio": cr, "quick_ratio": qr, "interest_coverage": ic,
            "operating_cash_flow_ratio": ocf, "equity_ratio": eq, "debt_to_equity": dte,
            "tangible_net_worth": tnw, "working_capital": working_capital}


def security(rng, behaviour, limit):
    p_coll, p_guar, p_ins = SECURITY[behaviour]
    r = rng.random()
    if r < p_coll:
        kind = rng.choice(["property", "property", "equipment", "deposit", "inventory",
                           "receivables"])
        if kind == "deposit":
            value = limit * rng.uniform(0.1, 0.5)
            value = round(value, 2)
            haircut = rng.choice([0.0, 0.05, 0.05, 0.1])
            if haircut == 0.0:
                haircut = 0.02
        else:
            value = round_to(limit * rng.uniform(0.3, 1.6), 1000)
            base = {"property": 0.3, "equipment": 0.45, "inventory": 0.5,
                    "receivables": 0.35}[kind]
            haircut = clamp(round(base + rng.uniform(-0.1, 0.1), 2), 0.1, 0.6)
        collateral = (value, haircut)
    elif r < p_coll + 0.10:
        collateral = (None, None)                        # not recorded
    else:
        collateral = (0.0, None)
    r = rng.random()
    if r < p_guar:
        guarantee = round_to(limit * rng.uniform(0.3, 1.0), 10000)
    elif r < p_guar + 0.05:
        guarantee = None
    else:
        guarantee = 0.0
    insured = round_to(limit * rng.uniform(0.5, 1.0), 10000) if rng.random() < p_ins else 0.0
    return collateral, guarantee, insured


def legal_events(rng, behaviour, bounced):
    if behaviour == "chronic":
        return rng.choice([1, 1, 2, 2, 3])
    if behaviour == "dormant":
        return rng.choice([1, 2])
    p = {"prompt": 0.0, "on_time": 0.01, "slow": 0.04, "poor": 0.28}[behaviour]
    if bounced and behaviour in ("slow", "poor"):
        p += 0.15
    if rng.random() < p:
        return 2 if behaviour == "poor" and rng.random() < 0.25 else 1
    return 0


def country_grade(rng, chinese):
    if chinese:
        return rng.choices([1, 2, 3], [70, 27, 3])[0]
    return rng.choices([1, 2, 3, 4], [25, 35, 25, 15])[0]


# ----------------------------------------------------------------- main ----
def main():
    customers = read_csv("customers.csv")
    invoices = read_csv("invoices.csv")
    payments = read_csv("payments.csv")
    behaviour = hidden_behaviour(customers)
    ids = [c["customer_id"] for c in customers]
    assert len(ids) == len(dict.fromkeys(ids))

    bounced = {}
    for p in payments:
        if p["status"] == "bounced":
            bounced[p["customer_id"]] = bounced.get(p["customer_id"], 0) + 1

    # Invoiced totals per customer (exact, in minor units).
    total = {i: 0 for i in ids}
    first = {}
    last = {}
    in_2026 = {i: 0 for i in ids}
    first_2026 = {}
    early = {i: 0 for i in ids}
    late = {i: 0 for i in ids}
    for inv in invoices:
        cid, d, cents = inv["customer_id"], parse_date(inv["issue_date"]), cents_of(inv["amount"])
        assert cid in total, cid
        total[cid] += cents
        first[cid] = min(first.get(cid, d), d)
        last[cid] = max(last.get(cid, d), d)
        if d >= YEAR_START:
            in_2026[cid] += cents
            first_2026[cid] = min(first_2026.get(cid, d), d)
        if TREND_EARLY[0] <= d <= TREND_EARLY[1]:
            early[cid] += cents
        elif TREND_LATE[0] <= d <= TREND_LATE[1]:
            late[cid] += cents

    rngs = {cid: random.Random("%d:%s" % (SEED, cid)) for cid in ids}
    info = {}
    for c in customers:
        cid = c["customer_id"]
        rng = rngs[cid]
        beh = behaviour[cid]
        limit = cents_of(c["credit_limit"]) / 100.0
        mu, sd = HEALTH[beh]
        h = rng.gauss(mu, sd) - (0.08 if cid in bounced else 0.0)
        h = clamp(h, 0.0, 1.0)
        months = months_between((first[cid].year, first[cid].month),
                                (last[cid].year, last[cid].month))
        annual = total[cid] / 100.0 / months * 12
        fin = balance_sheet(rng, h, annual)
        # Weight of being among the customers without statements.
        w = 1.0
        if annual < 60000:
            w *= 1.8
        if not is_chinese(c["name"]):
            w *= 1.5
        if beh == "poor":
            w *= 1.6
        elif beh in ("chronic", "dormant"):
            w *= 0.4                     # statements obtained in the collection case
        no_fs_key = rng.random() ** (1.0 / w)
        partial_kind = rng.choice(["abbreviated", "abbreviated", "no_inventory", "no_intangibles"])
        partial_key = rng.random()
        if cid in first_2026:
            months26 = months_between((first_2026[cid].year, first_2026[cid].month), LAST_MONTH)
            emp = in_2026[cid] / 100.0 / months26 * rng.uniform(0.8, 1.2)
            if rng.random() < 0.03:
                emp = None                               # no estimate from the rep
        else:
            emp = None
        (coll, haircut), guarantee, insured = security(rng, beh, limit)
        grade_i = industry_grade(c["name"])
        if rng.random() < 0.18:
            grade_i = clamp(grade_i + rng.choice([-1, 1]), 1, 5)
        info[cid] = {
            "fin": fin, "no_fs_key": no_fs_key, "partial_kind": partial_kind,
            "partial_key": partial_key, "emp": emp, "collateral": coll,
            "haircut": haircut, "guarantee": guarantee, "insured": insured,
            "industry": grade_i, "country": country_grade(rng, is_chinese(c["name"])),
            "trend": trend_text(early[cid], late[cid]),
            "legal": legal_events(rng, beh, cid in bounced), "behaviour": beh,
        }

    # Exactly N_NO_STATEMENTS without statements (weighted sampling without
    # replacement, Efraimidis-Spirakis keys), then N_PARTIAL with partial data.
    by_key = sorted(ids, key=lambda i: (-info[i]["no_fs_key"], i))
    no_fs = by_key[:N_NO_STATEMENTS]
    rest = sorted(by_key[N_NO_STATEMENTS:], key=lambda i: (info[i]["partial_key"], i))
    partial = rest[:N_PARTIAL]
    for cid in no_fs:
        info[cid]["fin"] = {k: None for k in FINANCIAL}
    for cid in partial:
        fin, kind = info[cid]["fin"], info[cid]["partial_kind"]
        if kind == "abbreviated":
            fin["interest_coverage"] = None
            fin["operating_cash_flow_ratio"] = None
        elif kind == "no_inventory":
            fin["quick_ratio"] = None
        else:
            fin["tangible_net_worth"] = None

    rows = []
    for cid in sorted(ids):
        x = info[cid]
        f = x["fin"]
        rows.append([
            cid, fmt_ratio(f["current_ratio"]), fmt_ratio(f["quick_ratio"]),
            fmt_ratio(f["interest_coverage"]), fmt_ratio(f["operating_cash_flow_ratio"]),
            fmt_ratio(f["equity_ratio"]), fmt_ratio(f["debt_to_equity"]),
            fmt_amount(f["tangible_net_worth"]), fmt_amount(f["working_capital"]),
            fmt_amount(x["emp"]), fmt_amount(x["collateral"]),
            fmt_ratio(x["haircut"]), fmt_amount(x["guarantee"]), fmt_amount(x["insured"]),
            str(x["industry"]), str(x["country"]), x["trend"], str(x["legal"]),
        ])
    check(rows)

    with open(os.path.join(HERE, "financials.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)

    summary(rows, info)


def check(rows):
    col = {name: k for k, name in enumerate(HEADER)}
    for r in rows:
        assert len(r) == len(HEADER)
        v = lambda name: r[col[name]]                                  # noqa: E731
        num = lambda name: float(v(name)) if v(name) else None        # noqa: E731
        cr, qr, eq, dte = num("current_ratio"), num("quick_ratio"), num("equity_ratio"), num("debt_to_equity")
        if cr is not None:
            assert 0.4 <= cr <= 3.5, r
        if qr is not None:
            assert 0.2 <= qr <= 2.5 and (cr is None or qr < cr), r
        if num("interest_coverage") is not None:
            assert -2 <= num("interest_coverage") <= 25, r
        if num("operating_cash_flow_ratio") is not None:
            assert -0.5 <= num("operating_cash_flow_ratio") <= 1.2, r
        if eq is not None:
            assert -0.2 <= eq <= 0.8 and eq != 0, r
            assert (dte is None) == (eq <= 0), r
            tnw = num("tangible_net_worth")
            assert tnw is None or (tnw < 0) == (eq < 0), r
            wc = num("working_capital")
            assert (wc < 0) == (cr < 1) or abs(wc) < 1, r
        if dte is not None:
            assert 0 <= dte <= 8, r
        if num("collateral_value"):
            assert v("collateral_haircut") and 0 <= num("collateral_haircut") <= 0.6, r
        else:
            assert not v("collateral_haircut"), r
        assert 1 <= int(v("industry_risk_grade")) <= 5 and 1 <= int(v("country_risk_grade")) <= 7
        for name in ("tangible_net_worth", "working_capital", "expected_monthly_purchases",
                     "collateral_value", "guarantees", "credit_insurance"):
            t = v(name)
            assert t == "" or (t.lstrip("-").replace(".", "", 1).isdigit()
                               and len(t.split(".")[1]) == 2), (name, t)


def summary(rows, info):
    col = {name: k for k, name in enumerate(HEADER)}
    n = len(rows)
    no_fs = sum(1 for r in rows if all(r[col[k]] == "" for k in FINANCIAL))
    # Partial: some financial cell empty, not counting debt_to_equity left
    # empty because equity is negative (undefined, not unknown).
    some_fs = sum(1 for r in rows
                  if any(r[col[k]] == "" for k in FINANCIAL if k != "debt_to_equity")) - no_fs
    neg_eq = sum(1 for r in rows if r[col["equity_ratio"]].startswith("-"))
    print("huikuan sample financials  seed=%d  -> financials.csv" % SEED)
    print("rows                  %d" % n)
    print("no financials         %d   partial financials %d" % (no_fs, some_fs))
    print("negative equity       %d" % neg_eq)
    for name in ("industry_risk_grade", "country_risk_grade", "legal_events"):
        counts = {}
        for r in rows:
            counts[r[col[name]]] = counts.get(r[col[name]], 0) + 1
        print("%-21s %s" % (name, "  ".join("%s:%d" % (k, counts[k])
                                            for k in sorted(counts, key=int))))
    print("collateral > 0        %d   guarantees > 0 %d   credit insurance > 0 %d"
          % tuple(sum(1 for r in rows if r[col[k]] and float(r[col[k]]) > 0)
                  for k in ("collateral_value", "guarantees", "credit_insurance")))
    print("sales_trend empty     %d   expected_monthly_purchases empty %d"
          % (sum(1 for r in rows if r[col["sales_trend"]] == ""),
             sum(1 for r in rows if r[col["expected_monthly_purchases"]] == "")))
    print("median by behaviour (current_ratio / equity_ratio / legal_events>0, n):")
    for beh in ("prompt", "on_time", "slow", "poor", "chronic", "dormant"):
        sel = [r for r in rows if info[r[0]]["behaviour"] == beh]
        crs = sorted(float(r[col["current_ratio"]]) for r in sel if r[col["current_ratio"]])
        eqs = sorted(float(r[col["equity_ratio"]]) for r in sel if r[col["equity_ratio"]])
        med = lambda xs: xs[len(xs) // 2] if xs else float("nan")      # noqa: E731
        print("  %-8s %.3f / %.3f / %d of %d"
              % (beh, med(crs), med(eqs),
                 sum(1 for r in sel if r[col["legal_events"]] != "0"), len(sel)))


if __name__ == "__main__":
    main()
