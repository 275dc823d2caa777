/* weft: the warnings module. */
/* warnings.warn() -> filters -> "file:line: Category: message" on sys.stderr (Lib/warnings.py in miniature). */
#include "runtime.h"
#include "frame.h"

/*
 * The module is written in Python (below) like CPython's Lib/warnings.py,
 * with two helpers from C: _caller(stacklevel) finds the file, line and
 * module of the frame that issued the warning, and _source_line() reads the
 * line to show. Message filters match as an anchored, case-insensitive
 * prefix (CPython compiles them as regular expressions; there is no `re`).
 */

static const char warnings_source[] =
    "import sys\n"
    "\n"
    "class WarningMessage:\n"
    "    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file', 'line', 'source')\n"
    "    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):\n"
    "        self.message = message\n"
    "        self.category = category\n"
    "        self.filename = filename\n"
    "        self.lineno = lineno\n"
    "        self.file = file\n"
    "        self.line = line\n"
    "        self.source = source\n"
    "        self._category_name = category.__name__ if category else None\n"
    "    def __str__(self):\n"
    "        return ('{message : %r, category : %r, filename : %r, lineno : %s, line : %r}'\n"
    "                % (self.message, self._category_name, self.filename, self.lineno, self.line))\n"
    "\n"
    "filters = []\n"
    "defaultaction = 'default'\n"
    "_onceregistry = {}\n"
    "_registries = {}\n"
    "_filters_version = 1\n"
    "\n"
    "def _filters_mutated():\n"
    "    global _filters_version\n"
    "    _filters_version += 1\n"
    "\n"
    "def _add_filter(item, append):\n"
    "    if not append:\n"
    "        if item in filters:\n"
    "            filters.remove(item)\n"
    "        filters.insert(0, item)\n"
    "    elif item not in filters:\n"
    "        filters.append(item)\n"
    "    _filters_mutated()\n"
    "\n"
    "_ACTIONS = ('error', 'ignore', 'always', 'default', 'module', 'once')\n"
    "\n"
    "def simplefilter(action, category=Warning, lineno=0, append=False):\n"
    "    assert action in _ACTIONS, 'invalid action: %r' % (action,)\n"
    "    _add_filter((action, None, category, None, lineno), append)\n"
    "\n"
    "def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):\n"
    "    assert action in _ACTIONS, 'invalid action: %r' % (action,)\n"
    "    _add_filter((action, message or None, category, module or None, lineno), append)\n"
    "\n"
    "def resetwarnings():\n"
    "    filters[:] = []\n"
    "    _filters_mutated()\n"
    "\n"
    "def formatwarning(message, category, filename, lineno, line=None):\n"
    "    s = '%s:%s: %s: %s\\n' % (filename, lineno, category.__name__, message)\n"
    "    if line is None:\n"
    "        line = _source_line(filename, lineno)\n"
    "    if line:\n"
    "        s += '  %s\\n' % line.strip()\n"
    "    return s\n"
    "\n"
    "def showwarning(message, category, filename, lineno, file=None, line=None):\n"
    "    if file is None:\n"
    "        file = sys.stderr\n"
    "        if file is None:\n"
    "            return\n"
    "    try:\n"
    "        file.write(formatwarning(message, category, filename, lineno, line))\n"
    "    except OSError:\n"
    "        pass\n"
    "\n"
    "def _showwarnmsg(msg):\n"
    "    globals()['showwarning'](msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)\n"
    "\n"
    "def warn(message, category=None, stacklevel=1, source=None):\n"
    "    if isinstance(message, Warning):\n"
    "        category = message.__class__\n"
    "    if category is None:\n"
    "        category = UserWarning\n"
    "    if not (isinstance(category, type) and issubclass(category, Warning)):\n"
    "        raise TypeError(\"category must be a Warning subclass, not '%s'\" % type(category).__name__)\n"
    "    filename, lineno, module = _caller(stacklevel)\n"
    "    warn_explicit(message, category, filename, lineno, module, source=source)\n"
    "\n"
    "def _matches(pattern, text):\n"
    "    return pattern is None or str(text).lower().startswith(pattern.lower())\n"
    "\n"
    "def warn_explicit(message, category, filename, lineno, module=None, registry=None,\n"
    "                  module_globals=None, source=None):\n"
    "    lineno = int(lineno)\n"
    "    if module is None:\n"
    "        module = filename or '<unknown>'\n"
    "        if module[-3:].lower() == '.py':\n"
    "            module = module[:-3]\n"
    "    if isinstance(message, Warning):\n"
    "        text = str(message)\n"
    "        category = message.__class__\n"
    "    else:\n"
    "        text = message\n"
    "        message = category(message)\n"
    "    if registry is None:\n"
    "        registry = _registries.setdefault(module, {})\n"
    "    if registry.get('version', 0) != _filters_version:\n"
    "        registry.clear()\n"
    "        registry['version'] = _filters_version\n"
    "    key = (text, category, lineno)\n"
    "    if registry.get(key):\n"
    "        return\n"
    "    for item in filters:\n"
    "        action, msg, cat, mod, ln = item\n"
    "        if (_matches(msg, text) and issubclass(category, cat) and\n"
    "                (mod is None or mod == module) and (ln == 0 or lineno == ln)):\n"
    "            break\n"
    "    else:\n"
    "        action = defaultaction\n"
    "    if action == 'ignore':\n"
    "        return\n"
    "    if action == 'error':\n"
    "        raise message\n"
    "    if action == 'once':\n"
    "        registry[key] = 1\n"
    "        oncekey = (text, category)\n"
    "        if _onceregistry.get(oncekey):\n"
    "            return\n"
    "        _onceregistry[oncekey] = 1\n"
    "    elif action == 'always':\n"
    "        pass\n"
    "    elif action == 'module':\n"
    "        registry[key] = 1\n"
    "        altkey = (text, category, 0)\n"
    "        if registry.get(altkey):\n"
    "            return\n"
    "        registry[altkey] = 1\n"
    "    elif action == 'default':\n"
    "        registry[key] = 1\n"
    "    else:\n"
    "        raise RuntimeError('Unrecognized action (%r) in warnings.filters:\\n %s' % (action, item))\n"
    "    _showwarnmsg(WarningMessage(message, category, filename, lineno, None, None, source))\n"
    "\n"
    "class catch_warnings:\n"
    "    def __init__(self, *, record=False, module=None):\n"
    "        self._record = record\n"
    "        self._entered = False\n"
    "    def __repr__(self):\n"
    "        return 'catch_warnings(record=True)' if self._record else 'catch_warnings()'\n"
    "    def __enter__(self):\n"
    "        if self._entered:\n"
    "            raise RuntimeError('Cannot enter %r twice' % self)\n"
    "        self._entered = True\n"
    "        g = globals()\n"
    "        self._filters = filters[:]\n"
    "        self._showwarning = g['showwarning']\n"
    "        _filters_mutated()\n"
    "        if not self._record:\n"
    "            return None\n"
    "        log = []\n"
    "        def _record(message, category, filename, lineno, file=None, line=None):\n"
    "            log.append(WarningMessage(message, category, filename, lineno, file, line))\n"
    "        g['showwarning'] = _record\n"
    "        return log\n"
    "    def __exit__(self, *exc_info):\n"
    "        if not self._entered:\n"
    "            raise RuntimeError('Cannot exit %r without entering first' % self)\n"
    "        filters[:] = self._filters\n"
    "        globals()['showwarning'] = self._showwarning\n"
    "        _filters_mutated()\n"
    "\n"
    "filters[:] = [('default', None, DeprecationWarning, '__main__', 0),\n"
    "              ('ignore', None, DeprecationWarning, None, 0),\n"
    "              ('ignore', None, PendingDeprecationWarning, None, 0),\n"
    "              ('ignore', None, ImportWarning, None, 0),\n"
    "              ('ignore', None, ResourceWarning, None, 0)]\n";

/* _caller(stacklevel) -> (filename, lineno, module name) of the frame
 * `stacklevel` calls above warn() (whose own frame is the innermost). */
static Value warn_caller(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("_caller", nargs, 1, 1) < 0)
        return 0;
    intptr_t level = wf_as_ssize(args[0]);
    if (level == -1 && wf_err_occurred())
        return 0;
    Frame *f = wf_tstate()->frame;
    for (intptr_t i = 0; f && i < (level < 1 ? 1 : level); i++)
        f = f->previous;
    if (!f)
        return wf_tuple_pack(3, wf_str_intern_c("sys"), wf_small(1), wf_str_intern_c("sys"));
    Value file = wf_getattr_c(wf_val(f->code), "co_filename");
    if (!file)
        return 0;
    Value mod = f->globals && wf_is_dict(f->globals) ? wf_dict_get(f->globals, WF_ID(__name__)) : 0;
    Value r = wf_tuple_pack(3, file, wf_small(wf_frame_lineno(f)), mod ? mod : wf_str_intern_c("<string>"));
    wf_decref(file);
    return r;
}

static Value warn_source_line(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("_source_line", nargs, 2, 2) < 0)
        return 0;
    if (!wf_is_str(args[0]) || !wf_is_small(args[1]))
        return wf_incref(wf_None);
    Value line = wf_source_line(wf_str_cstr(args[0]), (int)wf_small_val(args[1]));
    if (!line && wf_err_occurred())
        return 0;
    return line ? line : wf_incref(wf_None);
}

static const MethodDef warnings_helpers[] = {
    {"_caller", warn_caller, 0, NULL},
    {"_source_line", warn_source_line, 0, NULL},
    {NULL},
};

static Value warnings_create(void)
{
    Value m = wf_module_new("warnings");
    if (!m || wf_module_add_functions(m, warnings_helpers) < 0)
        return 0;
    Value d = wf_module_dict(m);
    if (wf_dict_set(d, WF_ID(__builtins__), wf_builtins_module) < 0)
        return 0;
    /* In sys.modules while the source runs, like an imported file. */
    if (wf_dict_set_c(wf_sys_modules, "warnings", m) < 0)
        return 0;
    Value r = wf_run_source(warnings_source, sizeof warnings_source - 1, "<frozen warnings>", d, WF_MODE_EXEC);
    if (!r)
        return 0;
    wf_decref(r);
    return m;
}

void wf_warnings_register(void)
{
    wf_register_builtin_module("warnings", warnings_create);
}
