-- Drives neovim's own LSP client against `chainlint lsp` (neovim 0.7+):
-- open a file holding a broken chain, wait for diagnostics, record what
-- neovim reports, apply the quick fix through neovim, save, and record
-- the diagnostics again. Results go to $OUT, one "phase rule line" a line.
local bin, root, file, out = os.getenv("CHAINLINT"), os.getenv("ROOT"), os.getenv("FILE"), os.getenv("OUT")
local results = {}
local function record(phase, diags)
  if #diags == 0 then
    table.insert(results, phase .. " none")
  end
  for _, d in ipairs(diags) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
    table.insert(results, string.format("%s %s %d", phase, code, d.lnum + 1))
  end
end
local function finish()
  local f = io.open(out, "w")
  f:write(table.concat(results, "\n") .. "\n")
  f:close()
  vim.cmd("qa!")
end

local client_id = vim.lsp.start_client({
  name = "chainlint",
  cmd = { bin, "lsp" },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = "root" } },
})
vim.cmd("edit " .. file)
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)

if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
  table.insert(results, "timeout waiting for diagnostics")
  finish()
end
local diags = vim.diagnostic.get(buf)
record("before", diags)

-- Ask for the quick fix at the first diagnostic and apply its edit.
local d = diags[1]
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col } },
  context = { diagnostics = {} },
}
local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 10000)
local applied = 0
for _, r in pairs(responses or {}) do
  for _, action in ipairs(r.result or {}) do
    if action.edit and applied == 0 then
      vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
      applied = applied + 1
    end
  end
end
table.insert(results, "applied " .. applied)
vim.cmd("write")

if not vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 50) then
  table.insert(results, "timeout waiting for the diagnostics to clear")
end
record("after", vim.diagnostic.get(buf))
finish()
