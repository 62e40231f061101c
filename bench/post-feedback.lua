-- wrk script for bench/collector-load.sh: POST /api/feedback with a fresh UUID-v4-shaped
-- submission_id on every request (thread number + counter, so ids never repeat within a run),
-- its own 32-hex-digit submission_key (as the widget sends) and a realistic JSON body.
-- Prints machine-readable lines at the end.

local threads = {}
local counter = 0
thread_no = 0 -- global: setup() sets it in each thread's Lua state

function setup(thread)
  thread:set("thread_no", #threads + 1)
  table.insert(threads, thread)
end

local run = string.format("%08x", math.random(0, 0x7fffffff))
local pages = { "/news/item-1", "/news/item-2", "/news/item-3", "/about", "/" }
local langs = { "en", "ar", "fr" }

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  counter = counter + 1
  local id = string.format("%s-%04x-4000-8000-%012x", run, thread_no, counter)
  local key = string.format("%s%04x%020x", run, thread_no, counter)
  local body = string.format(
    '{"submission_id":"%s","submission_key":"%s","rating":%d,"comment":"benchmark comment %d","page":"%s",' ..
    '"page_language":"en","widget_language":"%s","translated":%s,"elapsed_ms":%d,"honeypot":""}',
    id, key, counter % 5 + 1, counter, pages[counter % #pages + 1], langs[counter % #langs + 1],
    tostring(counter % 4 == 0), 1000 + counter % 9000)
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local refused = summary.errors.status
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH requests=%d non2xx=%d socket_errors=%d seconds=%.2f\n",
    summary.requests, refused, failed, seconds))
  io.write(string.format("BENCH accepted_per_s=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    (summary.requests - refused) / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
