#!/usr/bin/env python3
"""Turns one harness run (bench/results/<time>/<jdk>/*.json) into results.json and results.md:
every scenario next to its baseline and its target, per JDK, misses marked."""

import argparse
import datetime
import json
import os
import platform
import subprocess

KEYCLOAK_PER_VCPU = 15  # password sign-ins per second per vCPU, Keycloak's published sizing


def load(directory, name):
    path = os.path.join(directory, name + ".json")
    return json.load(open(path)) if os.path.exists(path) else None


def mib(value):
    return f"{value / 2 ** 20:.0f} MiB" if value is not None else "—"


def mark(ok):
    return "met" if ok else "**missed**"


def machine():
    cpus = os.cpu_count()
    model = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    except OSError:
        mem = 0
    load_avg = os.getloadavg()
    return {"cpus": cpus, "cpu_model": model, "memory_gib": round(mem / 2 ** 20, 1), "kernel": platform.release(),
            "load_average_at_end": [round(x, 1) for x in load_avg]}


def cpu_ratio(base, other):
    """What the throughput ratio would be if CPU were the only limit (the machine is shared, so rates are noisy)."""
    try:
        b = base["app_cpu_ms_per_request"] + base["db_cpu_ms_per_request"]
        o = other["app_cpu_ms_per_request"] + other["db_cpu_ms_per_request"]
        return f" By CPU per request (Prax + PostgreSQL) the ratio is {b / o:.2f}." if o > 0 else ""
    except (KeyError, TypeError):
        return ""


def ceilings(d, audited):
    """What bounds one tenant's audited creates on this machine, from this run's own measurements."""
    lines = []
    disk = load(os.path.dirname(d), "disk")
    if disk:
        lines.append(f"Flush ceiling: this disk completes {disk['flushes_per_second']:,.0f} WAL-sized flushes/s "
                     f"({disk['method']}); a tenant's head row stays locked until its commit's flush, so one "
                     f"tenant's audited writes cannot exceed that rate, whatever the code does.")
    try:
        per = audited["app_cpu_ms_per_request"] + audited["db_cpu_ms_per_request"]
        cpus = os.cpu_count() or 1
        lines.append(f"CPU ceiling: an audited create costs {per:.2f} ms of CPU (Prax + PostgreSQL), so {cpus} "
                     f"cores, fully used and with the load generator on them too, serve at most "
                     f"{cpus * 1000 / per:,.0f}/s.")
    except (KeyError, TypeError, ZeroDivisionError):
        pass
    return lines + [""] if lines else []


def jdk_section(label, d):
    figures, lines = {}, [f"## {label}", ""]
    version = open(os.path.join(d, "java-version.txt")).read().strip().splitlines() if os.path.exists(
        os.path.join(d, "java-version.txt")) else []
    if version:
        lines += [f"`{version[0]}` — `{version[-1]}`", ""]

    def row(name, r, extra=""):
        if r is None:
            return f"| {name} | — | — | — | — | — |{extra}"
        rate = f"{r['ok_rps']:.0f}" if r["ok_rps"] >= 100 else f"{r['ok_rps']:.1f}"
        cpu = (f"{r['app_cpu_ms_per_request']:.2f} + {r['db_cpu_ms_per_request']:.2f}"
               if "app_cpu_ms_per_request" in r else "—")
        return f"| {name} | {rate} | {r['p50_ms']:.1f} ms | {r['p99_ms']:.1f} ms | {r['non2xx']} | {cpu} |{extra}"

    # (1)
    base, service, auth = (load(d, "s1-read-baseline"), load(d, "s1-read-service"),
                           load(d, "s1-read-authenticated"))
    lines += ["### (1) Authenticated read vs baseline reads (16 connections)", "",
              "| request | requests/s | p50 | p99 | non-2xx | CPU ms/request (Prax + PostgreSQL) |",
              "| --- | --- | --- | --- | --- | --- |",
              row("baseline, plain SQL `GET /bench/baseline/…/customers/{id}` (no security, no ORM)", base),
              row("baseline, the service's read `…/customers/{id}/through-service` (no security)", service),
              row("`GET /api/v1/customers/{id}` (bearer token, 16 users)", auth), ""]
    if base and auth:
        ratio = auth["ok_rps"] / base["ok_rps"]
        # The target is judged against the baseline that differs from the API by the security alone.
        judged = auth["ok_rps"] / service["ok_rps"] if service else ratio
        figures["s1"] = {"baseline": base, "service": service, "authenticated": auth, "ratio": round(ratio, 3),
                         "ratio_service": round(judged, 3), "met": judged >= 0.7}
        lines += [f"Ratio {judged:.2f} × the service baseline (the same read without the security); target ≥ 0.70: "
                  f"{mark(judged >= 0.7)}." + (cpu_ratio(service, auth) if service else ""),
                  f"Against plain SQL (which also leaves out Hibernate): {ratio:.2f} ×." + cpu_ratio(base, auth), ""]

    # (2)
    rows = {k: load(d, f"s2-{k}") for k in ("insert-baseline-1-tenant", "create-audited-1-tenant",
                                            "insert-baseline-8-tenants", "create-audited-8-tenants")}
    lines += ["### (2) Audited create vs baseline insert (16 connections)", "",
              "| request | creates/s | p50 | p99 | non-2xx | CPU ms/request (Prax + PostgreSQL) |",
              "| --- | --- | --- | --- | --- | --- |",
              row("baseline plain insert, 1 tenant", rows["insert-baseline-1-tenant"]),
              row("`POST /api/v1/customers` audited, 1 tenant (16 users)", rows["create-audited-1-tenant"]),
              row("baseline plain insert, 8 tenants", rows["insert-baseline-8-tenants"]),
              row("`POST /api/v1/customers` audited, 8 tenants (2 users each)", rows["create-audited-8-tenants"]), ""]
    if all(rows.values()):
        one = rows["create-audited-1-tenant"]["ok_rps"]
        r1 = one / rows["insert-baseline-1-tenant"]["ok_rps"]
        r8 = rows["create-audited-8-tenants"]["ok_rps"] / rows["insert-baseline-8-tenants"]["ok_rps"]
        figures["s2"] = {**rows, "ratio_1_tenant": round(r1, 3), "ratio_8_tenants": round(r8, 3),
                         "met": one >= 1000 and r1 >= 0.5 and r8 >= 0.5}
        lines += [f"One tenant: {one:.0f} audited creates/s, target ≥ 1,000/s: {mark(one >= 1000)}; "
                  f"{r1:.2f} × baseline, target ≥ 0.5: {mark(r1 >= 0.5)}. "
                  f"Eight tenants: {r8:.2f} × baseline: {mark(r8 >= 0.5)}."
                  + cpu_ratio(rows["insert-baseline-1-tenant"], rows["create-audited-1-tenant"]).replace(
                      "the ratio", "the one-tenant ratio"), ""]
        lines += ceilings(d, rows["create-audited-1-tenant"])

    # (3)
    v = load(d, "s3-verify")
    lines += ["### (3) Audit verify, second node with -Xmx256m", ""]
    if v:
        rate = v["events_per_second"]
        constant = v["valid"] and v["heap_after_gc_after_bytes"] <= v["heap_after_gc_before_bytes"] + 32 * 2 ** 20
        figures["s3"] = {**v, "met": rate >= 300000 and constant}
        lines += ["| events checked | valid | time | events/s | heap max | heap after GC before → after | peak heap used during |",
                  "| --- | --- | --- | --- | --- | --- | --- |",
                  f"| {v['checked_events']:,} | {v['valid']} {v['problem'] or ''} | {v['seconds']} s | {rate:,} | "
                  f"{mib(v['heap_max_bytes'])} | {mib(v['heap_after_gc_before_bytes'])} → "
                  f"{mib(v['heap_after_gc_after_bytes'])} | {mib(v['heap_used_peak_during_bytes'])} "
                  f"({v['heap_samples']} samples) |", "",
                  f"Target ≥ 300,000 events/s: {mark(rate >= 300000)}; constant memory (no OutOfMemoryError under "
                  f"256 MiB, heap after GC unchanged within 32 MiB): {mark(constant)}.", ""]

    # (4)
    r = load(d, "s4-revocation")
    lines += ["### (4) Revocation: revoke on node A → refusal on node B", ""]
    if r:
        p99 = r["ack_to_refusal_ms"]["p99"]
        figures["s4"] = {**r, "met": p99 < 1000}
        a, q = r["ack_to_refusal_ms"], r["request_to_refusal_ms"]
        lines += ["| measured from | p50 | p99 | max | mean |", "| --- | --- | --- | --- | --- |",
                  f"| node A's 204 to the revoke → node B's first 401 | {a['p50']} ms | {a['p99']} ms | {a['max']} ms | {a['mean']} ms |",
                  f"| sending the revoke → node B's first 401 | {q['p50']} ms | {q['p99']} ms | {q['max']} ms | {q['mean']} ms |",
                  "", f"{r['trials']} trials; node B was polled without pause from A's answer on: "
                  f"{r['trials_refused_on_first_request']} trials were refused on the very first request, "
                  f"{r['requests_on_b_accepted_after_ack']} requests on B were still accepted after A had answered. "
                  f"The figure includes one request round trip to B. Target p99 < 1 s: {mark(p99 < 1000)}.", ""]

    # (5)
    s = {c: load(d, f"s5-sign-in-{c}") for c in ("1-client", "4-clients", "16-clients")}
    cost = load(d, "argon2")
    cpus = os.cpu_count() or 1
    lines += ["### (5) Sign-in (`POST /api/v1/auth/login`, password only, distinct accounts)", "",
              "| clients | sign-ins/s | p50 | p99 | non-2xx (503 busy) | CPU ms/sign-in (Prax + PostgreSQL) |",
              "| --- | --- | --- | --- | --- | --- |"]
    for c, r in s.items():
        lines.append(row(c.replace("-", " "), r))
    if cost:
        lines += ["", f"Argon2id alone (`{cost['algorithm']}`, in-process, {cost['checks']} checks with no other request on the node): "
                  f"p50 {cost['p50Millis']:.1f} ms, p99 {cost['p99Millis']:.1f} ms."]
    if s["4-clients"]:
        best = max(r["ok_rps"] for r in s.values() if r)
        figures["s5"] = {**s, "argon2": cost, "saturation_rps": best, "keycloak_reference_rps": KEYCLOAK_PER_VCPU * cpus}
        lines += ["", f"At saturation {best:.1f} sign-ins/s on {cpus} vCPUs ({best / cpus:.1f} per vCPU) with the "
                  f"load generator and PostgreSQL on the same cores; Keycloak's published sizing is "
                  f"{KEYCLOAK_PER_VCPU} password sign-ins/s per vCPU ({KEYCLOAK_PER_VCPU * cpus}/s here)."]
    lines.append("")

    # (6)
    lists = {k: load(d, f"s6-{k}") for k in ("list_first", "list_page100", "search_first", "search_page100")}
    lines += ["### (6) Lists at scale (4 connections, page size 50, name order)", "",
              "| request | requests/s | p50 | p99 | non-2xx | CPU ms/request (Prax + PostgreSQL) | target p99 < 50 ms |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    pages = (load(d, "targets") or {}).get("lists", {})
    deep = {k: pages.get(k, {}).get("deep_page", 100) for k in ("list", "search")}
    names = {"list_first": "customers, page 1", "list_page100": f"customers, page {deep['list']} (keyset cursor)",
             "search_first": "name search `q=harbor`, page 1",
             "search_page100": f"name search `q=harbor`, page {deep['search']}"}
    met = True
    for k, r in lists.items():
        ok = r is not None and r["p99_ms"] < 50
        met = met and ok
        lines.append(row(names[k], r, f" {mark(ok)} |"))
    figures["s6"] = {**lists, "met": met}
    lines += ["", "Query plans (`EXPLAIN (ANALYZE, BUFFERS)`, as the application role in the tenant): "
              f"[`{label}/plans.json`]({label}/plans.json), also below.", ""]

    # (7)
    m = load(d, "s7-memory")
    lines += ["### (7) Memory (node A, -Xmx512m, after all runs)", ""]
    if m:
        figures["s7"] = m
        per = m["sessions_per_gib"]
        lines += [f"RSS {mib(m['rss_bytes'])}; heap after a full GC {mib(m['heap_after_bytes'])} "
                  f"(max {mib(m['heap_max_bytes'])}). Heap after GC before → after {m['sessions']} further sessions "
                  f"signed in and used: {mib(m['heap_before_bytes'])} → {mib(m['heap_after_bytes'])} "
                  f"({m['heap_delta_bytes'] / 1024:.0f} KiB, {m['bytes_per_session']:,} bytes per session): "
                  + (f"about {per:,} sessions held per GiB of heap." if per else
                     "below the noise of the measurement, so no per-session heap can be told.")
                  + " Sessions themselves live in PostgreSQL; a node keeps only its caches.", ""]
    plans = load(d, "plans")
    if plans:
        lines += ["#### Query plans", ""]
        for name, plan in plans.items():
            lines += [f"{name}:", "", "```", plan, "```", ""]
    titles = {"read": "authenticated read (separate 10 s run, not one of the figures)",
              "create": "audited create, one tenant (separate 10 s run, not one of the figures)",
              "verify": "audit verify on node B (the measured run)"}
    for jfr, title in titles.items():
        path = os.path.join(d, f"jfr-{jfr}.txt")
        if os.path.exists(path):
            lines += [f"#### JFR profile: {title}", "", "```", open(path).read().strip(), "```", ""]
    return figures, lines


def summary_table(jdks):
    """One line per target, one column per JDK."""
    labels = list(jdks)

    def cell(label, key, render):
        f = jdks[label].get(key)
        try:
            return render(f) if f else "—"
        except (KeyError, TypeError, ZeroDivisionError):
            return "—"

    def cpu(r):
        return f"{r['app_cpu_ms_per_request'] + r['db_cpu_ms_per_request']:.1f} ms" if "app_cpu_ms_per_request" in r else "—"

    def ok(flag):
        return "met" if flag else "**missed**"

    rows = [
        ("(1) authenticated read ≥ 0.7 × baseline", "s1", lambda f: f"{f['authenticated']['ok_rps']:.0f}/s vs "
         f"{(f['service'] or f['baseline'])['ok_rps']:.0f}/s (service) = {f['ratio_service']:.2f} × ({ok(f['met'])}), "
         f"vs {f['baseline']['ok_rps']:.0f}/s (plain SQL) = {f['ratio']:.2f} ×; p50 {f['authenticated']['p50_ms']:.0f} ms, "
         f"p99 {f['authenticated']['p99_ms']:.0f} ms; CPU/request {cpu(f['authenticated'])} vs "
         f"{cpu(f['service'] or f['baseline'])} (service), {cpu(f['baseline'])} (SQL)"),
        ("(2) audited creates ≥ 1,000/s in one tenant and ≥ 0.5 × baseline", "s2", lambda f:
         f"{f['create-audited-1-tenant']['ok_rps']:.0f}/s = {f['ratio_1_tenant']:.2f} × (one tenant), "
         f"{f['create-audited-8-tenants']['ok_rps']:.0f}/s = {f['ratio_8_tenants']:.2f} × (8 tenants) ({ok(f['met'])}); "
         f"CPU/create {cpu(f['create-audited-1-tenant'])} vs {cpu(f['insert-baseline-1-tenant'])}"),
        ("(3) audit verify ≥ 300,000 events/s, 256 MiB heap, constant memory", "s3", lambda f:
         f"{f['events_per_second']:,}/s over {f['checked_events']:,} events, valid={f['valid']}, heap after GC "
         f"{mib(f['heap_after_gc_before_bytes'])} → {mib(f['heap_after_gc_after_bytes'])} ({ok(f['met'])})"),
        ("(4) revocation A → B, p99 < 1 s", "s4", lambda f: f"p50 {f['ack_to_refusal_ms']['p50']:.0f} ms, "
         f"p99 {f['ack_to_refusal_ms']['p99']:.0f} ms ({ok(f['met'])})"),
        ("(5) sign-in (Keycloak: 15/s per vCPU)", "s5", lambda f: f"{f['saturation_rps']:.1f}/s at saturation; "
         f"1 client p50 {f['1-client']['p50_ms']:.0f} ms, p99 {f['1-client']['p99_ms']:.0f} ms; Argon2id alone p50 "
         f"{f['argon2']['p50Millis']:.0f} ms"),
        ("(6) lists p99 < 50 ms", "s6", lambda f: ", ".join(
            f"{k.replace('_', ' ')} {f[k]['p99_ms']:.0f} ms" for k in ("list_first", "list_page100", "search_first",
                                                                      "search_page100") if f.get(k))
         + f" ({ok(f['met'])})"),
        ("(7) memory", "s7", lambda f: f"RSS {mib(f['rss_bytes'])}, heap after GC {mib(f['heap_after_bytes'])}, "
         + (f"{f['bytes_per_session']:,} B/session ≈ {f['sessions_per_gib']:,} sessions/GiB (near the noise)"
          if f["sessions_per_gib"] else f"heap per session below the noise ({f['heap_delta_bytes'] / 1024:.0f} KiB "
          f"for {f['sessions']} sessions)")),
    ]
    lines = ["## Summary", "", "| target | " + " | ".join(labels) + " |", "| --- |" + " --- |" * len(labels)]
    for title, key, render in rows:
        lines.append(f"| {title} | " + " | ".join(cell(label, key, render) for label in labels) + " |")
    return lines + [""]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--mode", default="full")
    parser.add_argument("--command", default="bench/run.sh")
    args = parser.parse_args()
    labels = sorted(n for n in os.listdir(args.results) if os.path.isdir(os.path.join(args.results, n)))
    dataset = load(args.results, "dataset") or {}
    info = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "command": args.command, "mode": args.mode, "machine": machine(), "dataset": dataset, "jdks": {}}
    try:
        info["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                        text=True).stdout.strip()
    except OSError:
        pass
    md = ["# Prax benchmark results", "",
          f"`{args.command}` ({args.mode} mode), {info['date']}, commit {info.get('commit', '?')}.",
          f"Machine: {info['machine']['cpus']} vCPUs ({info['machine']['cpu_model']}), "
          f"{info['machine']['memory_gib']} GiB, load average at the end {info['machine']['load_average_at_end']}; "
          "wrk, both Prax nodes and PostgreSQL share these cores, so the figures are noisy.",
          f"Data set: {dataset.get('big', '?'):,} customers in `bench-big` among {dataset.get('fillers', 0) + 12} tenants, "
          f"{dataset.get('audit', '?'):,} audit events in `bench-audit`, {dataset.get('users', '?')} users in `bench` "
          f"(preparation: {dataset.get('timings', {}).get('total_seconds', '?')} s).", ""]
    sections = []
    for label in labels:
        figures, lines = jdk_section(label, os.path.join(args.results, label))
        info["jdks"][label] = figures
        sections += lines
    md += summary_table(info["jdks"]) + sections
    json.dump(info, open(os.path.join(args.results, "results.json"), "w"), indent=2)
    open(os.path.join(args.results, "results.md"), "w").write("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
