# Helpers for starting the real window without a screen. Sourced by measure-launch.sh,
# measure-memory.sh and tests/package/run.sh. Needs Xvfb (xvfb) and xwininfo (x11-utils).

# Starts Xvfb on the first free display and exports DISPLAY; XVFB_PID holds its id.
# When DISPLAY is already set, that screen is used and nothing is started.
start_xvfb() {
  XVFB_PID=""
  [ -n "${DISPLAY:-}" ] && return 0
  local n
  for n in $(seq 90 140); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    local i
    for i in $(seq 1 100); do
      if [ -e "/tmp/.X11-unix/X$n" ]; then export DISPLAY=":$n"; return 0; fi
      kill -0 "$XVFB_PID" 2>/dev/null || break
      sleep 0.05
    done
    kill "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=""
  done
  echo "Xvfb could not start" >&2
  return 1
}

stop_xvfb() {
  [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null || true
  XVFB_PID=""
}

# True when a mapped (viewable) window whose name contains $1 is on the screen.
window_shown() {
  local id
  for id in $(xwininfo -root -tree 2>/dev/null | grep -F -- "$1" | awk '{print $1}'); do
    xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable' && return 0
  done
  return 1
}

# Waits until a window named like $1 is shown while process $2 lives. Returns 1 when the
# process ended first, 2 when $3 seconds passed (a guard against hanging, 0 = no limit).
wait_for_window() {
  local name="$1" pid="$2" limit="${3:-0}" start=$SECONDS
  until window_shown "$name"; do
    kill -0 "$pid" 2>/dev/null || return 1
    if [ "$limit" -gt 0 ] && [ $((SECONDS - start)) -ge "$limit" ]; then return 2; fi
    sleep 0.1
  done
}

# Ids of process $1 and all its descendants.
process_tree() {
  local pid="$1" child
  echo "$pid"
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
    process_tree "$child"
  done
}

# Kills process $1 and its descendants (children first, then the process).
kill_tree() {
  local pids
  pids="$(process_tree "$1" | tac)"
  # shellcheck disable=SC2086
  kill $pids 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
