#!/usr/bin/env python3
"""Deterministic exposure data for the huikuan sample portfolio.

Run:    /usr/bin/python3 examples/sample/generate_exposure.py
Input:  customers.csv, invoices.csv, payments.csv, credit_notes.csv (written
        by generate.py; read only, never changed).
Output (next to this script, UTF-8, LF line endings, RFC 4180 quoting):
    orders.csv         order_id,customer_id,date,amount,status,closed_date
    aging_history.csv  snapshot_date,bucket,balance

orders.csv: sales orders placed 2026-08-01 .. AS_OF (2026-10-31), nothing
dated later.  Customers order roughly as often as they were invoiced from
May to October 2026; dormant customers (nothing since 2026-04-01) do not.
An order's amount is one of the customer's 2026 invoice amounts times
0.6..1.4.  Orders placed before 2026-10-10 were mostly invoiced 2..15 days
later (status invoiced, closed_date set), some cancelled, the rest still
open; later orders are mostly open.  Three customers whose open invoices
already use 60..95% of their credit limit also have one large open order
that takes them 5..20% over it, so the order release check has something to
block.

aging_history.csv: the portfolio's aging at every month end from
2025-05-31 to AS_OF by days past due in the default buckets (current, 1-30,
31-60, 61-90, 91-120, over 120), computed from the ledger files with
huikuan's allocation rules (allocation.hpp): per customer, cleared payments
and credit notes in date order, payments before credit notes on a day, then
ids in byte order; one naming an invoice issued on or before its date
settles it first; the rest goes to open invoices issued on or before its
date, oldest due date first (then issue date, then file order); what is
left stays on account.  Every snapshot after the first also has a row
"left oldest": the part of the previous snapshot's over-120 balance that
was settled by this one (open items stay over 120 days, so without it the
roll into the oldest bucket could not be told from the stock).

Determinism: only the standard library, a fixed SEED, one random.Random;
no set or dict-hash iteration order.  The same inputs give the same bytes.
A summary is printed at the end.
"""

import datetime as dt
import os
import random
import sys

SEED = 20261125
AS_OF = dt.date(2026, 10, 31)
ORDERS_FROM = dt.date(2026, 8, 1)
INVOICED_BEFORE = dt.date(2026, 10, 10)
ACTIVE_SINCE = dt.date(2026, 5, 1)
DORMANT_SINCE = dt.date(2026, 4, 1)
FIRST_SNAPSHOT = (2025, 5)
N_OVER_LIMIT = 3
EDGES = [0, 30, 60, 90, 120]
LABELS = ["current", "1-30", "31-60", "61-90", "91-120", "over 120"]

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------- input ----
# The sample's own helpers, imported read-only: the CSV reader and exact
# amounts of generate_financials.py, the terms and CSV writer of generate.py.
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import generate                                   # noqa: E402
from generate_financials import cents_of, read_csv  # noqa: E402

fmt_cents = generate.fmt_money


def load_ledger():
    customers = read_csv("customers.csv")
    terms = {c["customer_id"]: c["terms"] for c in customers}
    invoices = []
    for k, r in enumerate(read_csv("invoices.csv")):
        issue = dt.date.fromisoformat(r["issue_date"])
        due = (dt.date.fromisoformat(r["due_date"]) if r["due_date"]
               else generate.due_from_terms(issue, terms[r["customer_id"]]))
        invoices.append({"id": r["invoice_id"], "cust": r["customer_id"], "issue": issue, "due": due,
                         "cents": cents_of(r["amount"]), "order": k})
    events = []
    for r in read_csv("payments.csv"):
        if r["status"] == "cleared":
            events.append({"id": r["payment_id"], "cust": r["customer_id"], "date": dt.date.fromisoformat(r["date"]),
                           "cents": cents_of(r["amount"]), "inv": r["invoice_id"], "kind": 0})
    for r in read_csv("credit_notes.csv"):
        events.append({"id": r["credit_note_id"], "cust": r["customer_id"], "date": dt.date.fromisoformat(r["date"]),
                       "cents": cents_of(r["amount"]), "inv": r["invoice_id"], "kind": 1})
    return customers, invoices, events


# ----------------------------------------------------------- allocation ----
def allocate(invoices, events, as_of):
    """Open amount per invoice id as of as_of, by huikuan's allocation rules."""
    by_id = {i["id"]: i for i in invoices}
    open_amt = {i["id"]: (i["cents"] if i["issue"] <= as_of else 0) for i in invoices}
    by_cust = {}
    for i in invoices:
        if i["issue"] <= as_of:
            by_cust.setdefault(i["cust"], []).append(i)
    for lst in by_cust.values():
        lst.sort(key=lambda i: (i["due"], i["issue"], i["order"]))
    todo = [e for e in events if e["date"] <= as_of]
    todo.sort(key=lambda e: (e["cust"], e["date"], e["kind"], e["id"].encode("utf-8")))
    for e in todo:
        left = e["cents"]
        named = by_id.get(e["inv"]) if e["inv"] else None
        if named is not None and named["issue"] <= e["date"]:
            take = min(left, open_amt[named["id"]])
            open_amt[named["id"]] -= take
            left -= take
        for inv in by_cust.get(e["cust"], []):
            if left == 0:
                break
            if inv["issue"] <= e["date"] and open_amt[inv["id"]] > 0:
                take = min(left, open_amt[inv["id"]])
                open_amt[inv["id"]] -= take
                left -= take
    return open_amt


def bucket_of(days_past_due):
    for k, edge in enumerate(EDGES):
        if days_past_due <= edge:
            return k
    return len(EDGES)


# ---------------------------------------------------------------- history ----
def month_ends():
    year, month = FIRST_SNAPSHOT
    while True:
        d = generate.end_of_month(dt.date(year, month, 1))
        if d > AS_OF:
            return
        yield d
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def make_history(invoices, events):
    rows = []
    previous = None           # open amounts of the items over 120 days at the last snapshot
    for d in month_ends():
        open_amt = allocate(invoices, events, d)
        balances = [0] * len(LABELS)
        oldest = {}
        for inv in invoices:
            amt = open_amt[inv["id"]]
            if amt:
                k = bucket_of((d - inv["due"]).days)
                balances[k] += amt
                if k == len(EDGES):
                    oldest[inv["id"]] = amt
        for label, cents in zip(LABELS, balances):
            rows.append([d.isoformat(), label, fmt_cents(cents)])
        if previous is not None:
            left = sum(amt - open_amt[iid] for iid, amt in sorted(previous.items()))
            rows.append([d.isoformat(), "left oldest", fmt_cents(left)])
        previous = oldest
    return rows


# ----------------------------------------------------------------- orders ----
def weekday_on_or_before(d):
    while d.weekday() >= 5:
        d -= dt.timedelta(days=1)
    return d


def make_orders(rng, customers, invoices, events):
    recent = {}
    amounts = {}
    last_seen = {}
    for inv in invoices:
        last_seen[inv["cust"]] = max(last_seen.get(inv["cust"], inv["issue"]), inv["issue"])
        if inv["issue"] >= ACTIVE_SINCE:
            recent[inv["cust"]] = recent.get(inv["cust"], 0) + 1
        if inv["issue"].year == 2026:
            amounts.setdefault(inv["cust"], []).append(inv["cents"])
    for e in events:
        last_seen[e["cust"]] = max(last_seen.get(e["cust"], e["date"]), e["date"])

    span = (AS_OF - ORDERS_FROM).days
    orders = []
    for c in customers:
        cid = c["customer_id"]
        if cid not in amounts or last_seen.get(cid, ORDERS_FROM) < DORMANT_SINCE:
            continue
        # About a third as many orders in three months as invoices in six.
        expected = recent.get(cid, 0) / 3.0
        n = int(expected) + (1 if rng.random() < expected - int(expected) else 0)
        for _ in range(n):
            date = weekday_on_or_before(ORDERS_FROM + dt.timedelta(days=rng.randrange(span + 1)))
            date = max(date, ORDERS_FROM)
            cents = int(round(rng.choice(amounts[cid]) * rng.uniform(0.6, 1.4)))
            r = rng.random()
            if date < INVOICED_BEFORE:
                status = "invoiced" if r < 0.75 else "cancelled" if r < 0.85 else "open"
            else:
                status = "open" if r < 0.85 else "invoiced" if r < 0.95 else "cancelled"
            closed = ""
            if status != "open":
                closed_on = date + dt.timedelta(days=rng.randrange(2, 16) if status == "invoiced" else rng.randrange(0, 11))
                if closed_on > AS_OF:
                    status = "open"
                else:
                    closed = closed_on.isoformat()
            orders.append({"cust": cid, "date": date, "cents": max(100, cents), "status": status, "closed": closed,
                           "tie": rng.random()})

    # A few customers close to their limit with one large open order each.
    open_amt = allocate(invoices, events, AS_OF)
    owed = {}
    for inv in invoices:
        owed[inv["cust"]] = owed.get(inv["cust"], 0) + open_amt[inv["id"]]
    limits = {c["customer_id"]: cents_of(c["credit_limit"]) for c in customers}
    near = [cid for cid in sorted(owed) if cid in amounts and 0.6 <= owed[cid] / limits[cid] <= 0.95
            and last_seen.get(cid, ORDERS_FROM) >= DORMANT_SINCE]
    for cid in rng.sample(near, N_OVER_LIMIT):
        pending = sum(o["cents"] for o in orders if o["cust"] == cid and o["status"] == "open")
        target = int(limits[cid] * rng.uniform(1.05, 1.20))
        cents = max(100, target - owed[cid] - pending)
        date = weekday_on_or_before(AS_OF - dt.timedelta(days=rng.randrange(0, 10)))
        orders.append({"cust": cid, "date": date, "cents": cents, "status": "open", "closed": "", "tie": rng.random()})

    orders.sort(key=lambda o: (o["date"], o["tie"]))
    for k, o in enumerate(orders):
        o["id"] = "SO-%05d" % (k + 1)
    return orders


def check(orders, customers):
    known = {c["customer_id"] for c in customers}
    for o in orders:
        assert o["cust"] in known, o
        assert ORDERS_FROM <= o["date"] <= AS_OF, o
        assert o["cents"] > 0, o
        assert (o["status"] == "open") == (o["closed"] == ""), o
        if o["closed"]:
            assert o["date"] <= dt.date.fromisoformat(o["closed"]) <= AS_OF, o


def main():
    rng = random.Random(SEED)
    customers, invoices, events = load_ledger()
    orders = make_orders(rng, customers, invoices, events)
    check(orders, customers)
    history = make_history(invoices, events)
    generate.write_csv("orders.csv", ["order_id", "customer_id", "date", "amount", "status", "closed_date"],
              [[o["id"], o["cust"], o["date"].isoformat(), fmt_cents(o["cents"]), o["status"], o["closed"]]
               for o in orders])
    generate.write_csv("aging_history.csv", ["snapshot_date", "bucket", "balance"], history)

    open_orders = [o for o in orders if o["status"] == "open"]
    print("huikuan sample exposure data  seed=%d  as of %s" % (SEED, AS_OF))
    print("orders.csv         %d orders (%d open, %d invoiced, %d cancelled), %d customers; open %s"
          % (len(orders), len(open_orders), sum(o["status"] == "invoiced" for o in orders),
             sum(o["status"] == "cancelled" for o in orders), len({o["cust"] for o in orders}),
             fmt_cents(sum(o["cents"] for o in open_orders))))
    snapshots = [r for r in history if r[1] == "current"]
    print("aging_history.csv  %d month-end snapshots %s .. %s" % (len(snapshots), snapshots[0][0], snapshots[-1][0]))
    last = [r for r in history if r[0] == snapshots[-1][0]]
    print("  last: " + "  ".join("%s %s" % (r[1], r[2]) for r in last))


if __name__ == "__main__":
    main()
