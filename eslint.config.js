// ESLint for src/ and tests/ (flat config). Why each choice is made is in the README, "Tests" → "Lint and format".
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electron = { name: 'electron', message: 'Only src/main/electron/ may load Electron (core, shared and the renderer run without it).' };
const electronPaths = { group: ['electron/*'], message: electron.message };
const nodeBuiltins = {
  regex: `^(node:.*|(${builtinModules.join('|')})(/.*)?)$`,
  message: 'The renderer is a web page (and src/shared runs there too): no Node modules.',
};
const mainCode = {
  group: ['@core', '@core/*', '**/main/*', '**/main/**', '**/preload/*'],
  message: 'The renderer reaches main only through window.linli (the contract), never by importing its code.',
};

export default defineConfig(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.linli-tmp/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      // import-x reads only the extensions listed here (its default is .js), through TypeScript's paths.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      // Cycles make module start-up order matter (a value read before its module ran is undefined). An
      // `await import()` inside a function runs after every module has loaded, which is how the charity bench
      // reaches createCore (app → areas → charity → app) on purpose; a chain with one is not reported.
      'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: true }],
      'react-hooks/rules-of-hooks': 'error',
      // An error, not a warning: a missing dependency is a stale value on screen. useLoad(load, deps) takes its
      // dependencies as useEffect does, so its callers are checked too. The few deliberate exceptions say why.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useLoad$' }],
      // Chinese layout puts the ideographic space U+3000 (全角空格) in strings, templates and JSX text on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
      // `_name` marks a parameter or a destructured field kept on purpose (a handler's unused ctx, a rest pick).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // Kysely's convention: a migration is frozen in time, so it takes Kysely<any>, not today's Database type.
    files: ['src/main/core/db/migrations/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { paths: [electron], patterns: [electronPaths, nodeBuiltins, mainCode] }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            electronPaths,
            nodeBuiltins,
            {
              group: ['@core', '@core/*', '**/main/*', '**/main/**', '**/renderer/**'],
              message: 'src/shared is pure: it imports nothing from main or the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts', 'src/main/server/**/*.ts', 'src/main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron], patterns: [electronPaths] }] },
  },
);
