#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/config/types.ts
var init_types = __esm({
  "src/config/types.ts"() {
    "use strict";
  }
});

// src/codex-session/index.ts
var import_node_os = __toESM(require("node:os"), 1);
var import_node_path4 = __toESM(require("node:path"), 1);

// src/codex-session/compile-cache.ts
var import_node_fs2 = require("node:fs");
var import_node_module = __toESM(require("node:module"), 1);
var import_node_path3 = __toESM(require("node:path"), 1);
var import_node_vm = __toESM(require("node:vm"), 1);

// src/codex-session/config-cache.ts
var import_node_path = __toESM(require("node:path"), 1);
init_types();
function defaultCacheDir(env, home) {
  const base = env.XDG_CACHE_HOME && import_node_path.default.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : import_node_path.default.join(home, ".cache");
  return import_node_path.default.join(base, "codex-hooks");
}

// src/codex-session/repository-root.ts
var import_node_fs = require("node:fs");
var import_node_path2 = __toESM(require("node:path"), 1);
function findRepositoryRoot(cwd) {
  for (let dir = import_node_path2.default.resolve(cwd); ; ) {
    if ((0, import_node_fs.existsSync)(import_node_path2.default.join(dir, ".git"))) return dir;
    const parent = import_node_path2.default.dirname(dir);
    if (parent === dir) return import_node_path2.default.resolve(cwd);
    dir = parent;
  }
}

// src/codex-session/compile-cache.ts
function loadHookBody(body2, env, home, cwd, atExit = (write) => process.on("exit", write)) {
  const source = (0, import_node_fs2.readFileSync)(body2.file, "utf8");
  const place = cacheFileFor(body2, env, home, cwd);
  let cachedData;
  if ("file" in place) {
    try {
      cachedData = (0, import_node_fs2.readFileSync)(place.file);
    } catch {
    }
  }
  const script = new import_node_vm.default.Script(import_node_module.default.wrap(source), { filename: body2.file, cachedData });
  const used = cachedData !== void 0 && script.cachedDataRejected === false;
  const cache = "file" in place ? { kind: used ? "used" : "written", file: place.file } : place;
  if (cache.kind === "written") atExit(() => writeCache(cache.file, script));
  const module2 = { exports: {} };
  const wrapper = script.runInThisContext();
  wrapper(module2.exports, import_node_module.default.createRequire(body2.file), module2, body2.file, import_node_path3.default.dirname(body2.file));
  return { exports: module2.exports, cache };
}
function cacheFileFor(body2, env, home, cwd) {
  const base = defaultCacheDir(env, home);
  const dir = import_node_path3.default.join(base, "v8-compile-cache");
  const root = findRepositoryRoot(cwd);
  if (isInside(dir, root) || isInside(dir, import_node_path3.default.resolve(cwd))) return { kind: "in-workspace", dir };
  try {
    for (const d of [base, dir]) {
      (0, import_node_fs2.mkdirSync)(d, { recursive: true, mode: 448 });
      if (!isPrivateDirectory(d)) return { kind: "not-private", dir: d };
    }
    const st = (0, import_node_fs2.statSync)(body2.file);
    const name = [body2.id, st.size, Math.trunc(st.mtimeMs), process.version, process.arch].join("-");
    return { file: import_node_path3.default.join(dir, `hook-${name}.bin`) };
  } catch (error) {
    return { kind: "failed", message: error.message };
  }
}
function writeCache(file, script) {
  try {
    const temp = `${file}.${process.pid}.tmp`;
    (0, import_node_fs2.writeFileSync)(temp, script.createCachedData(), { mode: 384 });
    (0, import_node_fs2.renameSync)(temp, file);
  } catch {
  }
}
function isInside(file, folder) {
  const rel = import_node_path3.default.relative(folder, file);
  return rel === "" || !rel.startsWith("..") && !import_node_path3.default.isAbsolute(rel);
}
function isPrivateDirectory(dir) {
  const st = (0, import_node_fs2.lstatSync)(dir);
  if (!st.isDirectory() || st.isSymbolicLink()) return false;
  if (process.platform === "win32") return true;
  return st.uid === process.getuid?.() && (st.mode & 63) === 0;
}

// src/codex-session/index.ts
var body = loadHookBody(
  { file: import_node_path4.default.join(__dirname, "hook.cjs"), id: "2c9b5ffadc9f4612" },
  process.env,
  import_node_os.default.homedir(),
  process.cwd()
);
if (process.env.CODEX_HOOKS_DEBUG) process.stderr.write(`codex-hooks debug: compile cache ${body.cache.kind}
`);
void body.exports.run();
