-- wrk script for the web API: each request a new message (its own id, one of 500 web authors) drawn from
-- a list of citizens' questions, so that nothing is answered from the store as a retry.
local questions = {}
local counter = 0
local thread_tag = ""

function init(args)
  thread_tag = tostring(math.random(100000, 999999))
  local file = io.open(args[1] or "scripts/load-questions.txt", "r")
  for line in file:lines() do
    if #line > 0 then questions[#questions + 1] = line end
  end
  file:close()
end

local function escape(s)
  return (s:gsub('\\', '\\\\'):gsub('"', '\\"'))
end

function request()
  counter = counter + 1
  local q = questions[(counter % #questions) + 1]
  local tenant = (counter % 2 == 0) and "ats-milano" or "asst-crema"
  local body = string.format('{"id":"wrk-%s-%d","tenant":"%s","channel":"web","kind":"message","author":"web:wrk-load-client-%06d","text":"%s"}',
    thread_tag, counter, tenant, counter % 500, escape(q))
  return wrk.format("POST", "/api/v1/messages", {["Content-Type"] = "application/json"}, body)
end

local errors = 0
function response(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status) / %d (socket), %.0f requests/s\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6)))
  for _, p in pairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%-5s %8.2f ms\n", tostring(p), latency:percentile(p) / 1000))
  end
  io.write(string.format("max    %8.2f ms\n", latency.max / 1000))
end
