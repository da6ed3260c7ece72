#!/usr/bin/env bash
# Benchmark harness: authenticated API throughput and latency on this machine.
# Starts the packaged Prax on a fresh data directory with the demo tenant, signs in, and drives
# GET /api/v1/customers and GET /api/v1/customers/{id} with wrk over loopback for a bounded time.
# Usage: bench/api-throughput.sh [seconds per run, default 20]   (needs: wrk, curl, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
port=18181
work=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

./mvnw -q -B -DskipTests package
PRAX_DATA_DIR="$work/data" PORT=$port PRAX_RATE_LIMITS_ENABLED=false \
  java -Xmx512m -jar target/prax.jar --demo > "$work/prax.log" 2>&1 &
prax=$!
trap 'kill $prax 2>/dev/null || true; wait $prax 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 90); do curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
password=$(grep 'admin@acme.example (ADMIN)' "$work/prax.log" | awk '{print $NF}')
token=$(curl -fsS -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"tenant\":\"acme\",\"email\":\"admin@acme.example\",\"password\":\"$password\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
id=$(curl -fsS "http://127.0.0.1:$port/api/v1/customers?limit=1" -H "Authorization: Bearer $token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

echo "warm-up"; wrk -t2 -c8 -d5s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/customers" >/dev/null
for path in "/api/v1/customers" "/api/v1/customers/$id"; do
  echo "== GET $path (${duration}s, 2 threads, 16 connections)"
  wrk -t2 -c16 -d"${duration}s" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path" \
    | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
done
echo "== resident memory of the Prax JVM after the runs"
grep VmRSS "/proc/$prax/status"
