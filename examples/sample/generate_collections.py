#!/usr/bin/env python3
"""Deterministic collections data for the huikuan sample portfolio.

Run:    /usr/bin/python3 examples/sample/generate_collections.py
Input:  customers.csv, invoices.csv, payments.csv (written by generate.py).
Output (next to this script, UTF-8, LF line endings):
    promises.csv   promise_id,customer_id,promised_on,due_date,amount,tolerance_days,note
                   one row per instalment; promises are derived from real
                   payments so that some are kept, some kept late (broken),
                   some partially kept, and some still pending after the
                   reference date 2026-10-31.
    targets.csv    customer_id,period,kind,amount,due_date,description,asked
                   October and November 2026 targets for the customers with
                   the largest open balances: target, commitment, measures
                   and a phased plan.
    disputes.csv   invoice_id,opened_on,resolved_on,reason
    contacts.csv   customer_id,date,action,outcome
    holidays.csv   date,kind,name   China's 2026 public holidays and the
                   weekend days worked in exchange (调休), as published by the
                   State Council for 2026 (sample data: check before use).
"""
import csv
import datetime as dt
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = dt.date(2026, 10, 31)
rng = random.Random(20261031)


def read(name):
    with open(os.path.join(HERE, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def day(text):
    return dt.date.fromisoformat(text)


def cents(text):
    whole, _, frac = text.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def money(c):
    return f"{c // 100}.{c % 100:02d}"


customers = read("customers.csv")
invoices = read("invoices.csv")
payments = read("payments.csv")
rep_of = {c["customer_id"]: c["sales_rep"] for c in customers}

# Open balance per customer as of AS_OF (invoices minus cleared payments, a
# rough figure used only to choose whom the sample targets and promises are for).
balance = {c["customer_id"]: 0 for c in customers}
for inv in invoices:
    if day(inv["issue_date"]) <= AS_OF:
        balance[inv["customer_id"]] += cents(inv["amount"])
for p in payments:
    if p.get("status", "cleared") == "cleared" and day(p["date"]) <= AS_OF:
        balance[p["customer_id"]] -= cents(p["amount"])

# Promises from real payments between May and October 2026.
recent = [p for p in payments
          if p.get("status", "cleared") == "cleared" and dt.date(2026, 5, 1) <= day(p["date"]) <= AS_OF]
rng.shuffle(recent)
promise_rows = []
number = 0
used = set()
for p in recent:
    if len(used) >= 45:
        break
    cid = p["customer_id"]
    if cid in used:
        continue
    used.add(cid)
    number += 1
    pid = f"PTP-{number:04d}"
    paid_on = day(p["date"])
    amount = cents(p["amount"])
    tolerance = rng.choice([0, 2, 3, 5])
    kind = rng.random()
    if kind < 0.45:    # kept: due on or after the payment
        due = paid_on + dt.timedelta(days=rng.randint(0, 6))
        promised = max(amount // 100 * 100, 100)
    elif kind < 0.65:  # broken: the cash came after the deadline
        due = paid_on - dt.timedelta(days=tolerance + rng.randint(3, 20))
        promised = amount
    elif kind < 0.85:  # partially kept: more was promised than paid
        due = paid_on + dt.timedelta(days=rng.randint(0, 3))
        promised = amount + rng.randint(2, 20) * 100000
    else:              # two instalments, the second often missed
        due = paid_on + dt.timedelta(days=rng.randint(0, 4))
        promised = amount
    made = min(due, paid_on) - dt.timedelta(days=rng.randint(2, 14))
    note = "" if rng.random() < 0.6 else rng.choice(["电话承诺", "promised at visit", "经理确认", "by email"])
    promise_rows.append([pid, cid, made.isoformat(), due.isoformat(), money(promised), tolerance, note])
    if kind >= 0.85:
        second = due + dt.timedelta(days=rng.choice([14, 21, 30]))
        promise_rows.append([pid, cid, made.isoformat(), second.isoformat(), money(rng.randint(5, 40) * 100000),
                             tolerance, note])

# Pending promises made in late October, falling due in early November.
overdue_customers = sorted((cid for cid, b in balance.items() if b > 0 and cid not in used),
                           key=lambda cid: (-balance[cid], cid))
for cid in overdue_customers[:14]:
    number += 1
    pid = f"PTP-{number:04d}"
    made = AS_OF - dt.timedelta(days=rng.randint(0, 10))
    due = AS_OF + dt.timedelta(days=rng.randint(1, 12))
    amount = max(balance[cid] // 3 // 100 * 100, 100000)
    promise_rows.append([pid, cid, made.isoformat(), due.isoformat(), money(amount), rng.choice([0, 3]), ""])
promise_rows.sort(key=lambda r: (r[0], r[3]))
write("promises.csv", ["promise_id", "customer_id", "promised_on", "due_date", "amount", "tolerance_days", "note"],
      promise_rows)

# Targets for the 16 largest balances, October and November 2026.
target_rows = []
largest = sorted(balance, key=lambda cid: (-balance[cid], cid))[:16]
for cid in sorted(largest):
    for period, start, end in (("2026-10", dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
                               ("2026-11", dt.date(2026, 11, 1), dt.date(2026, 11, 30))):
        target = max(balance[cid] * rng.randint(30, 60) // 100 // 100000 * 100000, 1000000)
        commitment = target * rng.randint(40, 90) // 100 // 10000 * 10000
        target_rows.append([cid, period, "target", money(target), "", "", ""])
        target_rows.append([cid, period, "commitment", money(commitment), "", "", ""])
        gap = target - commitment
        for description in rng.sample(["ask for payment on the delivered batch", "offer 1% early-payment discount",
                                       "settle the disputed freight charge", "visit the finance manager",
                                       "schedule the quarter-end payment run"], rng.randint(1, 2)):
            asked = gap * rng.randint(20, 50) // 100 // 10000 * 10000
            expected = asked * 3 // 4 // 10000 * 10000
            if expected > 0:
                target_rows.append([cid, period, "measure", money(expected), "", description, money(asked)])
        first = commitment // 2 // 10000 * 10000
        target_rows.append([cid, period, "phase", money(first), (start + dt.timedelta(days=14)).isoformat(), "", ""])
        target_rows.append([cid, period, "phase", money(commitment - first), end.isoformat(), "", ""])
write("targets.csv", ["customer_id", "period", "kind", "amount", "due_date", "description", "asked"], target_rows)

# Disputes on open invoices of a few customers.
open_invoices = [inv for inv in invoices
                 if balance[inv["customer_id"]] > 0 and dt.date(2026, 6, 1) <= day(inv["issue_date"]) <= AS_OF]
dispute_rows = []
for inv in sorted(rng.sample(open_invoices, 10), key=lambda i: i["invoice_id"]):
    opened = day(inv["issue_date"]) + dt.timedelta(days=rng.randint(5, 30))
    opened = min(opened, AS_OF)
    resolved = ""
    if rng.random() < 0.3:
        resolved = min(opened + dt.timedelta(days=rng.randint(5, 20)), AS_OF).isoformat()
    reason = rng.choice(["质量问题", "price differs from the contract", "short delivery", "发票未收到",
                         "damaged in transit"])
    dispute_rows.append([inv["invoice_id"], opened.isoformat(), resolved, reason])
write("disputes.csv", ["invoice_id", "opened_on", "resolved_on", "reason"], dispute_rows)

# Contacts in September and October 2026.
contact_rows = []
debtors = sorted(cid for cid, b in balance.items() if b > 0)
for cid in rng.sample(debtors, min(80, len(debtors))):
    for _ in range(rng.randint(1, 3)):
        when = dt.date(2026, 9, 1) + dt.timedelta(days=rng.randint(0, 60))
        contact_rows.append([cid, when.isoformat(), rng.choice(["phone", "dunning letter", "visit"]),
                             rng.choice(["promised", "no answer", "disputed", "paid", "asked for statement"])])
contact_rows.sort()
write("contacts.csv", ["customer_id", "date", "action", "outcome"], contact_rows)

holidays = [("2026-01-01", "holiday", "元旦"), ("2026-01-02", "holiday", "元旦"), ("2026-01-03", "holiday", "元旦"),
            ("2026-01-04", "workday", "元旦调休")]
holidays += [((dt.date(2026, 2, 15) + dt.timedelta(days=k)).isoformat(), "holiday", "春节") for k in range(9)]
holidays += [("2026-02-14", "workday", "春节调休"), ("2026-02-28", "workday", "春节调休")]
holidays += [("2026-04-04", "holiday", "清明节"), ("2026-04-05", "holiday", "清明节"), ("2026-04-06", "holiday", "清明节")]
holidays += [((dt.date(2026, 5, 1) + dt.timedelta(days=k)).isoformat(), "holiday", "劳动节") for k in range(5)]
holidays += [("2026-05-09", "workday", "劳动节调休")]
holidays += [("2026-06-19", "holiday", "端午节"), ("2026-06-20", "holiday", "端午节"), ("2026-06-21", "holiday", "端午节")]
holidays += [("2026-09-25", "holiday", "中秋节"), ("2026-09-26", "holiday", "中秋节"), ("2026-09-27", "holiday", "中秋节")]
holidays += [((dt.date(2026, 10, 1) + dt.timedelta(days=k)).isoformat(), "holiday", "国庆节") for k in range(7)]
holidays += [("2026-09-20", "workday", "国庆节调休"), ("2026-10-10", "workday", "国庆节调休")]
write("holidays.csv", ["date", "kind", "name"], sorted(holidays))
