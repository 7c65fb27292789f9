-- wrk script: POSTs to /api/sign_in with unknown emails, as the hydrated app sends them.
-- FROM=one  : every request from one address (X-Forwarded-For 203.0.113.66)
-- FROM=many : each request from a random address of 10.0.0.0/8 (a distributed flood)
-- Prints how many answers were 429 and how many were judged (400).
local from = os.getenv("FROM") or "one"
local origin = os.getenv("ORIGIN") or "http://127.0.0.1:3400"
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  throttled, judged, other = 0, 0, 0
end

function request()
  counter = counter + 1
  local address = "203.0.113.66"
  if from == "many" then
    address = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  end
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
    ["Origin"] = origin,
    ["X-Forwarded-For"] = address,
  }
  local body = string.format("email=guess%d-%d%%40example.org&password=not-the-password", math.random(1, 1e9), counter)
  return wrk.format("POST", "/api/sign_in", headers, body)
end

function response(status, headers, body)
  if status == 429 then
    throttled = throttled + 1
  elseif status == 400 then
    judged = judged + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local t, j, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    t = t + thread:get("throttled")
    j = j + thread:get("judged")
    o = o + thread:get("other")
  end
  io.write(string.format("sign-in answers: %d judged (400), %d throttled (429), %d other\n", j, t, o))
end
