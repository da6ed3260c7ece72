-- wrk script for the Prax benchmark: every request takes the next line of a targets file, so load
-- rotates over users (Authorization header), tenants (path) and sign-in accounts (body).
--   WRK_RESULT=RESULT_JSON wrk ... -s bench/lua/rotate.lua http://127.0.0.1:PORT -- METHOD TARGETS_FILE
-- A line is "path<TAB>token<TAB>body"; "-" means none. "%n" in a body becomes a number unique to
-- this run (thread and counter), so every create has a row of its own.
-- The summary (requests/s, non-2xx, p50/p90/p99 in ms) goes to RESULT_JSON (an environment variable, as
-- done() runs in wrk's main Lua state, which never sees the script arguments).

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do
    table.insert(fields, field)
  end
  return fields
end

function init(args)
  method = args[1]
  targets = {}
  for line in io.lines(args[2]) do
    if #line > 0 then
      table.insert(targets, split(line))
    end
  end
  counter = 0
  -- threads start at different lines, so connections are spread over the targets
  position = (id - 1) * math.floor(#targets / 2)
end

function request()
  counter = counter + 1
  position = position % #targets + 1
  local target = targets[position]
  local headers = { ["Accept"] = "application/json" }
  if target[2] ~= nil and target[2] ~= "-" and target[2] ~= "" then
    headers["Authorization"] = "Bearer " .. target[2]
  end
  local body = nil
  if target[3] ~= nil and target[3] ~= "-" and target[3] ~= "" then
    body = target[3]:gsub("%%n", id .. "-" .. counter .. "-" .. math.random(1000000000))
    headers["Content-Type"] = "application/json"
  end
  return wrk.format(method, target[1], headers, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local non2xx = summary.errors.status
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local file = io.open(os.getenv("WRK_RESULT"), "w")
  file:write(string.format('{"requests": %d, "seconds": %.3f, "rps": %.1f, "ok_rps": %.1f, "non2xx": %d, '
      .. '"socket_errors": %d, "p50_ms": %.2f, "p90_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.requests, seconds, summary.requests / seconds, (summary.requests - non2xx - socket) / seconds,
    non2xx, socket, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
  file:close()
end
