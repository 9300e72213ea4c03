import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
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
    // The pure core takes data and returns data: no runner, no octokit, no network.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@actions/*',
                '@octokit/*',
                'node:http',
                'node:https',
                'node:child_process',
                'node:fs',
                'node:fs/promises',
              ],
              message: 'src/core is pure: pass data in from an adapter.',
            },
            {
              group: ['../adapters/*', '../../adapters/*', '../main*', '../../main*'],
              message: 'src/core must not depend on adapters.',
            },
          ],
        },
      ],
    },
  },
);
