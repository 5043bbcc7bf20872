-- Neovim as kalsp's client, headless: opens node1.conf of a node pair, waits for the diagnostics,
-- formats the buffer, jumps to the definition of the tracked script. Writes what it saw to
-- $KALSP_RESULT (one `key=value` a line) for the Swift test to check, then quits. Works with
-- Debian's Neovim 0.7 (vim.lsp.start_client, formatting_sync) and with later ones.
local kalsp = os.getenv('KALSP_BIN')
local dir = os.getenv('KALSP_DIR')
local result_path = os.getenv('KALSP_RESULT')
local lines = {}
local function record(key, value) table.insert(lines, key .. '=' .. tostring(value)) end
local function finish()
  local file = io.open(result_path, 'w')
  file:write(table.concat(lines, '\n') .. '\n')
  file:close()
  vim.cmd('qa!')
end

-- A watchdog: whatever happens, the run ends.
local watchdog = vim.loop.new_timer()
watchdog:start(45000, 0, vim.schedule_wrap(function()
  record('timeout', 'watchdog')
  finish()
end))

local ok, err = pcall(function()
  vim.cmd('edit ' .. dir .. '/node1.conf')
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({ name = 'kalsp', cmd = { kalsp }, root_dir = dir })
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  record('nvim', tostring(vim.version().major) .. '.' .. tostring(vim.version().minor))

  -- Diagnostics, as Neovim stores them (byte columns, 0-based lines).
  vim.wait(20000, function() return #vim.diagnostic.get(buf) >= 2 end, 50)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    local code = d.code or lsp.code
    local related = ''
    if lsp.relatedInformation and lsp.relatedInformation[1] then
      related = lsp.relatedInformation[1].location.uri
    end
    record('diagnostic', table.concat({ code, d.lnum, d.col, d.end_lnum, d.end_col, related }, ' '))
  end

  -- Formatting (whole document), then the buffer as it is.
  if vim.lsp.buf.format then
    vim.lsp.buf.format({ timeout_ms = 10000 })
  else
    vim.lsp.buf.formatting_sync(nil, 10000)
  end
  vim.cmd('write! ' .. dir .. '/formatted.conf')

  -- Go to the definition of the script tracked by the instance.
  local row = vim.fn.search('^\\s*check_uplink\\s*$', 'w')
  vim.api.nvim_win_set_cursor(0, { row, vim.fn.getline(row):find('check_uplink') + 2 })
  local params = vim.lsp.util.make_position_params()
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, 10000) or {}
  for _, response in pairs(responses) do
    local location = response.result
    if location and location[1] then location = location[1] end
    if location and location.uri then
      vim.lsp.util.jump_to_location(location, client.offset_encoding or 'utf-16')
    end
  end
  local cursor = vim.api.nvim_win_get_cursor(0)
  record('definition', table.concat({ cursor[1], cursor[2], vim.api.nvim_get_current_line() }, ' '))

  -- Hover on the keyword at the cursor's line start.
  vim.api.nvim_win_set_cursor(0, { cursor[1], 0 })
  local hovers = vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(), 10000) or {}
  for _, response in pairs(hovers) do
    if response.result then
      record('hover', (response.result.contents.value or ''):match('^[^\n]*'))
    end
  end
end)
if not ok then record('error', err) end
finish()
