-- wrk script for bench/load.sh: each request picks a page of the kind in KIND (public, sign-in,
-- patient, staff, administration, or mix for the first four in turn), signed-in pages with a
-- random session read from SESSIONS ("patient <token>" / "staff <token>" lines; the staff
-- sessions are an administrator's, holding every service).
local kind = os.getenv("KIND") or "mix"
local pages = {
  public = { "/", "/help", "/accessibility", "/contact" },
  ["sign-in"] = { "/sign-in", "/forgot-password" },
  patient = { "/home", "/account" },
  staff = { "/staff", "/staff/patients", "/staff/team" },
  administration = { "/staff/overview", "/staff/settings", "/staff/support?q=tremblay",
                     "/staff/team?service=messaging" },
}
local session_of = { patient = "patient", staff = "staff", administration = "staff" }
local sessions = { patient = {}, staff = {} }
for line in io.lines(os.getenv("SESSIONS")) do
  local who, token = line:match("^(%S+) (%S+)$")
  if who then table.insert(sessions[who], token) end
end
local kinds = { "public", "sign-in", "patient", "staff" }
local counter = 0

request = function()
  counter = counter + 1
  local k = kind
  if k == "mix" then k = kinds[counter % #kinds + 1] end
  local list = pages[k]
  local path = list[math.random(#list)]
  local headers = { Accept = "text/html" }
  local who = session_of[k]
  if who then
    headers.Cookie = "portail=" .. sessions[who][math.random(#sessions[who])]
  end
  return wrk.format("GET", path, headers)
end
