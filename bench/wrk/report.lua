-- wrk script for the Rekrut bench.
--   wrk ... -s report.lua URL                  requests URL's path
--   wrk ... -s report.lua URL -- /a/ /b/ ...    rotates over the given paths (each thread from its own offset)
-- Environment: BENCH_PATHS_FILE (one path a line, instead of arguments), BENCH_RANDOM=1 (a random path each
-- request instead of in turn), BENCH_METHOD and BENCH_BODY (e.g. PUT with a JSON body).
-- At the end it prints one line: BENCH_JSON {requests, duration, rps, p50/p90/p95/p99 ms, non-2xx, errors}.

wrk.method = os.getenv("BENCH_METHOD") or "GET"
wrk.body = os.getenv("BENCH_BODY")

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  paths = args
  local file = os.getenv("BENCH_PATHS_FILE")
  if file then
    paths = {}
    for line in io.lines(file) do
      if #line > 0 then table.insert(paths, line) end
    end
  end
  random_order = os.getenv("BENCH_RANDOM") == "1"
  math.randomseed(os.time() + id * 7919)
  next_path = (id * 7919) % math.max(#paths, 1) + 1
  non2xx = 0
end

function request()
  if #paths == 0 then
    return wrk.format()
  end
  local path
  if random_order then
    path = paths[math.random(#paths)]
  else
    path = paths[next_path]
    next_path = next_path % #paths + 1
  end
  return wrk.format(nil, path)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local non2xx_total = 0
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_s": %.3f, "rps": %.2f, "p50_ms": %.2f, "p90_ms": %.2f, '
      .. '"p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "non2xx": %d, "connect_errors": %d, '
      .. '"read_errors": %d, "write_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, non2xx_total,
    e.connect, e.read, e.write, e.timeout))
end
