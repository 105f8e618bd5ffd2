import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharedZh from '../../../src/shared/i18n/zh-CN.json';
import sharedEn from '../../../src/shared/i18n/en.json';
import uiZh from '../../../src/renderer/src/i18n/zh-CN.json';
import uiEn from '../../../src/renderer/src/i18n/en.json';
import { deepMerge, type LocaleTree } from '../../../src/renderer/src/i18n/merge';
import { roles, permissions } from '../../../src/shared/permissions';
import { ErrorCodes } from '../../../src/shared/errors';
import { methodNames } from '../../../src/shared/contract';
import { reportCatalogue } from '../../../src/main/core/reports/catalogue';
import { charityStrings } from '../../../src/renderer/src/features/charity/i18n';

/**
 * Every string the screens and reports can show exists in both languages. Static keys are read from the
 * renderer's source; keys built at run time (`errors.${code}`, `roles.${role}`, …) are checked against
 * the lists they are built from: the codes core throws, the roles, the contract's areas, the audit
 * actions core records, the reports in the catalogue.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const rendererSrc = path.join(root, 'src/renderer/src');

function flatten(tree: LocaleTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function files(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(full, exts));
    else if (exts.some((e) => entry.name.endsWith(e))) out.push(full);
  }
  return out;
}

const read = (f: string) => fs.readFileSync(f, 'utf8');
const rel = (f: string) => path.relative(root, f);

const merged = {
  'zh-CN': flatten(deepMerge(sharedZh as LocaleTree, uiZh as LocaleTree, ...charityStrings['zh-CN'])),
  en: flatten(deepMerge(sharedEn as LocaleTree, uiEn as LocaleTree, ...charityStrings.en)),
};

/** `t('a.b')`, `i18n.t("a.b", …)`, `i18nKey="a.b"`: keys written out whole. */
function staticKeys(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const patterns = [/\bt\(\s*(['"])([A-Za-z0-9_.-]+)\1/g, /\bi18nKey=(['"])([A-Za-z0-9_.-]+)\1/g];
  for (const file of files(rendererSrc, ['.ts', '.tsx'])) {
    const text = read(file);
    for (const re of patterns) for (const m of text.matchAll(re)) found.set(m[2], [...(found.get(m[2]) ?? []), rel(file)]);
  }
  return found;
}

/** Error codes: thrown in core, produced by the hosts and the transport, and written as zod messages in the contract. */
function errorCodes(): Set<string> {
  const codes = new Set<string>(Object.values(ErrorCodes));
  const notCodes = new Set<string>([...methodNames, ...permissions]);
  const code = /^[a-z][a-z_]*(\.[a-z_]+)+$/;
  const zodMessage = /\.(?:min|max|length|regex|nonempty|startsWith|endsWith|includes|gt|gte|lt|lte|refine|email|url)\([^\n]*?,\s*'([a-z][a-z_]*(?:\.[a-z_]+)+)'\s*\)/g;
  const sources = [
    ...files(path.join(root, 'src/main/core'), ['.ts']),
    ...files(path.join(root, 'src/main/server'), ['.ts']),
    ...files(path.join(root, 'src/main/electron'), ['.ts']),
    ...files(path.join(root, 'src/shared/contract'), ['.ts']),
    ...files(path.join(root, 'src/preload'), ['.ts']),
    ...files(path.join(root, 'src/renderer/src/api'), ['.ts']),
  ];
  for (const file of sources) {
    const text = read(file);
    for (const m of text.matchAll(/new AppError\(\s*'([^']+)'/g)) codes.add(m[1]);
    for (const m of text.matchAll(/\bcode:\s*'([^']+)'/g)) codes.add(m[1]);
    // Custom zod messages: `.min(8, 'auth.password_short')`, `.regex(/…/, 'x.y')`, `{ message: 'x.y' }`.
    for (const m of text.matchAll(zodMessage)) if (!notCodes.has(m[1]) && code.test(m[1])) codes.add(m[1]);
    for (const m of text.matchAll(/\bmessage:\s*'([a-z][a-z_]*(?:\.[a-z_]+)+)'/g)) codes.add(m[1]);
  }
  return codes;
}

/** Audit actions core records: every quoted `area.action` in an `action:` property, ternaries included. */
function auditActions(): Set<string> {
  const actions = new Set<string>();
  for (const file of files(path.join(root, 'src/main/core'), ['.ts'])) {
    for (const m of read(file).matchAll(/\baction:\s*([^,}\n]+)/g)) {
      for (const q of m[1].matchAll(/'([a-z][a-z_]*\.[A-Za-z_]+)'/g)) actions.add(q[1]);
    }
  }
  return actions;
}

/** Keys the renderer builds from a prefix at run time, with a fallback to the raw value. */
const dynamicPrefixes = ['audit.fields.', 'audit.recordTypes.', 'audit.chains.', 'backups.tables.', 'reports.params.'];

function expectInBoth(keys: Iterable<string>, why: (key: string) => string) {
  const missing: string[] = [];
  for (const key of keys) for (const [locale, map] of Object.entries(merged)) if (!map.has(key)) missing.push(`${locale}: ${key} (${why(key)})`);
  expect(missing, missing.join('\n')).toEqual([]);
}

describe('i18n keys', () => {
  it('every static key used in the renderer exists in both locales', () => {
    const used = staticKeys();
    expectInBoth(used.keys(), (k) => `used in ${[...new Set(used.get(k))].join(', ')}`);
  });

  it('every error code core or the hosts can produce is translated (errors.<code>)', () => {
    expectInBoth([...errorCodes()].map((c) => `errors.${c}`), () => 'error code');
  });

  it('every role, contract area and recorded audit action has a name', () => {
    const areas = new Set(methodNames.map((m) => m.split('.')[0]));
    expectInBoth(roles.map((r) => `roles.${r}`), () => 'role');
    expectInBoth([...areas].map((a) => `areas.${a}`), () => 'contract area');
    expectInBoth([...auditActions()].map((a) => `auditActions.${a}`), () => 'audit action recorded in core');
  });

  it('every report and report parameter has a name', () => {
    expectInBoth(reportCatalogue.map((r) => `reportNames.${r.name}`), () => 'report');
    expectInBoth(reportCatalogue.flatMap((r) => r.paramFields.map((p) => `reports.params.${p.name}`)), () => 'report parameter');
  });

  it('both locales have the same keys (shared files and renderer files)', () => {
    const diff = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((k) => !b.has(k));
    const shared = [flatten(sharedZh as LocaleTree), flatten(sharedEn as LocaleTree)] as const;
    const ui = [flatten(uiZh as LocaleTree), flatten(uiEn as LocaleTree)] as const;
    expect(diff(shared[0], shared[1]), 'shared: in zh-CN, not in en').toEqual([]);
    expect(diff(shared[1], shared[0]), 'shared: in en, not in zh-CN').toEqual([]);
    expect(diff(ui[0], ui[1]), 'renderer: in zh-CN, not in en').toEqual([]);
    expect(diff(ui[1], ui[0]), 'renderer: in en, not in zh-CN').toEqual([]);
  });

  it('no value is empty', () => {
    const empty = Object.entries(merged).flatMap(([locale, map]) => [...map].filter(([, v]) => !v.trim()).map(([k]) => `${locale}: ${k}`));
    expect(empty).toEqual([]);
  });

  it("every key in the renderer's own locale files is used", () => {
    const used = new Set(staticKeys().keys());
    const unused = [...flatten(uiZh as LocaleTree).keys()].filter((k) => !used.has(k) && !dynamicPrefixes.some((p) => k.startsWith(p)));
    expect(unused, `unused renderer keys:\n${unused.join('\n')}`).toEqual([]);
  });

  it('no Chinese text is written into TSX (it belongs in the locale files)', () => {
    const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    const offenders: string[] = [];
    for (const file of files(rendererSrc, ['.tsx'])) {
      // Comments may explain in Chinese (公章, 工作台); code and markup may not.
      const code = read(file)
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      code.split('\n').forEach((line, i) => {
        if (cjk.test(line)) offenders.push(`${rel(file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders, offenders.join('\n')).toEqual([]);
  });
});
