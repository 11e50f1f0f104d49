-- Add-to-cart throughput: each connection (one per thread) creates a cart, then adds random variants to it; after
-- 5 additions it starts a new cart, as a shopper's cart holds a few lines (a cart of 100 lines re-prices 100 lines on every change).
-- Arguments: <publishable key> <region id> <comma-separated variant ids>.
local key, region, variants
local cart, adds = nil, 0
failures = 0

function init(args)
  key, region = args[1], args[2]
  variants = {}
  for v in string.gmatch(args[3], "[^,]+") do variants[#variants + 1] = v end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  wrk.headers["x-publishable-api-key"] = key
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  if cart == nil or adds >= 5 then
    cart, adds = nil, 0
    return wrk.format("POST", "/store/carts", nil, '{"region_id":"' .. region .. '"}')
  end
  adds = adds + 1
  return wrk.format("POST", "/store/carts/" .. cart .. "/line-items", nil,
    '{"variant_id":"' .. variants[math.random(#variants)] .. '","quantity":1}')
end

function response(status, headers, body)
  if status ~= 200 then failures = failures + 1; cart = nil; return end
  if cart == nil then cart = body:match('"id":"(cart_[0-9A-Z]+)"') end
end

local threads = {}
function setup(thread) threads[#threads + 1] = thread end

function done(summary, latency, requests)
  local f = 0
  for _, t in ipairs(threads) do f = f + t:get("failures") end
  io.write(string.format("failures: %d\n", f))
end
