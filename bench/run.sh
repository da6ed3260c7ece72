#!/usr/bin/env bash
# The Prax benchmark harness (issue 11): every hot path next to its baseline, in one run.
#
#   bench/run.sh            full run: 1M customers among 1,000 tenants, 1M audit events, 20 s per load
#                           run, on the default JDK and again on /usr/lib/jvm/temurin-25-jdk-amd64 when
#                           present (49 minutes on 2026-12-01 with the 2 cores shared by other builds,
#                           load average 20-30; the data set alone takes 6 of them)
#   bench/run.sh --quick    100k customers, 100k audit events, 6 s runs, 100 revocation trials, default JDK
#                           only (meant for about 5 minutes; 12 minutes under the load of 2026-12-01)
#   options: --jdk25 / --no-jdk25 (force or skip the second JDK), --profile / --no-profile (JFR run of the
#            authenticated read and the audited create; on by default in the full run)
#   env:     BENCH_RATE_LIMITS=off switches the rate-limit filter off (default: on, with limits too high to
#            refuse anything, so its cost stays in the measured path)
#
# Builds target/prax.jar, starts it in the `benchmark` Spring profile on the embedded PostgreSQL on
# 127.0.0.1 with a fresh data directory under bench/work/, prepares the data set through the
# benchmark-only endpoints, drives load with wrk (a separate process) for a bounded time, starts a second
# node (-Xmx256m) on the same PostgreSQL for the revocation and audit-verify scenarios, and writes
# bench/results/<UTC time>/results.{md,json}. Everything it started is stopped by process group
# (trap on exit), and the embedded PostgreSQL by its postmaster pid. Needs: wrk, curl, python3, psql.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

mode=full jdk25=auto profile=auto
for arg in "$@"; do
	case $arg in
		--quick) mode=quick ;;
		--jdk25) jdk25=yes ;;
		--no-jdk25) jdk25=no ;;
		--profile) profile=yes ;;
		--no-profile) profile=no ;;
		*) echo "unknown option $arg (see the header of $0)" >&2; exit 2 ;;
	esac
done
if [[ $mode == quick ]]; then
	duration=6 warm=3 big=100000 fillers=99 filler_customers=100 audit=100000 users=200 trials=100 sessions=50
	[[ $jdk25 == auto ]] && jdk25=no
	[[ $profile == auto ]] && profile=no
else
	duration=20 warm=5 big=1000000 fillers=999 filler_customers=200 audit=1000000 users=800 trials=200 sessions=200
	[[ $profile == auto ]] && profile=yes
fi
for tool in wrk curl python3 psql; do
	command -v $tool >/dev/null || { echo "$tool is missing (wrk: apt-get install -y wrk)" >&2; exit 2; }
done

stamp=$(date -u +%Y%m%dT%H%M%SZ)
work=$root/bench/work/$stamp
results=$root/bench/results/$stamp
mkdir -p "$work" "$results"
port_a=18281 port_b=18282
started_pids=()
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$results/run.log"; }

# Stops one node: its whole process group, then its embedded PostgreSQL if that outlived it.
stop_node() {
	local pid=$1 data=${2:-}
	if kill -0 "$pid" 2>/dev/null; then
		kill -TERM -- "-$pid" 2>/dev/null || true
		for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
		kill -KILL -- "-$pid" 2>/dev/null || true
	fi
	wait "$pid" 2>/dev/null || true
	if [[ -n $data && -f $data/postgres/postmaster.pid ]]; then
		local pg
		pg=$(head -1 "$data/postgres/postmaster.pid")
		if [[ -n $pg ]] && kill -0 "$pg" 2>/dev/null; then
			kill -INT "$pg" 2>/dev/null || true
			for _ in $(seq 1 30); do kill -0 "$pg" 2>/dev/null || break; sleep 1; done
		fi
	fi
}
cleanup() {
	local entry
	for entry in "${started_pids[@]}"; do stop_node "${entry%%:*}" "${entry#*:}"; done
	started_pids=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_node JAVA_HOME NAME PORT HEAP DATA_DIR [extra env...]: starts in its own process group, echoes the pid
start_node() {
	local java_home=$1 name=$2 port=$3 heap=$4 data=$5
	shift 5
	local limits=(PRAX_RATE_LIMIT_AUTH=100000000 PRAX_RATE_LIMIT_API_READ=100000000
		PRAX_RATE_LIMIT_API_WRITE=100000000 PRAX_RATE_LIMIT_EXPORT=100000000)
	[[ ${BENCH_RATE_LIMITS:-on} == off ]] && limits=(PRAX_RATE_LIMITS_ENABLED=false)
	# The checkpoint signer would first walk the bulk-made chain of a million events (after 5 min, during
	# the load runs, on the CPU they measure): a background job, kept out of the request-path figures.
	setsid env PORT="$port" PRAX_DATA_DIR="$data" PRAX_MFA_REQUIRED_BY_DEFAULT=false \
		PRAX_AUDIT_CHECKPOINT_INTERVAL="${BENCH_CHECKPOINT_INTERVAL:-2h}" "${limits[@]}" "$@" \
		"$java_home/bin/java" "-Xmx$heap" -XX:FlightRecorderOptions=stackdepth=256 -jar "$root/target/prax.jar" --spring.profiles.active=benchmark \
		>"$results/$name.log" 2>&1 </dev/null &
	echo $!
}

wait_up() {
	local port=$1 pid=$2
	for _ in $(seq 1 300); do
		curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
		kill -0 "$pid" 2>/dev/null || { log "node on port $port died; see its log in $results"; exit 1; }
		sleep 1
	done
	log "node on port $port did not come up in 300 s"; exit 1
}

# load NAME CONNECTIONS TARGETS METHOD PORT [SECONDS]: one bounded wrk run, summary in NAME.json
load() {
	local name=$1 connections=$2 targets=$3 method=$4 port=$5 seconds=${6:-$duration}
	local threads=2
	((connections < 2)) && threads=1
	local before after
	before=$(python3 "$root/bench/cpu.py" "$pid_a" "$pg_pid")
	WRK_RESULT="$out/$name.json" wrk -t$threads -c"$connections" -d"${seconds}s" --timeout 10s \
		-s "$root/bench/lua/rotate.lua" "http://127.0.0.1:$port" -- "$method" "$out/$targets" >>"$out/wrk.log" 2>&1
	after=$(python3 "$root/bench/cpu.py" "$pid_a" "$pg_pid")
	# CPU per request of node A and of PostgreSQL: less disturbed by the other load on the machine than rates
	python3 - "$out/$name.json" $before $after <<-'PY'
		import json, sys
		path, a0, p0, a1, p1 = sys.argv[1], *map(int, sys.argv[2:])
		r = json.load(open(path))
		n = max(r["requests"], 1)
		r.update(app_cpu_ms=a1 - a0, db_cpu_ms=p1 - p0, app_cpu_ms_per_request=round((a1 - a0) / n, 2),
			db_cpu_ms_per_request=round((p1 - p0) / n, 2))
		json.dump(r, open(path, "w"))
	PY
	log "  $name: $(cat "$out/$name.json")"
}

warmup() { load "warmup-$1" 8 "$1" "$2" "$3" "$warm"; rm -f "$out/warmup-$1.json"; }

# profile_run NAME TARGETS METHOD CONNECTIONS: a separate JFR-recorded run (not one of the figures)
profile_run() {
	local name=$1
	[[ $profile == yes ]] || return 0
	"$java_home/bin/jcmd" "$pid_a" JFR.start name="$name" settings=profile filename="$out/$name.jfr" >/dev/null
	load "jfr-$name" "$4" "$2" "$3" "$port_a" 10
	"$java_home/bin/jcmd" "$pid_a" JFR.stop name="$name" >/dev/null
	"$java_home/bin/jfr" print --stack-depth 64 --events jdk.ExecutionSample "$out/$name.jfr" \
		| python3 "$root/bench/jfr_summary.py" >"$out/jfr-$name.txt"
	JFR="$java_home/bin/jfr" python3 "$root/bench/jfr_components.py" "$out/$name.jfr" >"$out/jfr-$name-components.txt" \
	|| log "  (the component summary of $name failed; the recording is kept)"
	log "  JFR profile of $name: $out/jfr-$name.txt, by component: $out/jfr-$name-components.txt"
}

# How fast this disk makes a write durable: the ceiling of one tenant's audited writes (see (2)).
measure_disk() {
	local probe=$work/flush.probe flushes method
	local pg_test_fsync
	pg_test_fsync=$(ls /usr/lib/postgresql/*/bin/pg_test_fsync 2>/dev/null | tail -1 || true)
	if [[ -n $pg_test_fsync ]]; then
		# PostgreSQL's own probe; fdatasync is its default wal_sync_method on Linux
		flushes=$("$pg_test_fsync" -s 3 -f "$probe" 2>/dev/null | awk '/^ +fdatasync/ {print $2; exit}')
		method="pg_test_fsync, fdatasync of one 8 kB write"
	else
		local start end
		start=$(date +%s.%N)
		dd if=/dev/zero of="$probe" bs=8k count=1000 oflag=dsync status=none
		end=$(date +%s.%N)
		flushes=$(python3 -c "print(round(1000 / ($end - $start)))")
		method="dd oflag=dsync, 1,000 writes of 8 kB"
	fi
	rm -f "$probe"
	printf '{"flushes_per_second": %s, "method": "%s"}\n' "${flushes:-0}" "$method" >"$results/disk.json"
	log "disk: $(cat "$results/disk.json")"
}

log "Prax benchmark, $mode mode, results in $results"
measure_disk
log "building target/prax.jar"
./mvnw -q -o -B -DskipTests package
data=$work/node-a

suite() {
	java_home=$1 label=$2
	out=$results/$label
	mkdir -p "$out"
	log "== $label: $("$java_home/bin/java" -version 2>&1 | head -1)"
	pid_a=$(start_node "$java_home" "$label-node-a" $port_a 512m "$data")
	started_pids+=("$pid_a:$data")
	wait_up $port_a "$pid_a"
	log "node A up (pid $pid_a)"
	local keys=$data/keys pg_port
	pg_port=$(sed -n 4p "$data/postgres/postmaster.pid")
	pg_pid=$(head -1 "$data/postgres/postmaster.pid")
	# Node B: the same application on the same PostgreSQL and the same keys, as a second node in production.
	pid_b=$(start_node "$java_home" "$label-node-b" $port_b 256m "$work/node-b" \
		PRAX_DATABASE_URL="jdbc:postgresql://127.0.0.1:$pg_port/prax" PRAX_KEYS_DIR="$keys" \
		PRAX_DATABASE_USER=prax_app PRAX_DATABASE_PASSWORD="$(cat "$keys/db-app.password")" \
		PRAX_DATABASE_OWNER_USER=prax_owner PRAX_DATABASE_OWNER_PASSWORD="$(cat "$keys/db-owner.password")")
	started_pids+=("$pid_b:")
	if [[ ! -f $work/dataset.json ]]; then
		log "preparing the data set"
		python3 bench/driver.py prepare --base "http://127.0.0.1:$port_a" --work "$work" --users $users \
			--big $big --fillers $fillers --filler-customers $filler_customers --audit $audit | tee -a "$results/run.log"
		PGPASSWORD=$(cat "$keys/db-superuser.password") psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d prax \
			-c 'vacuum analyze' >>"$results/run.log" 2>&1
		cp "$work/dataset.json" "$results/dataset.json"
	fi
	python3 bench/driver.py targets --base "http://127.0.0.1:$port_a" --work "$work" --out "$out" | tee -a "$results/run.log"

	log "(1) authenticated read vs baseline read"
	warmup read_base.tsv GET $port_a
	warmup read_service.tsv GET $port_a
	warmup read_auth.tsv GET $port_a
	load s1-read-baseline 16 read_base.tsv GET $port_a
	load s1-read-service 16 read_service.tsv GET $port_a
	load s1-read-authenticated 16 read_auth.tsv GET $port_a
	profile_run read read_auth.tsv GET 16
	profile_run read-service read_service.tsv GET 16

	log "(2) audited create vs baseline insert, 16 clients"
	warmup base_one.tsv POST $port_a
	warmup create_one.tsv POST $port_a
	load s2-insert-baseline-1-tenant 16 base_one.tsv POST $port_a
	load s2-create-audited-1-tenant 16 create_one.tsv POST $port_a
	load s2-insert-baseline-8-tenants 16 base_eight.tsv POST $port_a
	load s2-create-audited-8-tenants 16 create_eight.tsv POST $port_a
	profile_run create create_one.tsv POST 16

	log "(5) sign-in"
	load s5-sign-in-1-client 1 signin.tsv POST $port_a
	load s5-sign-in-4-clients 4 signin.tsv POST $port_a
	load s5-sign-in-16-clients 16 signin.tsv POST $port_a

	log "(6) lists in a tenant of $big customers among $((fillers + 12)) tenants"
	for list in list_first list_page100 search_first search_page100; do
		load "s6-$list" 4 "$list.tsv" GET $port_a
	done
	python3 bench/driver.py extras --base "http://127.0.0.1:$port_a" --out "$out" | tee -a "$results/run.log"

	wait_up $port_b "$pid_b"
	log "(4) revocation: revoke on node A, refusal on node B ($trials trials)"
	python3 bench/driver.py revocation --base "http://127.0.0.1:$port_a" --other "http://127.0.0.1:$port_b" \
		--work "$work" --trials $trials --result "$out/s4-revocation.json" | tee -a "$results/run.log"

	log "(3) audit verify of $audit events on node B (-Xmx256m)"
	# once to warm node B's JIT, as every load run has its warm-up; then the measured run
	python3 bench/driver.py verify --base "http://127.0.0.1:$port_b" --result "$out/warmup-verify.json" \
		| tee -a "$results/run.log"
	# too long to run twice: with --profile the measured run itself is recorded (JFR costs a few per cent)
	[[ $profile == yes ]] && "$java_home/bin/jcmd" "$pid_b" JFR.start name=verify settings=profile \
		filename="$out/verify.jfr" >/dev/null
	python3 bench/driver.py verify --base "http://127.0.0.1:$port_b" --result "$out/s3-verify.json" \
		| tee -a "$results/run.log"
	if [[ $profile == yes ]]; then
		"$java_home/bin/jcmd" "$pid_b" JFR.stop name=verify >/dev/null
		"$java_home/bin/jfr" print --stack-depth 64 --events jdk.ExecutionSample "$out/verify.jfr" \
			| python3 "$root/bench/jfr_summary.py" >"$out/jfr-verify.txt"
	fi

	log "(7) memory and sessions held"
	python3 bench/driver.py sessions --base "http://127.0.0.1:$port_a" --work "$work" --count $sessions \
		--result "$out/s7-memory.json" | tee -a "$results/run.log"

	"$java_home/bin/java" -version >"$out/java-version.txt" 2>&1
	cleanup
	log "== $label done"
}

default_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
suite "$default_home" "jdk-$("$default_home/bin/java" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ {print $3}')"
jdk25_home=/usr/lib/jvm/temurin-25-jdk-amd64
if [[ $jdk25 != no && -x $jdk25_home/bin/java ]]; then
	suite "$jdk25_home" jdk-25
elif [[ $jdk25 == yes ]]; then
	log "no JDK at $jdk25_home"
fi

python3 bench/report.py "$results" --mode "$mode" --command "bench/run.sh $*"
log "results: $results/results.md"
