-- wrk script: 100 users, each with its own bearer token, requests rotate over them (every token is reused).
-- TOKENS (environment) names the file with one token per line.
local requests = {}
local n = 0
local i = 0

function init(args)
  local path = os.getenv("TOKENS") or "tokens.txt"
  for line in io.lines(path) do
    if #line > 0 then
      n = n + 1
      requests[n] = wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. line })
    end
  end
  if n == 0 then
    error("no tokens in " .. path)
  end
  i = math.random(n) - 1
end

function request()
  i = i % n + 1
  return requests[i]
end
-- no response() callback: it would make wrk parse every body; wrk counts non-2xx answers itself
