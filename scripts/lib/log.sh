#!/usr/bin/env bash
# Logging helpers for the FabricFinance scripts. Messages go to stderr so that stdout stays
# free for results a caller may capture (e.g. the package id printed by `deploy`).
# Colour is used only when stderr is a terminal and NO_COLOR is unset.

if [[ -t 2 && -z "${NO_COLOR:-}" ]]; then
  _LOG_RED=$'\e[31m' _LOG_YELLOW=$'\e[33m' _LOG_GREEN=$'\e[32m' _LOG_DIM=$'\e[2m' _LOG_OFF=$'\e[0m'
else
  _LOG_RED="" _LOG_YELLOW="" _LOG_GREEN="" _LOG_DIM="" _LOG_OFF=""
fi

log_info()    { printf '%s\n' "$*" >&2; }
log_detail()  { printf '%s  %s%s\n' "$_LOG_DIM" "$*" "$_LOG_OFF" >&2; }
log_warn()    { printf '%sWARN: %s%s\n' "$_LOG_YELLOW" "$*" "$_LOG_OFF" >&2; }
log_error()   { printf '%sERROR: %s%s\n' "$_LOG_RED" "$*" "$_LOG_OFF" >&2; }
log_success() { printf '%s%s%s\n' "$_LOG_GREEN" "$*" "$_LOG_OFF" >&2; }
# fatal MESSAGE... : print the error (extra arguments become indented hint lines) and exit 1.
fatal() {
  log_error "$1"
  shift
  local hint
  for hint in "$@"; do log_detail "$hint"; done
  exit 1
}
