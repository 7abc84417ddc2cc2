-- chainlint as the language server for Fastly configuration (neovim 0.7+):
-- one client per workspace, whatever the number of files open.
vim.cmd([[autocmd BufRead,BufNewFile *.vcl setfiletype vcl]])
local chainlint_client -- neovim 0.7: one client, reused for every buffer
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "json", "yaml", "terraform", "hcl", "vcl", "toml" },
  callback = function(args)
    local found = vim.fs and vim.fs.find({ ".chainlint.yaml", ".git" }, { upward = true, path = vim.fn.expand("%:p:h") })[1]
    local root = found and vim.fs.dirname(found) or vim.loop.cwd()
    local config = {
      name = "chainlint",
      cmd = { os.getenv("CHAINLINT") or "chainlint", "lsp" }, -- $CHAINLINT: another binary
      root_dir = root,
      init_options = { debounceMs = 150 }, -- how long after an edit the analysis starts
    }
    if vim.lsp.start then -- neovim 0.8+: reuses the client of this name and root
      vim.lsp.start(config)
      return
    end
    if not (chainlint_client and vim.lsp.get_client_by_id(chainlint_client)) then
      chainlint_client = vim.lsp.start_client(config)
    end
    vim.lsp.buf_attach_client(args.buf, chainlint_client)
  end,
})
