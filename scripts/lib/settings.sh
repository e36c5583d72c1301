#!/usr/bin/env bash
# A network's saved settings (.run/network.env, written by `network.sh up`), read without
# sourcing the file: for the scripts that work beside a network (demo, bench, monitor).

# saved_setting STATE_DIR NAME: the value `up` saved for NAME in that network, or nothing.
saved_setting() {
  sed -n "s/^declare -g $2=\"\{0,1\}\([^\"]*\)\"\{0,1\}\$/\1/p" "$1/.run/network.env" 2>/dev/null | head -n 1
}
