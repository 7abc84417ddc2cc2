-- Opens two files with the README's init.lua (loaded with -u): there must
-- be one chainlint client, and each finding must be reported once.
local out, first, second = os.getenv("OUT"), os.getenv("FILE"), os.getenv("FILE2")
local results = {}
vim.cmd("edit " .. first)
local buf1 = vim.api.nvim_get_current_buf()
vim.cmd("edit " .. second)
local buf2 = vim.api.nvim_get_current_buf()
vim.wait(20000, function() return #vim.diagnostic.get(buf1) > 0 end, 50)
vim.wait(1000, function() return false end, 50) -- let any second server publish too
local clients = 0
for _, c in pairs(vim.lsp.get_active_clients()) do
  if c.name == "chainlint" then
    clients = clients + 1
  end
end
table.insert(results, "clients " .. clients)
for _, buf in ipairs({ buf1, buf2 }) do
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
    local key = code .. " " .. (d.lnum + 1)
    seen[key] = (seen[key] or 0) + 1
  end
  for key, n in pairs(seen) do
    table.insert(results, string.format("buffer %s %d", key, n))
  end
end
table.sort(results)
local f = io.open(out, "w")
f:write(table.concat(results, "\n") .. "\n")
f:close()
vim.cmd("qa!")
