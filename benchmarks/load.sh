#!/usr/bin/env bash
# Load test: corsa-serve on every framework, bare and with corsa, driven by
# wrk on 127.0.0.1. For each framework it
#   1. starts corsa-serve (default policy) on a free loopback port,
#   2. checks a sample of responses with curl (exact CORS headers; none
#      when bare or for a refused origin),
#   3. runs wrk for DURATION on an allowed actual GET, and with corsa also
#      on an allowed preflight, failing on any non-2xx response or socket
#      error,
# and prints a markdown table of requests/s.
#
# Usage: benchmarks/load.sh            (needs go, wrk and curl)
# Settings: DURATION=5s THREADS=2 CONNECTIONS=32 FRAMEWORKS="nethttp chi gin echo echo5 fasthttp fiber fiber3"
set -euo pipefail

DURATION=${DURATION:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
FRAMEWORKS=${FRAMEWORKS:-"nethttp chi gin echo echo5 fasthttp fiber fiber3"}
ORIGIN=https://example.com

for tool in go wrk curl; do
	command -v "$tool" >/dev/null || { echo "load.sh: $tool not found" >&2; exit 2; }
done

work=$(mktemp -d)
server_pid=""
cleanup() {
	if [[ -n $server_pid ]]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

cd "$(dirname "$0")"
echo "building corsa-serve" >&2
go build -o "$work/corsa-serve" ./cmd/corsa-serve

cat >"$work/preflight.lua" <<LUA
wrk.method = "OPTIONS"
wrk.headers["Origin"] = "$ORIGIN"
wrk.headers["Access-Control-Request-Method"] = "PUT"
wrk.headers["Access-Control-Request-Headers"] = "content-type,x-request-id"
LUA

# start FRAMEWORK [ARGS...]: starts corsa-serve on a free port and sets
# server_pid and base (its URL).
start() {
	local fw=$1
	shift
	: >"$work/serve.log"
	"$work/corsa-serve" -framework "$fw" -addr 127.0.0.1:0 "$@" 2>"$work/serve.log" &
	server_pid=$!
	base=""
	for _ in $(seq 100); do
		base=$(sed -n 's/.*msg=listening .* url=\(http:[^ ]*\).*/\1/p' "$work/serve.log")
		[[ -n $base ]] && return 0
		sleep 0.05
	done
	echo "load.sh: corsa-serve -framework $fw did not start:" >&2
	cat "$work/serve.log" >&2
	exit 1
}

stop() {
	kill -TERM "$server_pid"
	wait "$server_pid" || { echo "load.sh: corsa-serve exited with status $?" >&2; exit 1; }
	server_pid=""
}

failures=0
fail() {
	echo "FAIL $*" >&2
	failures=$((failures + 1))
}

# fetch NAME CURL-ARGS...: saves the response head of one request as
# $work/NAME and prints its status code.
fetch() {
	local name=$1
	shift
	curl -sS -o /dev/null -D "$work/$name" -w '%{http_code}' "$@"
}

# header NAME FILE: the value of the first NAME header line in FILE.
header() {
	tr -d '\r' <"$2" | awk -v name="$(tr '[:upper:]' '[:lower:]' <<<"$1")" '
		{ i = index($0, ": "); if (i > 0 && tolower(substr($0, 1, i - 1)) == name) { print substr($0, i + 2); exit } }'
}

# expect LABEL FILE NAME WANT: the NAME header in FILE is exactly WANT
# ("" for absent).
expect() {
	local got
	got=$(header "$3" "$2")
	[[ $got == "$4" ]] || fail "$1: $3 is \"$got\", want \"$4\""
}

check_corsa() {
	local fw=$1 code
	code=$(fetch preflight -X OPTIONS -H "Origin: $ORIGIN" -H "Access-Control-Request-Method: PUT" \
		-H "Access-Control-Request-Headers: content-type,x-request-id" "$base/resource")
	[[ $code == 204 ]] || fail "$fw preflight: status $code, want 204"
	expect "$fw preflight" "$work/preflight" Access-Control-Allow-Origin "$ORIGIN"
	expect "$fw preflight" "$work/preflight" Access-Control-Allow-Credentials true
	expect "$fw preflight" "$work/preflight" Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
	expect "$fw preflight" "$work/preflight" Access-Control-Allow-Headers "Content-Type, Authorization, X-Request-Id"
	expect "$fw preflight" "$work/preflight" Access-Control-Max-Age 600
	expect "$fw preflight" "$work/preflight" Vary "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"

	code=$(fetch actual -H "Origin: $ORIGIN" "$base/resource")
	[[ $code == 200 ]] || fail "$fw actual GET: status $code, want 200"
	expect "$fw actual GET" "$work/actual" Access-Control-Allow-Origin "$ORIGIN"
	expect "$fw actual GET" "$work/actual" Access-Control-Allow-Credentials true
	expect "$fw actual GET" "$work/actual" Access-Control-Expose-Headers X-Total-Count
	expect "$fw actual GET" "$work/actual" Vary Origin

	code=$(fetch refused -H "Origin: https://evil.example" "$base/resource")
	[[ $code == 200 ]] || fail "$fw refused origin: status $code, want 200 (never blocked)"
	expect "$fw refused origin" "$work/refused" Access-Control-Allow-Origin ""
	expect "$fw refused origin" "$work/refused" Vary Origin
	grep -q 'msg="CORS request refused" .* origin=https://evil.example method=GET path=/resource' "$work/serve.log" ||
		fail "$fw: the refused origin was not logged"
}

check_bare() {
	local fw=$1 code
	code=$(fetch bare -H "Origin: $ORIGIN" "$base/resource")
	[[ $code == 200 ]] || fail "$fw bare GET: status $code, want 200"
	expect "$fw bare GET" "$work/bare" Access-Control-Allow-Origin ""
}

# load LABEL WRK-ARGS...: runs wrk and prints requests/s; any non-2xx
# response or socket error is a failure.
load() {
	local label=$1 out
	shift
	out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@")
	if grep -q 'Non-2xx or 3xx responses' <<<"$out"; then
		fail "$label: $(grep 'Non-2xx' <<<"$out")"
	fi
	if grep -q 'Socket errors' <<<"$out"; then
		fail "$label: $(grep 'Socket errors' <<<"$out")"
	fi
	awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out"
}

load_start=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)
rows=()
for fw in $FRAMEWORKS; do
	echo "$fw: bare" >&2
	start "$fw" -bare
	check_bare "$fw"
	bare_get=$(load "$fw bare GET" -H "Origin: $ORIGIN" "$base/resource")
	stop

	echo "$fw: corsa" >&2
	start "$fw"
	check_corsa "$fw"
	corsa_get=$(load "$fw corsa GET" -H "Origin: $ORIGIN" "$base/resource")
	corsa_preflight=$(load "$fw corsa preflight" -s "$work/preflight.lua" "$base/resource")
	stop

	ratio=$(awk -v a="$corsa_get" -v b="$bare_get" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
	rows+=("| $fw | $bare_get | $corsa_get | $ratio | $corsa_preflight |")
done

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION on 127.0.0.1, $(nproc) CPUs shared by wrk and the server, load average $load_start at the start"
echo
echo "| framework | bare GET req/s | corsa GET req/s | corsa/bare | corsa preflight req/s |"
echo "|---|--:|--:|--:|--:|"
printf '%s\n' "${rows[@]}"

if ((failures > 0)); then
	echo "load.sh: $failures check(s) failed" >&2
	exit 1
fi
