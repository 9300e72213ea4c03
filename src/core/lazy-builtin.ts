import nodeModule from 'node:module';

/**
 * A Node built-in module (crypto, zlib, child_process) loaded on its first use, not when the bundle starts. The Codex hook starts on every
 * prompt and tool call, and most of its runs never spawn a process, hash a finding or gzip a log: loading
 * `child_process`, `crypto` and `zlib` up front cost it more than the scan. `process.getBuiltinModule`
 * (Node 20.16+, 22.3+) where it exists, else a `require` of our own (looked up by name, because the bundler
 * would rewrite a plain `createRequire` call into nothing). Not I/O: it only defers a module load, so the
 * pure core may use it for `crypto`.
 */
type BuiltinLoader = (id: string) => unknown;

let load: BuiltinLoader | undefined;

function loader(): BuiltinLoader {
  const get = (process as { getBuiltinModule?: BuiltinLoader }).getBuiltinModule;
  if (typeof get === 'function') return get.bind(process);
  const createRequire = Reflect.get(nodeModule, 'createRequire') as typeof nodeModule.createRequire;
  return createRequire(import.meta.url);
}

export function deferBuiltin<T>(id: `node:${string}`): () => T {
  let mod: T | undefined;
  return () => (mod ??= (load ??= loader())(id) as T);
}
