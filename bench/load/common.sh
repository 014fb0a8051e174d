# Shared by the load benchmarks: a start-dev server on free ports in a scratch directory, a signed
# request for wrk to replay, and wrk's figures. Source it; it sets root, work, http_port, mgmt_port.
# shellcheck shell=bash
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/scripts/find-jdk"; strongroom_find_jdk
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

work="$(mktemp -d /tmp/strongroom-bench.XXXXXX)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http_port="$(free_port)"; mgmt_port="$(free_port)"
export STRONGROOM_ADMIN_ACCESS_KEY_ID="AKIABENCHMARK0000001"
export STRONGROOM_ADMIN_SECRET_ACCESS_KEY="benchmarkSecretKey0000000000000000000000"
export STRONGROOM_JAVA_OPTS="${STRONGROOM_JAVA_OPTS:--Xmx256m}"

"$root/strongroom" --help >/dev/null 2>&1 || true   # build the jar first, outside the timings

# start_server [data-dir-name]: starts start-dev, waits for /health/ready; sets server_pid and ready_seconds
start_server() {
  local t0 t1
  t0=$(date +%s.%N)
  "$root/strongroom" start-dev --data-dir "$work/${1:-data}" --http-port "$http_port" --management-port "$mgmt_port" \
      >>"$work/server.log" 2>&1 &
  server_pid=$!
  until curl -fs "http://127.0.0.1:$mgmt_port/health/ready" >/dev/null 2>&1; do
    kill -0 "$server_pid" 2>/dev/null || { echo "server died; log:" >&2; tail -50 "$work/server.log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s.%N)
  ready_seconds="$(python3 -c "print(f'{$t1-$t0:.2f}')")"
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

# sign_get_caller_identity out.lua: one signed request, replayed by wrk (SigV4 signatures stay
# valid for the 15-minute skew window)
sign_get_caller_identity() {
  python3 - "$http_port" "$1" <<'PY'
import sys
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
import os
port, out = sys.argv[1], sys.argv[2]
body = "Action=GetCallerIdentity&Version=2011-06-15"
req = AWSRequest(method="POST", url=f"http://127.0.0.1:{port}/", data=body,
                 headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
SigV4Auth(Credentials(os.environ["STRONGROOM_ADMIN_ACCESS_KEY_ID"], os.environ["STRONGROOM_ADMIN_SECRET_ACCESS_KEY"]),
          "sts", "us-east-1").add_auth(req)
with open(out, "w") as f:
    f.write('wrk.method = "POST"\n')
    f.write(f'wrk.body = "{body}"\n')
    for k, v in req.headers.items():
        f.write(f'wrk.headers["{k}"] = "{v}"\n')
PY
}

# run_wrk connections seconds url [script] -> "req/s p50 p99 non2xx"
run_wrk() {
  local out
  out="$(wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"$2s" --latency ${4:+-s "$4"} "$3")"
  echo "$out" >>"$work/wrk.log"
  python3 - "$out" <<'PY'
import re, sys
text = sys.argv[1]
def ms(v):
    n, unit = re.match(r"([\d.]+)(\w+)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", text).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{rps:.0f} {p50:.2f} {p99:.2f} {bad.group(1) if bad else 0}")
PY
}

machine_line() {
  echo "machine:     $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 || true)"
}
