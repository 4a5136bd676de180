#!/usr/bin/env python3
"""Deterministic sample portfolio for huikuan (accounts receivable / credit risk).

Run:   /usr/bin/python3 examples/sample/generate.py
Output (written next to this script, UTF-8, LF line endings, RFC 4180 quoting):
    customers.csv     customer_id,name,sales_rep,terms,credit_limit,segment
    invoices.csv      invoice_id,customer_id,issue_date,due_date,amount,
                      contract_no,project_no,sales_rep
    payments.csv      payment_id,customer_id,date,amount,method,status,invoice_id
    credit_notes.csv  credit_note_id,customer_id,date,amount,invoice_id,reason

What it generates: one B2B seller's receivables from START (2025-01-01) to
AS_OF (2026-10-31); nothing is dated after AS_OF.

  * ~300 customers: Chinese company names (city + trade name + industry +
    有限公司) and English names, a few containing commas and double quotes
    (so the CSV quotes them), all single-line; 6 sales reps; terms NET 30/45/60,
    EOM 30, DAY 10, DAY 25; credit limits 50,000..2,000,000; segments
    retail / wholesale / distributor / project (a few left empty).
  * ~4,000 invoices, amounts 500..300,000 (lognormal, per-customer scale),
    mostly "1234.56", some "980.5" and a few "12500"; some with contract_no /
    project_no; ~40% with an explicit due_date (others derived from terms);
    a few with an invoice-level sales_rep override.
  * Payments driven by a per-customer behaviour profile (prompt, on_time,
    slow, poor = 30..150 days late, chronic = pays only some invoices, very
    late); methods transfer > cheque > draft > cash; N_SHORT short payments
    (rounded down to a round number, remainder left open); N_BOUNCED bounced
    cheques (most followed by a cleared replacement); on-account payments
    without invoice_id; instalments; prepayments dated before a customer's
    first invoice and duplicate payments (unapplied cash).
  * N_CREDIT_NOTES credit notes (returns, price adjustments), some naming
    an invoice.
  * N_DORMANT dormant customers: open balance, no activity in the last 200+
    days before AS_OF.

Guarantees (checked by assertions before anything is written): unique ids,
known customers, due_date >= issue_date, every named payment / credit note
belongs to the same customer as its invoice and is dated on or after the
invoice's issue date, cleared cash + credit notes naming an invoice never
exceed its amount, all amounts > 0 with at most 2 decimals, rows sorted by
date then id.

Knobs: the constants below (SEED, dates, counts). The same constants always
give the same bytes (only the standard library; no set/hash iteration order).
At the end a summary is printed, including the open balance and aging as of
AS_OF computed with the allocation rules of tests/data/good/README.md.
"""

import csv
import datetime as dt
import math
import os
import random

SEED = 20261123
START = dt.date(2025, 1, 1)
AS_OF = dt.date(2026, 10, 31)
N_CUSTOMERS = 300
N_INVOICES = 4000            # target, the result is within a few percent
N_SHORT = 40                 # short payments (rounded down)
N_BOUNCED = 25               # bounced cheques
N_BOUNCED_REPLACED = 21      # ... of which followed by a cleared replacement
N_ON_ACCOUNT = 24            # on-account payments (no invoice_id) paying an invoice
N_PREPAYMENTS = 4            # on-account deposits dated before the first invoice
N_DUPLICATES = 2             # customers paying an invoice twice (on account)
N_INSTALMENT = 120           # invoices paid in 2..4 instalments
N_CREDIT_NOTES = 40
N_CREDIT_NOTES_NAMED = 28
N_DORMANT = 3
N_CHRONIC = 6
N_REP_OVERRIDES = 30
DORMANT_DAYS = 200

HERE = os.path.dirname(os.path.abspath(__file__))

REPS = ["王伟", "李娜", "John Carter", "Emily Chen", "陈志强", "Sarah Lin"]
REP_WEIGHTS = [22, 20, 16, 16, 14, 12]

CITIES = ["上海", "北京", "深圳市", "广州市", "成都", "杭州", "南京", "武汉", "重庆",
          "天津", "苏州", "西安", "长沙", "青岛", "宁波", "厦门", "东莞市", "佛山市",
          "合肥", "郑州", "济南", "无锡", "昆明", "福州"]
TRADE_NAMES = ["宏达", "华联", "蜀味", "恒信", "永泰", "金鼎", "瑞丰", "鑫源", "东方",
               "远航", "汇通", "新锐", "博远", "嘉禾", "万隆", "天成", "德润", "中盛",
               "聚力", "和信", "泰和", "华宇", "长青", "兴业", "同创", "明辉", "富康",
               "安达", "百川", "正泰", "海纳", "腾飞"]
INDUSTRIES_CN = ["电子", "食品", "贸易", "机械", "科技", "建材", "化工", "纺织", "医药",
                 "物流", "五金", "包装", "家具", "汽车配件", "照明", "塑胶", "光电",
                 "环保科技", "信息技术", "供应链管理"]
SUFFIX_CN = ["有限公司"] * 8 + ["有限责任公司", "股份有限公司"]

EN_FIRST = ["Acme", "Pacific", "Northern", "Summit", "Harbor", "Redwood", "Bluewater",
            "Silverline", "Evergreen", "Pioneer", "Keystone", "Atlas", "Crescent",
            "Meridian", "Orion", "Sterling", "Westfield", "Oakridge", "Lakeside",
            "Granite", "Horizon", "Riverside"]
EN_INDUSTRY = ["Industrial Supply", "Electronics", "Foods", "Logistics", "Packaging",
               "Machinery", "Textiles", "Building Materials", "Chemicals", "Hardware",
               "Trading", "Medical Supplies", "Auto Parts", "Lighting"]
EN_SUFFIX = ["Ltd", "Inc.", "LLC", "Co.", "Pte Ltd", "Limited", "GmbH", "Corp."]
FIXED_CN_NAMES = ["上海华联贸易有限公司", "深圳市宏达电子有限公司", "成都蜀味食品有限公司"]
SPECIAL_NAMES = FIXED_CN_NAMES + ['Smith, Jones & Co', 'The "Best" Traders', 'Wong, Lee & Partners Ltd',
                 "O'Brien \"Quality\" Foods, Inc.", '"Prime" Hardware Co',
                 '华夏商贸, Ltd.']

TERMS = ["NET 30", "NET 45", "NET 60", "EOM 30", "DAY 10", "DAY 25"]
TERMS_WEIGHTS = [30, 15, 12, 18, 12, 13]
SEGMENTS = ["retail", "wholesale", "distributor", "project", ""]
SEGMENT_WEIGHTS = [30, 28, 20, 17, 5]

BEHAVIOURS = ["prompt", "on_time", "slow", "poor"]
BEHAVIOUR_WEIGHTS = [25, 32, 26, 17]
METHODS = ["transfer", "cheque", "draft", "cash"]
METHOD_WEIGHTS = [64, 16, 12, 8]
CN_REASONS = ["退货", "价格调整", "return of damaged goods", "price adjustment",
              "quantity shortfall", "促销折让", ""]


# ---------------------------------------------------------------- dates ----
def end_of_month(d):
    nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def day_of_following_month(d, day):
    first = end_of_month(d) + dt.timedelta(days=1)
    return first.replace(day=min(day, end_of_month(first).day))


def due_from_terms(issue, terms):
    kind, n = terms.split()
    n = int(n)
    if kind == "NET":
        return issue + dt.timedelta(days=n)
    if kind == "EOM":
        return end_of_month(issue) + dt.timedelta(days=n)
    return day_of_following_month(issue, n)


def add_days(d, n):
    return d + dt.timedelta(days=n)


def weekday_on_or_before(d):
    while d.weekday() >= 5:
        d -= dt.timedelta(days=1)
    return d


# ---------------------------------------------------------------- money ----
def fmt_money(cents, style="std"):
    whole, frac = divmod(cents, 100)
    if style == "int" and frac == 0:
        return "%d" % whole
    if style == "one" and frac % 10 == 0:
        return "%d.%d" % (whole, frac // 10)
    return "%d.%02d" % (whole, frac)


# ----------------------------------------------------------- allocation ----
def allocate(invoices, payments, credit_notes, as_of):
    """Open amount per invoice and unapplied credit per customer as of as_of.

    Rules (same as tests/data/good/README.md): cleared payments and credit
    notes in (date, id) order; one naming an invoice settles it first, the
    excess (and an unnamed one entirely) goes to the customer's open invoices
    issued on or before its date, oldest due date first (then issue date,
    then invoice_id); what is left is unapplied credit.  Bounced payments
    settle nothing.
    """
    open_amt = {}
    by_cust = {}
    for inv in invoices:
        if inv["issue"] <= as_of:
            open_amt[inv["id"]] = inv["cents"]
            by_cust.setdefault(inv["cust"], []).append(inv)
    for lst in by_cust.values():
        lst.sort(key=lambda i: (i["due"], i["issue"], i["id"]))
    events = [p for p in payments if p["status"] == "cleared"] + list(credit_notes)
    events = [e for e in events if e["date"] <= as_of]
    events.sort(key=lambda e: (e["date"], e["id"]))
    unapplied = {}
    for e in events:
        left = e["cents"]
        named = e.get("inv")
        if named and named in open_amt:
            take = min(left, open_amt[named])
            open_amt[named] -= take
            left -= take
        for inv in by_cust.get(e["cust"], []):
            if left == 0:
                break
            if inv["issue"] <= e["date"] and open_amt[inv["id"]] > 0:
                take = min(left, open_amt[inv["id"]])
                open_amt[inv["id"]] -= take
                left -= take
        if left:
            unapplied[e["cust"]] = unapplied.get(e["cust"], 0) + left
    return open_amt, unapplied


BUCKETS = ["current", "1-30", "31-60", "61-90", "91-120", "over 120"]


def bucket_of(days_past_due):
    if days_past_due <= 0:
        return 0
    return min(5, (days_past_due - 1) // 30 + 1)


# ------------------------------------------------------------ generation ----
def make_customers(rng):
    names, seen = [], list(SPECIAL_NAMES)
    n_special = len(SPECIAL_NAMES)
    while len(names) < N_CUSTOMERS - n_special:
        if rng.random() < 0.62:
            name = (rng.choice(CITIES) + rng.choice(TRADE_NAMES) +
                    rng.choice(INDUSTRIES_CN) + rng.choice(SUFFIX_CN))
        else:
            name = "%s %s %s" % (rng.choice(EN_FIRST), rng.choice(EN_INDUSTRY),
                                 rng.choice(EN_SUFFIX))
        if name not in seen:
            seen.append(name)
            names.append(name)
    for special in SPECIAL_NAMES:
        names.insert(rng.randrange(len(names) + 1), special)
    customers = []
    for i, name in enumerate(names):
        size = math.exp(rng.gauss(math.log(15000), 0.75))       # median invoice
        limit = round(size * rng.uniform(4, 10) / 10000) * 10000
        limit = max(50000, min(2000000, limit))
        start = START
        if rng.random() < 0.25:                                 # joined later
            start = add_days(START, rng.randrange(60, 540))
        customers.append({
            "id": "C%04d" % (i + 1),
            "name": name,
            "rep": rng.choices(REPS, REP_WEIGHTS)[0],
            "terms": rng.choices(TERMS, TERMS_WEIGHTS)[0],
            "limit": limit * 100,
            "segment": rng.choices(SEGMENTS, SEGMENT_WEIGHTS)[0],
            "size": size,
            "activity": math.exp(rng.gauss(0, 0.8)),
            "behaviour": rng.choices(BEHAVIOURS, BEHAVIOUR_WEIGHTS)[0],
            "start": start,
            "end": AS_OF,             # last day with any activity allowed
            "dormant": False,
        })
    # Chronic non-payers and dormant accounts (disjoint, chosen among
    # customers active from the start so that they have history).
    early = [c for c in customers if c["start"] == START]
    picked = rng.sample(early, N_CHRONIC + N_DORMANT)
    for c in picked[:N_CHRONIC]:
        c["behaviour"] = "chronic"
        c["activity"] = max(c["activity"], 1.0)
    for c in picked[N_CHRONIC:]:
        c["behaviour"] = "poor"
        c["dormant"] = True
        c["activity"] = max(c["activity"], 0.8)
        c["end"] = add_days(dt.date(2025, 10, 1), rng.randrange(0, 160))
    return customers


def invoice_cents(rng, size):
    x = size * math.exp(rng.gauss(0, 0.7))
    x = max(500.0, min(300000.0, x))
    r = rng.random()
    if r < 0.15:                                   # round hundreds: 12500.00
        cents = max(5, int(round(x / 100.0))) * 100 * 100
        cents = min(cents, 300000 * 100)
        style = "int" if rng.random() < 0.1 else "std"
    elif r < 0.27:                                 # ten-cent amounts: 980.5
        cents = int(round(x * 10)) * 10
        style = "one"
    else:
        cents = int(round(x * 100))
        style = "std"
    return max(50000, min(30000000, cents)), style


def make_invoices(rng, customers):
    weights = []
    for c in customers:
        span = (c["end"] - c["start"]).days + 1
        weights.append(c["activity"] * span)
    total_w = sum(weights)
    invoices = []
    contract_seq = 0
    project_seq = 0
    for c, w in zip(customers, weights):
        n = max(2, int(round(N_INVOICES * w / total_w)))
        span = (c["end"] - c["start"]).days
        contracts = []
        for _ in range(rng.randrange(0, 4)):
            contract_seq += 1
            contracts.append("HT-%s-%04d" % (rng.choice(["2024", "2025"]), contract_seq))
        projects = []
        if c["segment"] == "project" or rng.random() < 0.1:
            for _ in range(rng.randrange(1, 4)):
                project_seq += 1
                projects.append("PRJ-%03d" % project_seq)
        for _ in range(n):
            issue = weekday_on_or_before(add_days(c["start"], rng.randrange(0, span + 1)))
            issue = max(issue, c["start"])
            cents, style = invoice_cents(rng, c["size"])
            derived = due_from_terms(issue, c["terms"])
            explicit = None
            if rng.random() < 0.4:
                r = rng.random()
                if r < 0.7:
                    explicit = derived
                elif r < 0.9:
                    explicit = add_days(derived, rng.choice([15, 30]))
                else:
                    explicit = add_days(issue, rng.choice([0, 7, 90]))
            contract = rng.choice(contracts) if contracts and rng.random() < 0.6 else ""
            project = rng.choice(projects) if projects and rng.random() < 0.7 else ""
            invoices.append({
                "cust": c["id"], "issue": issue, "cents": cents, "style": style,
                "due": explicit or derived, "due_text": explicit.isoformat() if explicit else "",
                "contract": contract, "project": project, "rep": "",
                "tie": rng.random(),
            })
    invoices.sort(key=lambda i: (i["issue"], i["cust"], i["tie"]))
    for k, inv in enumerate(invoices):
        inv["id"] = "INV-%06d" % (k + 1)
    cust_by_id = {c["id"]: c for c in customers}
    for inv in rng.sample(invoices, N_REP_OVERRIDES):
        own = cust_by_id[inv["cust"]]["rep"]
        inv["rep"] = rng.choice([r for r in REPS if r != own])
    return invoices


def lateness(rng, behaviour):
    """Days between the due date and payment (negative = early)."""
    if behaviour == "prompt":
        return int(max(-20, min(5, rng.gauss(-5, 5))))
    if behaviour == "on_time":
        return int(max(-5, min(20, rng.gauss(3, 6))))
    if behaviour == "slow":
        return int(max(0, min(60, rng.gauss(20, 12))))
    if behaviour == "poor":
        return rng.randrange(30, 151)
    return rng.randrange(90, 301)                  # chronic


def make_payments(rng, customers, invoices):
    cust_by_id = {c["id"]: c for c in customers}
    inv_by_cust = {}
    for inv in invoices:
        inv_by_cust.setdefault(inv["cust"], []).append(inv)

    # Dormant customers: the last two invoices are never paid.
    never_paid = []
    for c in customers:
        if c["dormant"]:
            never_paid.extend(i["id"] for i in inv_by_cust[c["id"]][-2:])

    # Credit notes first: they reduce what the customer pays.
    credit_notes = []
    cn_candidates = [i for i in invoices
                     if add_days(i["issue"], 45) <= cust_by_id[i["cust"]]["end"]]
    for k, inv in enumerate(rng.sample(cn_candidates, N_CREDIT_NOTES)):
        pct = rng.uniform(0.02, 0.30)
        cents = max(100, int(round(inv["cents"] * pct)))
        credit_notes.append({
            "cust": inv["cust"], "date": add_days(inv["issue"], rng.randrange(5, 46)),
            "cents": cents, "inv": inv["id"] if k < N_CREDIT_NOTES_NAMED else "",
            "reason": rng.choice(CN_REASONS), "tie": rng.random(), "for": inv["id"],
        })
    credited = {cn["for"]: cn["cents"] for cn in credit_notes}

    # Base payment date per invoice (None: not paid by the customer's end).
    plan = []
    for inv in invoices:
        c = cust_by_id[inv["cust"]]
        due_cents = inv["cents"] - credited.get(inv["id"], 0)
        if inv["id"] in never_paid:
            continue
        if c["behaviour"] == "chronic" and rng.random() > 0.3:
            continue
        if rng.random() < 0.01:                    # disputed, never paid
            continue
        pay = add_days(inv["due"], lateness(rng, c["behaviour"]))
        if pay < inv["issue"]:
            pay = inv["issue"]
        if pay > c["end"]:
            continue
        plan.append({"inv": inv, "cust": c, "date": pay, "cents": due_cents})

    # Special modes on disjoint random subsets of the plan.
    idx = list(range(len(plan)))
    rng.shuffle(idx)
    mode = {}

    def take(n, ok, name):
        got = 0
        for i in idx:
            if got == n:
                break
            if i not in mode and ok(plan[i]):
                mode[i] = name
                got += 1
        assert got == n, name

    def short_unit(cents):
        return 10000 if cents < 1000000 else rng.choice([10000, 100000])

    take(N_SHORT, lambda p: p["cents"] >= 100000 and p["cents"] % 10000 != 0
         and p["inv"]["id"] not in credited, "short")
    take(N_BOUNCED, lambda p: add_days(p["date"], 21) <= p["cust"]["end"], "bounced")
    take(N_ON_ACCOUNT, lambda p: p["inv"]["id"] not in credited, "on_account")
    take(N_INSTALMENT, lambda p: p["cents"] >= 200000, "instalment")

    payments = []

    def pay(c, date, cents, inv_id, method=None, status="cleared"):
        assert cents > 0 and date <= c["end"]
        payments.append({"cust": c["id"], "date": date, "cents": cents,
                         "method": method or rng.choices(METHODS, METHOD_WEIGHTS)[0],
                         "status": status, "inv": inv_id, "tie": rng.random()})

    n_bounced_done = 0
    stats = {"short": 0, "bounced": 0, "replaced": 0, "on_account": 0,
             "instalment": 0, "prepayment": 0, "duplicate": 0}
    for i, p in enumerate(plan):
        c, inv, m = p["cust"], p["inv"], mode.get(i, "full")
        if m == "short":
            unit = short_unit(p["cents"])
            paid = p["cents"] // unit * unit
            if paid == p["cents"] or paid == 0:
                unit = 10000
                paid = p["cents"] // unit * unit
            pay(c, p["date"], paid, inv["id"])
            stats["short"] += 1
        elif m == "bounced":
            pay(c, p["date"], p["cents"], inv["id"], "cheque", "bounced")
            stats["bounced"] += 1
            if n_bounced_done < N_BOUNCED_REPLACED:
                pay(c, add_days(p["date"], rng.randrange(3, 22)), p["cents"], inv["id"],
                    rng.choice(["transfer", "transfer", "draft", "cheque"]))
                stats["replaced"] += 1
            n_bounced_done += 1
        elif m == "on_account":
            pay(c, p["date"], p["cents"], "")
            stats["on_account"] += 1
        elif m == "instalment":
            k = rng.randrange(2, 5)
            cuts = sorted(rng.sample(range(1, p["cents"] // 100), k - 1))
            parts = [(b - a) * 100 for a, b in zip([0] + cuts, cuts + [p["cents"] // 100])]
            parts[-1] += p["cents"] % 100
            date = add_days(p["date"], -rng.randrange(0, 30))
            date = max(date, inv["issue"])
            for part in parts:
                if date > c["end"]:
                    break                          # rest still open
                pay(c, date, part, inv["id"])
                date = add_days(date, rng.randrange(14, 45))
            stats["instalment"] += 1
        else:
            pay(c, p["date"], p["cents"], inv["id"])

    # Prepayments: on-account deposits dated before the customer's first
    # invoice (nothing to settle at that date -> unapplied credit).
    late_starters = [c for c in customers if not c["dormant"]
                     and inv_by_cust[c["id"]][0]["issue"] >= add_days(START, 45)]
    for c in rng.sample(late_starters, N_PREPAYMENTS):
        first = inv_by_cust[c["id"]][0]["issue"]
        pay(c, add_days(first, -rng.randrange(5, 41)),
            rng.choice([5000, 10000, 20000, 50000]) * 100, "", "transfer")
        stats["prepayment"] += 1
    return payments, credit_notes, stats


def add_duplicates(rng, customers, invoices, payments, credit_notes, stats):
    """Customers who paid a recent invoice twice, on account, leaving unapplied
    cash; chosen so that the allocation really leaves money unapplied."""
    named = {}
    for p in payments:
        if p["status"] == "cleared" and p["inv"]:
            named.setdefault(p["inv"], []).append(p)
    candidates = [c for c in customers if c["behaviour"] == "prompt" and not c["dormant"]]
    rng.shuffle(candidates)
    open_amt, unapplied = allocate(invoices, payments, credit_notes, AS_OF)
    for c in candidates:
        if stats["duplicate"] == N_DUPLICATES:
            break
        mine = [i for i in invoices if i["cust"] == c["id"]
                and i["id"] in named and open_amt[i["id"]] == 0]
        if not mine or unapplied.get(c["id"]):
            continue
        inv = mine[-1]
        last = max(p["date"] for p in named[inv["id"]])
        date = min(AS_OF, add_days(last, rng.randrange(2, 10)))
        eligible_open = sum(open_amt[i["id"]] for i in invoices
                            if i["cust"] == c["id"] and i["issue"] <= date)
        if eligible_open >= inv["cents"]:
            continue
        payments.append({"cust": c["id"], "date": date, "cents": inv["cents"],
                         "method": "transfer", "status": "cleared", "inv": "",
                         "tie": rng.random(), "id": "PAY-9%05d" % len(payments)})
        new_open, new_unapplied = allocate(invoices, payments, credit_notes, AS_OF)
        if not new_unapplied.get(c["id"]):
            payments.pop()
            continue
        open_amt, unapplied = new_open, new_unapplied
        stats["duplicate"] += 1
    assert stats["duplicate"] == N_DUPLICATES


# ----------------------------------------------------------- validation ----
def check(customers, invoices, payments, credit_notes):
    cust_ids = [c["id"] for c in customers]
    assert len(cust_ids) == len(dict.fromkeys(cust_ids))
    known = dict.fromkeys(cust_ids)
    inv_by_id = {}
    for inv in invoices:
        assert inv["id"] not in inv_by_id and inv["cust"] in known
        assert START <= inv["issue"] <= AS_OF and inv["due"] >= inv["issue"]
        assert 50000 <= inv["cents"] <= 30000000
        inv_by_id[inv["id"]] = inv
    applied = {}
    for kind, rows in (("payment", payments), ("credit note", credit_notes)):
        ids = [r["id"] for r in rows]
        assert len(ids) == len(dict.fromkeys(ids)), kind
        for r in rows:
            assert r["cust"] in known and r["cents"] > 0 and START <= r["date"] <= AS_OF
            if r["inv"]:
                inv = inv_by_id[r["inv"]]
                assert inv["cust"] == r["cust"] and r["date"] >= inv["issue"], r
                if r.get("status", "cleared") == "cleared":
                    applied[r["inv"]] = applied.get(r["inv"], 0) + r["cents"]
    for inv_id, cents in applied.items():
        assert cents <= inv_by_id[inv_id]["cents"], inv_id
    for c in customers:
        assert "\n" not in c["name"] and "\r" not in c["name"]
        assert 5000000 <= c["limit"] <= 200000000


def last_activity(customers, invoices, payments, credit_notes):
    last = {c["id"]: None for c in customers}
    for rows, key in ((invoices, "issue"), (payments, "date"), (credit_notes, "date")):
        for r in rows:
            d = r[key]
            if last[r["cust"]] is None or d > last[r["cust"]]:
                last[r["cust"]] = d
    return last


# ---------------------------------------------------------------- output ----
def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    rng = random.Random(SEED)
    customers = make_customers(rng)
    invoices = make_invoices(rng, customers)
    payments, credit_notes, stats = make_payments(rng, customers, invoices)
    # Temporary ids for the allocation used by add_duplicates.
    for k, p in enumerate(sorted(payments, key=lambda p: (p["date"], p["tie"]))):
        p["id"] = "PAY-%06d" % (k + 1)
    for k, cn in enumerate(sorted(credit_notes, key=lambda r: (r["date"], r["tie"]))):
        cn["id"] = "CN-%04d" % (k + 1)
    add_duplicates(rng, customers, invoices, payments, credit_notes, stats)

    payments.sort(key=lambda p: (p["date"], p["tie"]))
    for k, p in enumerate(payments):
        p["id"] = "PAY-%06d" % (k + 1)
    credit_notes.sort(key=lambda r: (r["date"], r["tie"]))
    for k, cn in enumerate(credit_notes):
        cn["id"] = "CN-%04d" % (k + 1)

    check(customers, invoices, payments, credit_notes)

    open_amt, unapplied = allocate(invoices, payments, credit_notes, AS_OF)
    last = last_activity(customers, invoices, payments, credit_notes)
    cutoff = add_days(AS_OF, -DORMANT_DAYS)
    open_by_cust = {}
    buckets = [0] * 6
    for inv in invoices:
        amt = open_amt[inv["id"]]
        if amt:
            open_by_cust[inv["cust"]] = open_by_cust.get(inv["cust"], 0) + amt
            buckets[bucket_of((AS_OF - inv["due"]).days)] += amt
    dormant = [c["id"] for c in customers
               if open_by_cust.get(c["id"], 0) > 0 and last[c["id"]] < cutoff]
    assert len(dormant) >= 2, dormant
    for c in customers:
        if c["dormant"]:
            assert c["id"] in dormant, c["id"]

    write_csv("customers.csv",
              ["customer_id", "name", "sales_rep", "terms", "credit_limit", "segment"],
              [[c["id"], c["name"], c["rep"], c["terms"], fmt_money(c["limit"]),
                c["segment"]] for c in customers])
    write_csv("invoices.csv",
              ["invoice_id", "customer_id", "issue_date", "due_date", "amount",
               "contract_no", "project_no", "sales_rep"],
              [[i["id"], i["cust"], i["issue"].isoformat(), i["due_text"],
                fmt_money(i["cents"], i["style"]), i["contract"], i["project"], i["rep"]]
               for i in invoices])
    write_csv("payments.csv",
              ["payment_id", "customer_id", "date", "amount", "method", "status",
               "invoice_id"],
              [[p["id"], p["cust"], p["date"].isoformat(), fmt_money(p["cents"]),
                p["method"], p["status"], p["inv"]] for p in payments])
    write_csv("credit_notes.csv",
              ["credit_note_id", "customer_id", "date", "amount", "invoice_id", "reason"],
              [[r["id"], r["cust"], r["date"].isoformat(), fmt_money(r["cents"]),
                r["inv"], r["reason"]] for r in credit_notes])

    cleared = [p for p in payments if p["status"] == "cleared"]
    bounced = [p for p in payments if p["status"] == "bounced"]
    print("huikuan sample portfolio  seed=%d  %s..%s  as of %s"
          % (SEED, START, AS_OF, AS_OF))
    print("customers        %6d" % len(customers))
    print("invoices         %6d  total %14d minor units  (explicit due_date: %d)"
          % (len(invoices), sum(i["cents"] for i in invoices),
             sum(1 for i in invoices if i["due_text"])))
    print("payments         %6d  cleared %d = %d minor units, bounced %d = %d minor units"
          % (len(payments), len(cleared), sum(p["cents"] for p in cleared),
             len(bounced), sum(p["cents"] for p in bounced)))
    print("credit notes     %6d  total %14d minor units  (naming an invoice: %d)"
          % (len(credit_notes), sum(r["cents"] for r in credit_notes),
             sum(1 for r in credit_notes if r["inv"])))
    print("special payments  short %d, bounced %d (replaced %d), on-account %d "
          "(of which prepayments %d, duplicates %d), instalment invoices %d"
          % (stats["short"], stats["bounced"], stats["replaced"],
             sum(1 for p in payments if not p["inv"]), stats["prepayment"],
             stats["duplicate"], stats["instalment"]))
    print("open balance as of %s: %d minor units over %d customers"
          % (AS_OF, sum(buckets), len(open_by_cust)))
    print("aging            " + ", ".join("%s %d" % (b, a) for b, a in zip(BUCKETS, buckets)))
    print("unapplied cash   %d minor units at %d customers (%s)"
          % (sum(unapplied.values()), len(unapplied), " ".join(sorted(unapplied))))
    print("dormant (open, no activity since %s): %s"
          % (cutoff, " ".join("%s(last %s)" % (d, last[d]) for d in dormant)))


if __name__ == "__main__":
    main()
