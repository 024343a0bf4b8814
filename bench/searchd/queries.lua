-- wrk script for bench/searchd: every request is the next query of QUERIES (default
-- bench/searchd/queries.txt) as GET /api/v1/search?q=...&facets=FACETS (default
-- type,year,state). Each wrk thread starts at another offset so the threads do not ask
-- the same query at the same moment. done() prints one machine-readable RESULT line.
local paths = {}
local next_index = 0

local function urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local thread_count = 0
function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  local file = os.getenv("QUERIES") or "bench/searchd/queries.txt"
  local facets = os.getenv("FACETS") or "type,year,state"
  for line in io.lines(file) do
    line = line:gsub("^%s+", ""):gsub("%s+$", "")
    if line ~= "" and line:sub(1, 1) ~= "#" then
      paths[#paths + 1] = "/api/v1/search?q=" .. urlencode(line) .. "&facets=" .. facets
    end
  end
  next_index = ((wrk.thread:get("id") or 0) * 17) % #paths
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d"
      .. " timeouts=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.status, e.connect + e.read + e.write + e.timeout, e.timeout))
end
