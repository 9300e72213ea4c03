export { parsePatch } from './parse-patch.js';
export type { Hunk, HunkLine, ParsedPatch } from './parse-patch.js';
export { parseGitDiff, unquote } from './parse-git-diff.js';
export { countLines, parseWholeFile, patchOf, wholeFilePatch } from './whole-file.js';
