export { startHookServer, generateLocalToken, type HookServer, type HookServerOptions } from './server.js';
export {
  runHookServerCommand,
  parseHookServerArgs,
  HOOK_SERVER_USAGE,
  DEFAULT_HOOK_SERVER_PORT,
  type HookServerArgs,
  type HookServerCommandIo,
} from './command.js';
export { reviewRequest } from './rules.js';
export { BACKEND_NAMES, RULES_BACKEND, reviewerBackend, type BackendName, type ReviewBackend } from './backend.js';
