-- A shopper per connection (run with as many threads as connections: wrk keeps script state per thread), each going
-- round the reference storefront's checkout: create cart -> add 2 items -> email + address -> shipping options ->
-- shipping method -> payment collection -> payment session -> complete. Counts orders and failures, and times the
-- completion call with a monotonic clock. Arguments: <publishable key> <region id> <comma-separated variant ids>.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clk_id, timespec *tp);
]]
local ts = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local key, region, variants
local step, cart, collection, option = 0, nil, nil, nil
local started = 0
orders, failures, latencies = 0, 0, {}
local failed_at = {}

function init(args)
  key, region = args[1], args[2]
  variants = {}
  for v in string.gmatch(args[3], "[^,]+") do variants[#variants + 1] = v end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  wrk.headers["x-publishable-api-key"] = key
  wrk.headers["Content-Type"] = "application/json"
end

local function variant() return variants[math.random(#variants)] end

function request()
  if step == 0 then
    return wrk.format("POST", "/store/carts", nil, '{"region_id":"' .. region .. '"}')
  elseif step == 1 or step == 2 then
    return wrk.format("POST", "/store/carts/" .. cart .. "/line-items", nil,
      '{"variant_id":"' .. variant() .. '","quantity":1}')
  elseif step == 3 then
    return wrk.format("POST", "/store/carts/" .. cart, nil,
      '{"email":"bench@example.com","shipping_address":{"first_name":"Bench","last_name":"Shopper",' ..
      '"address_1":"1 Load Street","city":"Austin","country_code":"us","postal_code":"73301"}}')
  elseif step == 4 then
    return wrk.format("GET", "/store/shipping-options?cart_id=" .. cart)
  elseif step == 5 then
    return wrk.format("POST", "/store/carts/" .. cart .. "/shipping-methods", nil, '{"option_id":"' .. option .. '"}')
  elseif step == 6 then
    return wrk.format("POST", "/store/payment-collections", nil, '{"cart_id":"' .. cart .. '"}')
  elseif step == 7 then
    return wrk.format("POST", "/store/payment-collections/" .. collection .. "/payment-sessions", nil,
      '{"provider_id":"pp_system_default"}')
  else
    started = now_ms()
    return wrk.format("POST", "/store/carts/" .. cart .. "/complete")
  end
end

function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    failed_at[step] = (failed_at[step] or 0) + 1
    step = 0
    return
  end
  if step == 0 then
    cart = body:match('"id":"(cart_[0-9A-Z]+)"')
  elseif step == 4 then
    option = body:match('"id":"(so_[0-9A-Z]+)"')
    if option == nil then failures = failures + 1; step = 0; return end
  elseif step == 6 then
    collection = body:match('"id":"(pay_col_[0-9A-Z]+)"')
  elseif step == 8 then
    latencies[#latencies + 1] = now_ms() - started
    if body:find('"type":"order"', 1, true) then orders = orders + 1 else failures = failures + 1 end
    step = 0
    return
  end
  step = step + 1
end

local threads = {}
function setup(thread) threads[#threads + 1] = thread end

function done(summary, latency, requests)
  local all, total_orders, total_failures = {}, 0, 0
  for _, t in ipairs(threads) do
    total_orders = total_orders + t:get("orders")
    total_failures = total_failures + t:get("failures")
    for _, l in ipairs(t:get("latencies")) do all[#all + 1] = l end
  end
  table.sort(all)
  local seconds = summary.duration / 1e6
  local function pct(p) return #all == 0 and 0 or all[math.max(1, math.ceil(#all * p))] end
  io.write(string.format("orders: %d in %.1f s = %.1f orders/s; failures: %d\n", total_orders, seconds,
    total_orders / seconds, total_failures))
  io.write(string.format("complete latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f (%d calls)\n",
    pct(0.5), pct(0.9), pct(0.99), pct(1.0), #all))
  io.write(string.format("all requests: %.0f req/s\n", summary.requests / seconds))
end
