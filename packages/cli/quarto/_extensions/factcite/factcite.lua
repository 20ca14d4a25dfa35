--[[
factcite: resolve [@fact:ID] citations from the installed fact release during
`pandoc` or `quarto render`, and report unknown, deprecated, malformed and
contradicted-number citations on stderr at file:line:column.

The work is done by the factcite CLI (`factcite pandoc-filter`, a JSON
filter), which holds the corpus and the checks; this file only hands it the
document and the names of the input files, which a JSON filter is not told.

Options, in the document's metadata:
  factcite:
    fail-on: error      # error | warning | never (default): stop the render
    cite-as: source     # source (each article listed once) | fact
    corpus: path/to/corpus
    lang: zh-Hant       # en | zh-Hans | zh-Hant: the messages' language (default: the locale, LANG)
    command: factcite   # how to run the CLI, e.g. "npx factcite"
    citeproc: true      # run citeproc here (pandoc >= 2.19.1), for Quarto
The environment variable FACTCITE_COMMAND overrides `command`.
]]

local function words(text)
  local out = {}
  for word in string.gmatch(text, '%S+') do
    table.insert(out, word)
  end
  return out
end

local function option(meta, key)
  local value = meta[key]
  if value == nil then
    return nil
  end
  if type(value) == 'boolean' then
    return value
  end
  return pandoc.utils.stringify(value)
end

function Pandoc(doc)
  local settings = doc.meta.factcite or {}
  local command = os.getenv('FACTCITE_COMMAND') or option(settings, 'command') or 'factcite'
  local argv = words(command)
  local program = table.remove(argv, 1)
  table.insert(argv, 'pandoc-filter')
  table.insert(argv, FORMAT)
  local inputs = PANDOC_STATE and PANDOC_STATE.input_files or {}
  local named = {}
  for _, file in ipairs(inputs) do
    if file ~= '-' then
      table.insert(named, file)
    end
  end
  if #named > 0 then
    table.insert(argv, '--input')
    for _, file in ipairs(named) do
      table.insert(argv, file)
    end
  end
  local ok, resolved = pcall(pandoc.utils.run_json_filter, doc, program, argv)
  if not ok then
    local reason = tostring(resolved)
    if reason:find('Could not find executable') or reason:find('does not exist') then
      io.stderr:write('factcite: cannot run "' .. program .. '": install the CLI (npm install -g @factcite/cli)'
        .. ' or set factcite.command or FACTCITE_COMMAND (e.g. "npx factcite")\n')
    else
      -- factcite has printed the problems and why it stopped; a Lua traceback would only hide them.
      io.stderr:write('factcite: the render was stopped\n')
    end
    os.exit(1)
  end
  if option(settings, 'citeproc') == true and pandoc.utils.citeproc then
    return pandoc.utils.citeproc(resolved)
  end
  return resolved
end
