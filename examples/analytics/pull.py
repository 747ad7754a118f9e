"""Pulls a year of investment statistics and of lights by district and month, and every project, into pandas.

    pip install requests pandas
    KPD_URL=http://localhost:4000 KPD_TOKEN=kpd_api_... python examples/analytics/pull.py 2020

One request per year for the statistics and one for the lights (an alias per month), pages of 100
for the projects; the
cost of each answer is printed from extensions.cost, and a THROTTLED answer is waited out for its
Retry-After. Amounts arrive as exact decimal strings in 元: they are read as Decimal, never float.
The token needs read:figures and read:projects.
"""
import os
import sys
import time
from decimal import Decimal

import pandas as pd
import requests

URL = os.environ.get("KPD_URL", "http://localhost:4000")
TOKEN = os.environ["KPD_TOKEN"]


def query(text, variables=None):
    while True:
        res = requests.post(f"{URL}/graphql", json={"query": text, "variables": variables or {}},
                            headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
        body = res.json()
        cost = (body.get("extensions") or {}).get("cost")
        if cost:
            print(f"cost: requested {cost['requested']}, actual {cost['actual']}, remaining {cost['remaining']}", file=sys.stderr)
        errors = body.get("errors") or []
        if any(e.get("extensions", {}).get("code") == "THROTTLED" for e in errors):
            wait = int(res.headers.get("Retry-After", "1"))
            print(f"throttled: waiting {wait} s", file=sys.stderr)
            time.sleep(wait)
            continue
        if errors:
            raise RuntimeError("; ".join(f"{e.get('extensions', {}).get('code')}: {e['message']}" for e in errors))
        return body["data"]


def statistics(year):
    area = query("{ me { area { id name } } }")["me"]["area"]
    months = [f"{year}-{m:02d}" for m in range(1, 13)]
    fields = "rows { key label monthActual ytdActual ytdPlanned reported }"
    text = "query($a: ID!) { " + " ".join(
        f'm{i + 1}: investmentStats(areaId: $a, period: "{m}", groupBy: DISTRICT) {{ {fields} }}' for i, m in enumerate(months)) + " }"
    data = query(text, {"a": area["id"]})
    rows = [dict(period=m, district=r["label"], monthActual=Decimal(r["monthActual"]), ytdActual=Decimal(r["ytdActual"]),
                 ytdPlanned=Decimal(r["ytdPlanned"]), reported=r["reported"])
            for i, m in enumerate(months) for r in data[f"m{i + 1}"]["rows"]]
    return pd.DataFrame(rows)


def lights(year):
    area = query("{ me { area { id } } }")["me"]["area"]
    months = [f"{year}-{m:02d}" for m in range(1, 13)]
    fields = "districts { district { name } green yellow red total }"
    text = "query($a: ID!) { " + " ".join(
        f'm{i + 1}: lightBoard(areaId: $a, period: "{m}") {{ {fields} }}' for i, m in enumerate(months)) + " }"
    data = query(text, {"a": area["id"]})
    rows = [dict(period=m, district=d["district"]["name"], green=d["green"], yellow=d["yellow"], red=d["red"], projects=d["total"])
            for i, m in enumerate(months) for d in data[f"m{i + 1}"]["districts"]]
    return pd.DataFrame(rows)


def projects():
    nodes, after = [], None
    while True:
        page = query("query($after: String) { projects(first: 100, after: $after) { nodes { code name stage category totalInvestment "
                     "district { name } } pageInfo { hasNextPage endCursor } } }", {"after": after})["projects"]
        nodes += [dict(code=p["code"], name=p["name"], district=p["district"]["name"], stage=p["stage"], category=p["category"],
                       totalInvestment=Decimal(p["totalInvestment"])) for p in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            return pd.DataFrame(nodes)
        after = page["pageInfo"]["endCursor"]


if __name__ == "__main__":
    year = int(sys.argv[1]) if len(sys.argv) > 1 else 2020
    stats = statistics(year)
    # Missing is not zero: months a district did not report stay apart from those it reported 0.
    print(stats[stats.reported].pivot_table(index="district", columns="period", values="monthActual", aggfunc="first"))
    print(lights(year).pivot_table(index="district", columns="period", values="red", aggfunc="first"))
    print(projects().groupby("district")["totalInvestment"].sum())
