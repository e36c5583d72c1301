#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Background processes of the network: start with a recorded PID, wait for readiness, stop
# by recorded PID only. A PID file holds the PID and the program it must be running, so a
# PID the system has since reused for something else is never signalled. With the docker
# backend a node's file holds "container", the container's name and who started it instead
# (docker.sh).

# start_process NAME LOG PROGRAM [ARGS...]: start PROGRAM detached (own session, stdin from
# /dev/null, output appended to LOG) under `env "${PROC_ENV[@]}"`; record it as NAME.
start_process() {
  local name="$1" log="$2" program="$3"
  shift 3
  mkdir -p "$PID_DIR" "$(dirname "$log")"
  local launcher=()
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  "${launcher[@]}" env "${PROC_ENV[@]}" "$program" "$@" </dev/null >>"$log" 2>&1 &
  printf '%s\n%s\n%s\n' "$!" "$program" "$log" > "$PID_DIR/$name.pid"
}

# pid_alive PID: the process exists and is not a zombie waiting to be reaped.
pid_alive() {
  local stat
  kill -0 "$1" 2>/dev/null || return 1
  stat="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [[ "$stat" != Z* ]]
}

# pid_of NAME: the recorded PID if that process is alive and still runs the recorded program.
pid_of() {
  local file="$PID_DIR/$1.pid" pid program args
  [[ -f "$file" ]] || return 1
  { read -r pid; read -r program; } < "$file"
  if [[ "$pid" == container ]]; then container_pid "$program"; return; fi
  pid_alive "$pid" || return 1
  args="$(ps -o args= -p "$pid" 2>/dev/null)" || return 1
  # Right after the start the launcher (setsid, env) may not have exec'ed the program yet.
  [[ "$args" == "$program"* || ( "$args" =~ ^(setsid|env)\  && "$args" == *" $program"* ) ]] || return 1
  echo "$pid"
}

# recorded_names: names of all recorded processes (alive or not).
recorded_names() {
  local file
  for file in "$PID_DIR"/*.pid; do
    [[ -e "$file" ]] || continue
    file="${file##*/}"
    echo "${file%.pid}"
  done
}

# network_state [NAME]: "running" (every recorded process but NAME alive), "stopped" or "partial".
network_state() {
  local name up=0 down=0
  for name in $(recorded_names); do
    [[ "$name" != "${1:-}" ]] || continue
    if pid_of "$name" >/dev/null; then up=$((up + 1)); else down=$((down + 1)); fi
  done
  if (( up && !down )); then echo running; elif (( up )); then echo partial; else echo stopped; fi
}

# fail_with_log NAME MESSAGE: stop with MESSAGE and the tail of NAME's log.
fail_with_log() {
  local log
  log="$(sed -n 3p "$PID_DIR/$1.pid" 2>/dev/null || true)"
  if [[ "$(head -n 1 "$PID_DIR/$1.pid" 2>/dev/null)" == container ]]; then
    log_error "last lines of container $(sed -n 2p "$PID_DIR/$1.pid"):"
    docker logs --tail 15 "$(sed -n 2p "$PID_DIR/$1.pid")" >&2 2>&1 || true
  elif [[ -n "$log" && -f "$log" ]]; then
    log_error "last lines of $log:"
    tail -n 15 "$log" >&2 || true
  fi
  fatal "$2"
}

# wait_for NAME DESCRIPTION COMMAND...: retry COMMAND until it succeeds, while process NAME
# (or "" for none) stays alive, for at most READY_TIMEOUT seconds.
wait_for() {
  local name="$1" what="$2" deadline=$((SECONDS + READY_TIMEOUT))
  shift 2
  until "$@" >/dev/null 2>&1; do
    if [[ -n "$name" ]] && ! pid_of "$name" >/dev/null; then
      fail_with_log "$name" "$name exited while waiting for $what"
    fi
    if (( SECONDS >= deadline )); then
      [[ -n "$name" ]] && fail_with_log "$name" "timed out after ${READY_TIMEOUT}s waiting for $what"
      fatal "timed out after ${READY_TIMEOUT}s waiting for $what"
    fi
    sleep 0.1
  done
}

# port_open HOST PORT: something accepts TCP connections there (bash's /dev/tcp, no tools).
port_open() { (: <>"/dev/tcp/$1/$2") 2>/dev/null; }

# http_ok URL: the URL answers 2xx (never through a proxy).
http_ok() { curl --noproxy '*' --silent --fail --max-time 2 --output /dev/null "$1"; }

# metric URL NAME LABEL_FRAGMENT: value of a Prometheus sample whose labels contain the fragment.
metric() {
  curl --noproxy '*' --silent --fail --max-time 2 "$1" |
    awk -v name="$2" -v frag="$3" 'index($1, name "{") == 1 && index($1, frag) { print $2; exit }'
}

# stop_recorded [NAME...]: TERM the named (default: all) recorded processes, wait for them to
# exit and drop their PID files. A process still alive after its grace period gets KILL:
# READY_TIMEOUT seconds for orderers and peers, CC_STOP_GRACE for chaincode services (which
# keep no state, and may wait out their host's shutdown timeout on open peer streams).
stop_recorded() {
  local names=("$@") name pid
  local -A deadline=() killed=()
  (( ${#names[@]} )) || mapfile -t names < <(recorded_names)
  for name in "${names[@]}"; do
    stop_container "$PID_DIR/$name.pid" && continue
    if pid="$(pid_of "$name")"; then
      log_detail "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      if [[ "$name" == chaincode-* ]]; then
        deadline[$pid]=$((SECONDS + CC_STOP_GRACE))
      else
        deadline[$pid]=$((SECONDS + READY_TIMEOUT))
      fi
    fi
  done
  while (( ${#deadline[@]} )); do
    for pid in "${!deadline[@]}"; do
      if ! pid_alive "$pid"; then
        unset "deadline[$pid]"
      elif (( SECONDS >= deadline[$pid] )); then
        [[ -z "${killed[$pid]:-}" ]] || fatal "process $pid survived KILL; PID files kept in $PID_DIR"
        log_warn "pid $pid still running after TERM, sending KILL"
        kill -KILL "$pid" 2>/dev/null || true
        killed[$pid]=1 deadline[$pid]=$((SECONDS + 5))
      fi
    done
    (( ${#deadline[@]} )) && sleep 0.1
  done
  for name in "${names[@]}"; do rm -f "$PID_DIR/$name.pid"; done
}
