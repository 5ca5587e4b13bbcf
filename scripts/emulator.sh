# shellcheck shell=bash
# Sourced (after env.sh): start and stop the local Twilio emulator (tests/emulator).
#   start_emulator SEED LOG [ARG...]   starts it on a free port with extra emulator options (a --port among them wins);
#                                      sets EMULATOR_URL and EMULATOR_PID. With EMULATOR_LAUNCHER=(setsid) it runs in
#                                      a session of its own, so that it outlives the caller and its terminal's Ctrl-C
#   stop_emulator             stops the emulator EMULATOR_PID names (safe to call twice; use it in an EXIT trap)
#   seed_account_credentials SEED   prints the first account's SID and auth token
#   count_requests LOG FROM TO       prints 'requests writes' logged between two line counts

EMULATOR_PID=""
EMULATOR_URL=""
EMULATOR_LAUNCHER=()

start_emulator() {
    local seed="$1" log_file="$2" out_file deadline
    shift 2
    out_file="${log_file%.*}.out"
    mkdir -p "$(dirname "${log_file}")"
    : >"${out_file}"
    "${EMULATOR_LAUNCHER[@]}" "${VENV}/bin/python" "${ROOT}/tests/emulator" --host 127.0.0.1 --port 0 \
        --seed "${seed}" --log "${log_file}" "$@" >"${out_file}" 2>&1 </dev/null &
    EMULATOR_PID=$!
    deadline=$((SECONDS + 30))
    while ((SECONDS < deadline)); do
        EMULATOR_URL="$(sed -n 's/^tendlc-twilio-emulator listening on \(http:[^ ]*\).*$/\1/p' "${out_file}" | head -n 1)"
        if [[ -n "${EMULATOR_URL}" ]]; then
            export EMULATOR_URL EMULATOR_PID
            log "emulator ${EMULATOR_URL} (pid ${EMULATOR_PID}, requests logged to ${log_file})"
            return 0
        fi
        if ! kill -0 "${EMULATOR_PID}" 2>/dev/null; then
            cat "${out_file}" >&2
            EMULATOR_PID=""
            die "the emulator exited before listening (output above, in ${out_file})"
        fi
        sleep 0.2
    done
    cat "${out_file}" >&2
    stop_emulator
    die "the emulator did not report 'listening on' within 30 s (${out_file})"
}

stop_emulator() {
    local pid="${EMULATOR_PID}" i
    EMULATOR_PID=""
    [[ -n "${pid}" ]] || return 0
    kill "${pid}" 2>/dev/null || return 0
    for ((i = 0; i < 50; i++)); do
        kill -0 "${pid}" 2>/dev/null || break
        sleep 0.1
    done
    kill -9 "${pid}" 2>/dev/null || true
    wait "${pid}" 2>/dev/null || true
}

seed_account_credentials() {
    # Prints the first account's SID and auth token of a seed file, one a line.
    "${VENV}/bin/python" - "$1" <<'PY'
import sys
import yaml
with open(sys.argv[1], encoding="utf-8") as handle:
    account = yaml.safe_load(handle)["accounts"][0]
print(account["sid"])
print(account["auth_token"])
PY
}

# count_requests LOG FROM TO: "N M" = requests and write requests (POST/DELETE) in lines FROM+1..TO of LOG.
count_requests() {
    "${VENV}/bin/python" - "$@" <<'PY'
import json
import sys
path, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, encoding="utf-8") as handle:
    records = [json.loads(line) for line in handle.read().splitlines()[start:end] if line.strip()]
print(len(records), sum(1 for record in records if record.get("method") in ("POST", "DELETE")))
PY
}

# line_count FILE: number of lines (0 when missing).
line_count() {
    if [[ -f "$1" ]]; then wc -l <"$1" | tr -d ' '; else echo 0; fi
}
