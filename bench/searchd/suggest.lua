-- wrk script: GET /api/v1/suggest for prefixes of the words in bench/searchd/queries.txt
-- (QUERIES: its path), 3 letters up to the whole word, each thread from its own offset.
local prefixes = {}
for line in io.lines(os.getenv("QUERIES")) do
  if not line:match("^#") and #line > 0 then
    for word in line:gmatch("%S+") do
      for n = 3, #word do
        local prefix = word:sub(1, n)
        -- whole UTF-8 characters only
        if not prefix:sub(-1):match("[\192-\255]") then table.insert(prefixes, prefix) end
      end
    end
  end
end
local counter = 0
local function encode(s)
  return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
function setup(thread)
  thread:set("offset", counter * 997)
  counter = counter + 1
end
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", "/api/v1/suggest?q=" .. encode(prefixes[((offset + i) % #prefixes) + 1]))
end
function done(summary, latency, requests)
  io.write(string.format("SUGGEST requests=%d p50_us=%d p99_us=%d non2xx=%d\n",
    summary.requests, latency:percentile(50), latency:percentile(99), summary.errors.status))
end
