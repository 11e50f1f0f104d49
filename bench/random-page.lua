-- wrk script: each request asks for a random page of the listing, so nearly every request misses the response cache
-- and measures the database path. Usage: wrk -s bench/random-page.lua ... "<listing url without offset>" -- <pages>
local pages = 500
function init(args)
  if args[1] then pages = tonumber(args[1]) end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end
function request()
  local path = wrk.path .. "&offset=" .. (math.random(0, pages - 1) * 20)
  return wrk.format(nil, path)
end
