"""The whole job written with pandas the way the original demo writes it (see docs/benchmarks.md, "compare --job full").

read_csv with parse_dates, two left merges (products on product_id, then customers on customer_id), revenue = qty * price,
groupby sums sorted highest first, to_csv of the enriched table and of the KPI tables; the "recommendations" are the
original's three global lists (top 5 products, top 5 categories, each segment's top category).

Usage: python3 pandas_job.py DATA_DIR OUT_DIR. Prints one line, "##REPORT " + JSON: the peak resident set
(ru_maxrss, as Linux's VmHWM) in bytes and the seconds of each stage.
"""
import json
import os
import resource
import sys
import time

import pandas as pd


def main(data, out):
    started = time.perf_counter()
    stages = {}

    def lap(name, since):
        now = time.perf_counter()
        stages[name] = now - since
        return now

    t = started
    customers = pd.read_csv(os.path.join(data, "customers.csv"), parse_dates=["signup_date"])
    products = pd.read_csv(os.path.join(data, "products.csv"))
    transactions = pd.read_csv(os.path.join(data, "transactions.csv"), parse_dates=["ts"])
    t = lap("load", t)

    events = transactions.merge(products, on="product_id", how="left")
    events = events.merge(customers, on="customer_id", how="left")
    events["revenue"] = events["qty"] * events["price"]
    t = lap("enrich", t)

    kpi_overall = pd.DataFrame([{
        "customers": events["customer_id"].nunique(),
        "transactions": len(events),
        "revenue": events["revenue"].sum(),
    }])
    kpi_by_segment = events.groupby("segment")["revenue"].sum().sort_values(ascending=False).reset_index()
    kpi_by_category = events.groupby("category")["revenue"].sum().sort_values(ascending=False).reset_index()
    top_products = (events.groupby(["product_id", "category"])["revenue"].sum()
                    .sort_values(ascending=False).head(10).reset_index())
    t = lap("kpis", t)

    rec_top_products = top_products.head(5)
    rec_top_categories = kpi_by_category.head(5)
    by_segment_category = events.groupby(["segment", "category"])["revenue"].sum().reset_index()
    rec_segment_category = (by_segment_category.sort_values(["segment", "revenue"], ascending=[True, False])
                            .groupby("segment").head(1).reset_index(drop=True))
    t = lap("recommend", t)

    os.makedirs(os.path.join(out, "recommendations"), exist_ok=True)
    events.to_csv(os.path.join(out, "events_enriched.csv"), index=False)
    kpi_overall.to_csv(os.path.join(out, "kpi_overall.csv"), index=False)
    kpi_by_segment.to_csv(os.path.join(out, "kpi_by_segment.csv"), index=False)
    kpi_by_category.to_csv(os.path.join(out, "kpi_by_category.csv"), index=False)
    top_products.to_csv(os.path.join(out, "top_products.csv"), index=False)
    rec_top_products.to_csv(os.path.join(out, "recommendations", "top_products.csv"), index=False)
    rec_top_categories.to_csv(os.path.join(out, "recommendations", "top_categories.csv"), index=False)
    rec_segment_category.to_csv(os.path.join(out, "recommendations", "top_category_per_segment.csv"), index=False)
    t = lap("write", t)

    stages["total"] = t - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print("##REPORT " + json.dumps({"Approach": "pandas", "PeakWorkingSetBytes": peak, "Stages": stages}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
