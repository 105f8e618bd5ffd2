import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharedZh from '../../../src/shared/i18n/zh-CN.json';
import sharedEn from '../../../src/shared/i18n/en.json';
import uiZh from '../../../src/renderer/src/i18n/zh-CN.json';
import uiEn from '../../../src/renderer/src/i18n/en.json';
import { deepMerge, type LocaleTree } from '../../../src/renderer/src/i18n/merge';
import { sharedAreaLocales } from '../../../src/shared/i18n/areas';
import { areaLocales } from '../../../src/renderer/src/features/locales';
import { roles, permissions } from '../../../src/shared/permissions';
import { ErrorCodes } from '../../../src/shared/errors';
import { methodNames } from '../../../src/shared/contract';
import { reportCatalogue } from '../../../src/main/core/reports/catalogue';
import { texts } from '../../../src/main/cli/text';
import { commands } from '../../../src/main/cli/commands';

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

/** Every locale JSON file: the base ones and each area's (renderer and shared). */
function localeFiles(): string[] {
  return [...files(path.join(root, 'src/shared/i18n'), ['.json']), ...files(rendererSrc, ['.json']).filter((f) => f.includes(`${path.sep}i18n${path.sep}`))];
}

/** Each pair of files, as they are loaded: the base ones, then each area's (shared, then the screens'). */
const pairs: { name: string; zh: LocaleTree; en: LocaleTree; renderer: boolean }[] = [
  { name: 'shared', zh: sharedZh, en: sharedEn, renderer: false },
  ...sharedAreaLocales.map((a, i) => ({ name: `shared area #${i + 1}`, zh: a['zh-CN'], en: a.en, renderer: false })),
  { name: 'renderer', zh: uiZh, en: uiEn, renderer: true },
  ...areaLocales.map((a, i) => ({ name: `renderer area #${i + 1}`, zh: a['zh-CN'], en: a.en, renderer: true })),
];

const merged = {
  'zh-CN': flatten(deepMerge(...pairs.map((p) => p.zh))),
  en: flatten(deepMerge(...pairs.map((p) => p.en))),
};

/**
 * Keys written twice in one object of a JSON file: JSON.parse keeps the last and says nothing, so the
 * raw text is scanned. Returns each repeated key's dotted path.
 */
export function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  // One frame per open object or array: the keys seen so far, the path to it, the key just read.
  const stack: { keys: Set<string> | null; path: string[]; pending: string | null }[] = [];
  let i = 0;
  const readString = () => {
    let out = '';
    for (i++; text[i] !== '"'; i++) out += text[i] === '\\' ? text[i] + text[++i] : text[i];
    i++;
    return JSON.parse(`"${out}"`) as string;
  };
  let expectKey = false;
  while (i < text.length) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '{' || c === '[') {
      const path = top ? [...top.path, ...(top.pending !== null ? [top.pending] : [])] : [];
      stack.push({ keys: c === '{' ? new Set() : null, path, pending: null });
      expectKey = c === '{';
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
      i++;
    } else if (c === '"') {
      const value = readString();
      if (expectKey && top?.keys) {
        if (top.keys.has(value)) found.push([...top.path, value].join('.'));
        top.keys.add(value);
        top.pending = value;
        expectKey = false;
      }
    } else {
      if (c === ',' && top?.keys) expectKey = true;
      i++;
    }
  }
  return found;
}

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
  const zodMessage =
    /\.(?:min|max|length|regex|nonempty|startsWith|endsWith|includes|gt|gte|lt|lte|refine|email|url)\([^\n]*?,\s*'([a-z][a-z_]*(?:\.[a-z_]+)+)'\s*\)/g;
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
    expectInBoth(
      [...errorCodes()].map((c) => `errors.${c}`),
      () => 'error code',
    );
  });

  it('every role, contract area and recorded audit action has a name', () => {
    const areas = new Set(methodNames.map((m) => m.split('.')[0]));
    expectInBoth(
      roles.map((r) => `roles.${r}`),
      () => 'role',
    );
    expectInBoth(
      [...areas].map((a) => `areas.${a}`),
      () => 'contract area',
    );
    expectInBoth(
      [...auditActions()].map((a) => `auditActions.${a}`),
      () => 'audit action recorded in core',
    );
  });

  it('every report and report parameter has a name', () => {
    expectInBoth(
      reportCatalogue.map((r) => `reportNames.${r.name}`),
      () => 'report',
    );
    expectInBoth(
      reportCatalogue.flatMap((r) => r.paramFields.map((p) => `reports.params.${p.name}`)),
      () => 'report parameter',
    );
    const options = reportCatalogue.flatMap((r) => r.paramFields.flatMap((p) => (p.options ?? []).map((o) => `reports.options.${p.name}.${o.value}`)));
    expectInBoth(options, () => 'report option');
  });

  describe('the command line (cli.* in the shared locale files)', () => {
    /**
     * The commands whose summary and --help come from cli.<name>: the foundation's (base files), council's and
     * residents' and charity's (src/shared/i18n/<area>/).
     */
    const localisedCommands = ['init', 'serve', 'backup', 'restore', 'verify', 'report', 'users', 'seed', 'bench', 'council', 'residents', 'charity'];
    /** A key the translator could not find comes back as the key itself; a parameter it was not given, as nothing. */
    const unresolved = /\b(cli|chains)\.[a-z]+\.[A-Za-z]|\{\{/;

    it("these commands' summary and help exist in both locales", () => {
      expectInBoth(
        localisedCommands.flatMap((c) => [`cli.${c}.summary`, `cli.${c}.help`]),
        () => 'linli command',
      );
      for (const name of localisedCommands)
        expect(
          commands.map((c) => c.name),
          name,
        ).toContain(name);
    });

    it('every message and help text resolves in both locales, every placeholder filled', () => {
      const bad: string[] = [];
      const check = (where: string, value: unknown) => {
        for (const text of [value].flat(2)) if (typeof text !== 'string' || !text.trim() || unresolved.test(text)) bad.push(`${where}: ${String(text)}`);
      };
      for (const [locale, table] of Object.entries(texts)) {
        for (const [name, entry] of Object.entries(table)) {
          // Each message with every argument truthy, then falsy, so that both sides of a choice are read.
          if (typeof entry === 'function') {
            const say = entry as (...args: string[]) => unknown;
            for (const arg of ['mismatch', '']) check(`${locale} ${name}(${arg})`, say(...Array<string>(say.length).fill(arg)));
          } else if (Array.isArray(entry) || typeof entry === 'string') check(`${locale} ${name}`, entry);
          else check(`${locale} ${name}`, Object.values(entry));
        }
        expect(Object.keys(table.chainNames), locale).toEqual(expect.arrayContaining(['audit', 'charity']));
      }
      for (const c of commands) for (const locale of ['zh-CN', 'en'] as const) check(`linli ${c.name} (${locale})`, [c.summary[locale], c.help[locale]]);
      expect(bad, bad.join('\n')).toEqual([]);
    });

    it('both locales of a cli.* text take the same {{placeholders}}', () => {
      const names = (text: string | undefined) =>
        [...(text ?? '').matchAll(/\{\{(\w+)\}\}/g)]
          .map((m) => m[1])
          .sort()
          .join(',');
      const differ = [...merged['zh-CN']].filter(([k, zh]) => k.startsWith('cli.') && names(zh) !== names(merged.en.get(k))).map(([k]) => k);
      expect(differ).toEqual([]);
    });

    it('every cli.* key is used by the command line', () => {
      const used = new Set<string>();
      const prefixes = new Set<string>();
      for (const file of files(path.join(root, 'src/main/cli'), ['.ts'])) {
        const text = read(file);
        for (const m of text.matchAll(/'(cli\.[\w.]+)'/g)) used.add(m[1]);
        for (const m of text.matchAll(/\bgeneral\('(\w+)'/g)) used.add(`cli.general.${m[1]}`);
        for (const m of text.matchAll(/`(cli\.[\w.]+\.)\$\{/g)) prefixes.add(m[1]);
        for (const m of text.matchAll(/\bcommandTexts\('(\w+)'/g)) used.add(`cli.${m[1]}.summary`).add(`cli.${m[1]}.help`);
        for (const m of text.matchAll(/\bkeyed\('(cli\.[\w.]+)'\)/g)) prefixes.add(`${m[1]}.`);
      }
      const unused = [...merged['zh-CN'].keys()].filter((k) => k.startsWith('cli.') && !used.has(k) && ![...prefixes].some((p) => k.startsWith(p)));
      expect(unused, `unused cli keys:\n${unused.join('\n')}`).toEqual([]);
    });
  });

  it('both locales have the same keys (in each pair of files: base, shared and renderer, and every area)', () => {
    const diff = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((k) => !b.has(k));
    for (const pair of pairs) {
      const [zh, en] = [flatten(pair.zh), flatten(pair.en)];
      expect(diff(zh, en), `${pair.name}: in zh-CN, not in en`).toEqual([]);
      expect(diff(en, zh), `${pair.name}: in en, not in zh-CN`).toEqual([]);
    }
  });

  it('no file redefines a key another file has (the merge would keep the later one silently)', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const pair of pairs)
      for (const key of flatten(pair.zh).keys()) {
        if (owner.has(key)) twice.push(`${key}: ${owner.get(key)} and ${pair.name}`);
        owner.set(key, pair.name);
      }
    expect(twice, twice.join('\n')).toEqual([]);
  });

  it('the scanner finds a key written twice in one object, and only there', () => {
    expect(duplicateKeys('{"a":{"b":"1","c":{"b":"x"},"b":"2"},"d":["b","b"],"e":"\\"b\\""}')).toEqual(['a.b']);
  });

  it('no locale file writes a key twice in one object (JSON.parse would keep the last silently)', () => {
    const found = localeFiles().flatMap((f) => duplicateKeys(read(f)).map((k) => `${rel(f)}: ${k}`));
    expect(found, found.join('\n')).toEqual([]);
  });

  it('no value is empty', () => {
    const empty = Object.entries(merged).flatMap(([locale, map]) => [...map].filter(([, v]) => !v.trim()).map(([k]) => `${locale}: ${k}`));
    expect(empty).toEqual([]);
  });

  it("every key in the renderer's own locale files is used", () => {
    const used = new Set(staticKeys().keys());
    // Keys written whole elsewhere than right after `t(` (t(ok ? 'a.b' : 'a.c'), a map of labels), and
    // prefixes of keys built in a template (t(`council.states.${state}`)) count as used too.
    const literals = new Set<string>();
    const templatePrefixes = new Set<string>(dynamicPrefixes);
    for (const file of files(rendererSrc, ['.ts', '.tsx'])) {
      const text = read(file);
      for (const m of text.matchAll(/(['"])([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)\1/g)) literals.add(m[2]);
      for (const m of text.matchAll(/`([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.)\$\{/g)) templatePrefixes.add(m[1]);
    }
    const own = pairs.filter((p) => p.renderer).flatMap((p) => [...flatten(p.zh).keys()]);
    const unused = own.filter((k) => !used.has(k) && !literals.has(k) && ![...templatePrefixes].some((p) => k.startsWith(p)));
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
