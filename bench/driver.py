#!/usr/bin/env python3
"""The Prax benchmark's client side (bench/run.sh calls it): prepares the data set through the
benchmark profile's endpoints, signs users in, writes wrk target files, runs the scenarios wrk
cannot (revocation across two nodes, sessions held per GiB, audit verify under a heap cap) and
writes the results table. Talks only to 127.0.0.1. Standard library only."""

import argparse
import base64
import concurrent.futures
import http.client
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse

PASSWORD = "correct horse battery staple"
SEARCH_TERM = "harbor"


class Client:
    """One keep-alive HTTP connection to one node."""

    def __init__(self, base):
        url = urllib.parse.urlparse(base)
        self.host, self.port = url.hostname, url.port
        self.conn = None

    def call(self, method, path, body=None, token=None, timeout=600):
        headers = {"Accept": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                raw = response.read()
                try:
                    payload = json.loads(raw) if raw else None
                except ValueError:
                    payload = raw.decode(errors="replace")
                return response.status, payload
            except (http.client.HTTPException, OSError):
                self.conn = None
                if attempt == 1:
                    raise

    def ok(self, method, path, body=None, token=None, expect=(200, 201)):
        status, payload = self.call(method, path, body, token)
        if status not in expect:
            raise SystemExit(f"{method} {path} answered {status}: {str(payload)[:300]}")
        return payload


def login(client, tenant, email):
    answer = client.ok("POST", "/api/v1/auth/login", {"tenant": tenant, "email": email, "password": PASSWORD})
    if "accessToken" not in answer:
        raise SystemExit(f"sign-in of {email} did not answer tokens (MFA required?): {answer}")
    return answer["accessToken"]


def session_id(token):
    claims = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))["sid"]


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------- prepare (once per data dir)

def prepare(args):
    c = Client(args.base)
    state_file = os.path.join(args.work, "dataset.json")
    if os.path.exists(state_file):
        log("data set already prepared: " + state_file)
        return
    started = time.time()
    state = {"users": args.users, "big": args.big, "fillers": args.fillers, "audit": args.audit, "timings": {}}

    def workspace(slug, users):
        return c.ok("POST", "/bench/data/workspaces",
                    {"slug": slug, "adminEmail": f"admin@{slug}.example", "password": PASSWORD, "users": users})

    state["bench"] = workspace("bench", args.users)
    state["writers"] = [workspace(f"bench-w{i}", 2) for i in range(1, 9)]
    state["big_tenant"] = workspace("bench-big", 0)
    state["audit_tenant"] = workspace("bench-audit", 0)
    c.ok("POST", "/bench/data/customers?slug=bench&count=1000")
    t = time.time()
    log(f"bulk: {args.big} customers in bench-big")
    state["timings"]["big_customers"] = c.ok("POST", f"/bench/data/customers?slug=bench-big&count={args.big}")
    log(f"bulk: {args.fillers} filler tenants x {args.filler_customers} customers")
    state["timings"]["fillers"] = c.ok(
        "POST", f"/bench/data/fillers?tenants={args.fillers}&customersEach={args.filler_customers}")
    log(f"bulk: {args.audit} audit events in bench-audit")
    state["timings"]["audit_events"] = c.ok(
        "POST", f"/bench/data/audit-events?slug=bench-audit&actor={state['audit_tenant']['adminId']}&count={args.audit}")
    state["timings"]["total_seconds"] = round(time.time() - started, 1)
    log(f"data set prepared in {time.time() - t:.0f} s of bulk work")
    with open(state_file, "w") as f:
        json.dump(state, f, indent=2)


# ---------------------------------------------------------------- targets (per node start: tokens live 15 min)

def targets(args):
    c = Client(args.base)
    state = json.load(open(os.path.join(args.work, "dataset.json")))
    out = args.out
    os.makedirs(out, exist_ok=True)

    def write(name, lines):
        with open(os.path.join(out, name), "w") as f:
            f.write("\n".join("\t".join(line) for line in lines) + "\n")

    def parallel_logins(pairs):
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            return list(pool.map(lambda p: login(Client(args.base), *p), pairs))

    readers = parallel_logins([("bench", f"user{i}@bench.example") for i in range(1, 17)])
    writers = parallel_logins([(f"bench-w{i}", f"user{j}@bench-w{i}.example") for i in range(1, 9) for j in (1, 2)])
    admin = login(c, "bench", "admin@bench.example")
    big_admin = login(c, "bench-big", "admin@bench-big.example")
    customer = c.ok("GET", "/api/v1/customers?limit=1", token=admin)["items"][0]["id"]
    tenant = state["bench"]["tenantId"]
    body = json.dumps({"name": "Bench Customer %n", "email": "c%n@bench.example",
                       "billingAddress": {"city": "Berlin", "country": "DE"}})

    write("read_auth.tsv", [(f"/api/v1/customers/{customer}", t, "-") for t in readers])
    write("read_base.tsv", [(f"/bench/baseline/tenants/{tenant}/customers/{customer}", "-", "-")])
    write("read_service.tsv", [(f"/bench/baseline/tenants/{tenant}/customers/{customer}/through-service", "-", "-")])
    write("create_one.tsv", [("/api/v1/customers", t, body) for t in readers])
    write("create_eight.tsv", [("/api/v1/customers", t, body) for t in writers])
    write("base_one.tsv", [(f"/bench/baseline/tenants/{tenant}/customers", "-", body)])
    write("base_eight.tsv", [(f"/bench/baseline/tenants/{w['tenantId']}/customers", "-", body) for w in state["writers"]])
    # sign-ins rotate over accounts the other scenarios do not use
    write("signin.tsv", [("/api/v1/auth/login", "-", json.dumps(
        {"tenant": "bench", "email": f"user{i}@bench.example", "password": PASSWORD}))
        for i in range(17, state["users"] + 1)])

    lists = {}
    for name, query in (("list", ""), ("search", f"q={SEARCH_TERM}&")):
        first = f"/api/v1/customers?{query}limit=50"
        # the 100th page, or the last one of a smaller data set (quick mode)
        path, number = first, 1
        while number < 100:
            cursor = c.ok("GET", path, token=big_admin)["nextCursor"]
            if not cursor:
                break
            path, number = f"/api/v1/customers?{query}limit=50&cursor={urllib.parse.quote(cursor)}", number + 1
        lists[name] = {"first": first, "deep": path, "deep_page": number}
        write(f"{name}_first.tsv", [(first, big_admin, "-")])
        write(f"{name}_page100.tsv", [(path, big_admin, "-")])
    json.dump({"customer": customer, "lists": lists}, open(os.path.join(out, "targets.json"), "w"), indent=2)
    log(f"targets written to {out}")


# ---------------------------------------------------------------- scenario 4: revocation across nodes

def revocation(args):
    a, b = Client(args.base), Client(args.other)
    state = json.load(open(os.path.join(args.work, "dataset.json")))
    admin = login(a, "bench", "admin@bench.example")
    users = [f"user{i}@bench.example" for i in range(17, state["users"] + 1)]
    after_ack, from_request, polls_list, allowed_after_ack = [], [], [], 0
    for trial in range(args.trials):
        token = login(a, "bench", users[trial % len(users)])
        status, _ = b.call("GET", "/api/v1/me", token=token)
        if status != 200:
            raise SystemExit(f"node B refused a fresh session: {status}")
        sid = session_id(token)
        sent = time.perf_counter()
        a.ok("DELETE", f"/api/v1/admin/sessions/{sid}", token=admin, expect=(200, 204))
        acked = time.perf_counter()
        polls = 0
        while True:
            status, _ = b.call("GET", "/api/v1/me", token=token)
            polls += 1
            if status == 401:
                break
            allowed_after_ack += 1
            if time.perf_counter() - acked > 10:
                raise SystemExit("node B still accepts a session revoked 10 s ago")
        refused = time.perf_counter()
        after_ack.append((refused - acked) * 1000)
        from_request.append((refused - sent) * 1000)
        polls_list.append(polls)
    result = {"trials": args.trials,
              "ack_to_refusal_ms": summary(after_ack),
              "request_to_refusal_ms": summary(from_request),
              "requests_on_b_accepted_after_ack": allowed_after_ack,
              "trials_refused_on_first_request": sum(1 for p in polls_list if p == 1)}
    json.dump(result, open(args.result, "w"), indent=2)
    log(f"revocation: {result}")


def summary(values):
    ordered = sorted(values)

    def pct(p):
        return round(ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))], 2)

    return {"p50": pct(50), "p99": pct(99), "max": round(ordered[-1], 2), "mean": round(statistics.mean(ordered), 2)}


# ---------------------------------------------------------------- scenario 7: memory and sessions per GiB

def sessions(args):
    c = Client(args.base)
    state = json.load(open(os.path.join(args.work, "dataset.json")))
    users = [f"user{i}@bench.example" for i in range(17, state["users"] + 1)]
    before = c.ok("GET", "/bench/data/memory?gc=true")

    def one(i):
        client = Client(args.base)
        token = login(client, "bench", users[i % len(users)])
        client.ok("GET", "/api/v1/me", token=token)
        return token

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        tokens = list(pool.map(one, range(args.count)))
    # every session is used once more, so whatever a node keeps per session is in the heap now
    for token in tokens:
        c.ok("GET", "/api/v1/me", token=token)
    after = c.ok("GET", "/bench/data/memory?gc=true")
    delta = after["heapUsedBytes"] - before["heapUsedBytes"]
    per_session = max(delta, 0) / args.count
    result = {"sessions": args.count, "heap_before_bytes": before["heapUsedBytes"],
              "heap_after_bytes": after["heapUsedBytes"], "heap_delta_bytes": delta,
              "bytes_per_session": round(per_session),
              "sessions_per_gib": round(2 ** 30 / per_session) if per_session > 0 else None,
              "rss_bytes": after["rssBytes"], "heap_max_bytes": after["heapMaxBytes"]}
    json.dump(result, open(args.result, "w"), indent=2)
    log(f"sessions: {result}")


# ---------------------------------------------------------------- scenario 3: audit verify under -Xmx256m

def verify(args):
    c = Client(args.base)
    token = login(c, "bench-audit", "admin@bench-audit.example")
    samples, stop = [], threading.Event()

    def sample():
        probe = Client(args.base)
        while not stop.is_set():
            try:
                samples.append(probe.ok("GET", "/bench/data/memory")["heapUsedBytes"])
            except SystemExit:
                pass
            time.sleep(0.2)

    before = c.ok("GET", "/bench/data/memory?gc=true")
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    answer = c.ok("GET", "/api/v1/audit/verify", token=token)
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    after = c.ok("GET", "/bench/data/memory?gc=true")
    result = {"valid": answer["valid"], "checked_events": answer["checkedEvents"], "problem": answer["problem"],
              "seconds": round(seconds, 2), "events_per_second": round(answer["checkedEvents"] / seconds),
              "heap_max_bytes": before["heapMaxBytes"], "heap_after_gc_before_bytes": before["heapUsedBytes"],
              "heap_after_gc_after_bytes": after["heapUsedBytes"],
              "heap_used_peak_during_bytes": max(samples) if samples else None,
              "heap_samples": len(samples), "rss_after_bytes": after["rssBytes"]}
    json.dump(result, open(args.result, "w"), indent=2)
    log(f"verify: {result}")


# ---------------------------------------------------------------- scenario 5 and 6 extras

def extras(args):
    c = Client(args.base)
    json.dump(c.ok("GET", "/bench/data/password-cost?checks=20"), open(os.path.join(args.out, "argon2.json"), "w"))
    plans = c.ok("GET", f"/bench/data/plans?slug=bench-big&term={SEARCH_TERM}")
    json.dump(plans, open(os.path.join(args.out, "plans.json"), "w"), indent=2)
    log("password cost and query plans written")


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--base", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--users", type=int, default=400)
    p.add_argument("--big", type=int, default=1_000_000)
    p.add_argument("--fillers", type=int, default=999)
    p.add_argument("--filler-customers", type=int, default=200)
    p.add_argument("--audit", type=int, default=1_000_000)
    p.set_defaults(run=prepare)
    p = sub.add_parser("targets")
    p.add_argument("--base", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(run=targets)
    p = sub.add_parser("revocation")
    p.add_argument("--base", required=True)
    p.add_argument("--other", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--trials", type=int, default=200)
    p.add_argument("--result", required=True)
    p.set_defaults(run=revocation)
    p = sub.add_parser("sessions")
    p.add_argument("--base", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--count", type=int, default=300)
    p.add_argument("--result", required=True)
    p.set_defaults(run=sessions)
    p = sub.add_parser("verify")
    p.add_argument("--base", required=True)
    p.add_argument("--result", required=True)
    p.set_defaults(run=verify)
    p = sub.add_parser("extras")
    p.add_argument("--base", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(run=extras)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    sys.exit(main())
