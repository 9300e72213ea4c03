import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/*
 * Import boundaries (docs/architecture.md, "Who may import what"):
 * - src/core is pure: it imports nothing outside src/core, and no I/O module.
 * - Only the adapters and the composition roots (src/main.ts, src/cli/main.ts, src/run/, and the Codex hook's own entry src/codex-session/hook-command.ts) import src/adapters;
 *   everything else talks to the outside world through the ports in src/ports.ts.
 */
const IO_MODULES = [
  '@actions/*',
  '@octokit/*',
  'node:http',
  'node:https',
  'node:child_process',
  'node:fs',
  'node:fs/promises',
];
const ADAPTERS = {
  regex: '(^|/)adapters(/|$)',
  message: 'Only src/adapters and the composition root import adapters: depend on a port in src/ports.ts.',
};
const COMPOSITION_ROOTS = ['src/main.ts', 'src/cli/main.ts', 'src/run/**/*.ts', 'src/codex-session/hook-command.ts'];

/** src/core files `depth` folders below src/core may not climb out of it. */
function coreBoundary(depth) {
  const up = '\\.\\./'.repeat(depth + 1);
  return {
    files: [`src/core/${'*/'.repeat(depth)}*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: IO_MODULES, message: 'src/core is pure: pass data in from an adapter.' },
            { regex: `^${up}`, message: 'src/core imports nothing outside src/core.' },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Type-aware checks: promises nobody awaits, and `any` leaking into typed code.
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/adapters/**', ...COMPOSITION_ROOTS],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [ADAPTERS] }],
    },
  },
  coreBoundary(0),
  coreBoundary(1),
  coreBoundary(2),
  coreBoundary(3),
);
