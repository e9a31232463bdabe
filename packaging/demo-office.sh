#!/usr/bin/env bash
# Sourced by packaging/demo.sh: the demo's office half. Starts meterswap-office on a free
# loopback port with its data in $office, and the first time fills it with a demo crew's synced
# work, made the way a crew and the office make it (meterswapctl demo seed --complete on the
# app's data folder, meterswapctl sync with the tablet's field token, then the clerk's and the
# billing checker's decisions through meterswapctl review / billing):
#   6 jobs walked to their submission by 张伟's tablet: 1 sent back (pulled by the tablet),
#   3 approved (1 of them billing-confirmed), 2 waiting for review.
# Tokens (mode 600) go in $office/tokens: field.token (the app's device token), and office
# tokens office_clerk.token (王芳), billing.token (黄丽), engineer.token (刘洋).
# Needs: $bin (build dir), $data (app data folder), $office. Sets office_url and office_pid.

demo_office_fail() {
  echo "demo: $*" >&2
  exit 1
}

demo_office_start() {
  local out="$office/serve.out"
  : >"$out"
  "$bin/app/server/meterswap-office" serve --data "$office" --listen 127.0.0.1:0 \
    >"$out" 2>>"$office/server.log" &
  office_pid=$!
  local i
  for i in $(seq 1 150); do
    office_url=$(sed -n 's/.*listening on \(http[s]*:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$out" | head -1)
    [ -n "$office_url" ] && return 0
    kill -0 "$office_pid" 2>/dev/null || break
    sleep 0.1
  done
  demo_office_fail "meterswap-office did not start; its log is $office/server.log"
}

demo_office_stop() {
  if [ -n "${office_pid:-}" ] && kill -0 "$office_pid" 2>/dev/null; then
    kill -TERM "$office_pid" 2>/dev/null || true
    wait "$office_pid" 2>/dev/null || true
  fi
}

demo_token() { # ROLE-FILE DEVICE USER [ROLES]
  local file="$office/tokens/$1.token"
  [ -s "$file" ] && return 0
  local args=(token create --data "$office" --device "$2" --user "$3")
  [ -n "${4:-}" ] && args+=(--roles "$4")
  (umask 077 && "$bin/app/server/meterswap-office" "${args[@]}" >"$file") ||
    demo_office_fail "could not create the token $1 in $office"
}

demo_json() { # PYTHON-EXPRESSION on the JSON object `j` read from stdin
  python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"
}

demo_office_seed() {
  local ctl="$bin/app/ctl/meterswapctl"
  local office_args=(--server "$office_url")
  MS_TOKEN=$(cat "$office/tokens/field.token")
  export MS_TOKEN
  echo "demo: filling the demo office with a crew's synced work (once)" >&2
  "$ctl" demo seed --data "$data" --jobs 6 --photos-per-job 1 --photo-kb 80 --seed 7 \
    --complete >/dev/null || demo_office_fail "demo seed failed"
  "$ctl" sync --data "$data" --server "$office_url" >/dev/null || demo_office_fail "the first sync failed"
  local clerk=(--token-file "$office/tokens/office_clerk.token")
  local billing=(--token-file "$office/tokens/billing.token")
  local jobs
  jobs=$("$ctl" review queue --json "${office_args[@]}" "${clerk[@]}" |
    demo_json "' '.join(x['uuid'] for x in j['jobs'])") || demo_office_fail "review queue failed"
  read -r -a list <<<"$jobs"
  [ "${#list[@]}" -ge 6 ] || demo_office_fail "the office holds ${#list[@]} jobs, expected 6"
  "$ctl" review send-back "${office_args[@]}" "${clerk[@]}" --job "${list[0]}" \
    --item 21.4:box_after --reason "表箱照片模糊，请重拍" >/dev/null || demo_office_fail "send-back failed"
  local j
  for j in "${list[1]}" "${list[2]}" "${list[3]}"; do
    "$ctl" review approve "${office_args[@]}" "${clerk[@]}" --job "$j" >/dev/null ||
      demo_office_fail "approve failed"
  done
  "$ctl" billing confirm "${office_args[@]}" "${billing[@]}" --job "${list[1]}" >/dev/null ||
    demo_office_fail "billing confirm failed"
  # The tablet pulls the decisions: 张伟 sees the sent-back job, the approved ones locked.
  "$ctl" sync --data "$data" --server "$office_url" >/dev/null || demo_office_fail "the second sync failed"
  unset MS_TOKEN
  touch "$office/demo-seeded" "$data/demo-office-seeded"
}

demo_office_up() {
  if [ -e "$data/demo-office-seeded" ] && [ ! -e "$office/demo-seeded" ]; then
    demo_office_fail "$data was synced with a demo office that is no longer in $office." \
      "Delete both folders ($data and $office) to start the demo afresh."
  fi
  mkdir -p "$office/tokens"
  demo_token field demo-tablet-01 张伟
  demo_token office_clerk office-pc-01 王芳 office_clerk
  demo_token billing office-pc-02 黄丽 billing
  demo_token engineer office-pc-03 刘洋 engineer
  demo_office_start
  [ -e "$office/demo-seeded" ] || demo_office_seed
  echo "demo: office server $office_url (data $office, tokens in $office/tokens)" >&2
}
