import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chosenLocale } from '../../../src/shared/i18n/choice';
import { locales } from '../../../src/shared/i18n/translate';
import { languageFile, readShellLanguage, saveShellLanguage } from '../../../src/main/electron/language';
import { databaseFilters, electronTexts, exportFilters } from '../../../src/main/electron/strings';

// The desktop shell's words live in the shared locale files under electron.* (as the CLI's under cli.*),
// and the shell speaks the language the user chose in the window.

const electronDir = path.resolve('src/main/electron');

/** Every dotted key under `electron` in a locale tree. */
function electronKeys(tree: unknown, prefix = 'electron'): string[] {
  const node = (tree as Record<string, unknown>).electron;
  const walk = (n: unknown, at: string): string[] =>
    typeof n === 'string' ? [at] : Object.entries(n as Record<string, unknown>).flatMap(([k, v]) => walk(v, `${at}.${k}`));
  return walk(node, prefix).sort();
}

/** Every text the shell can show in a locale: each message function called with sample arguments. */
function allTexts(locale: 'zh-CN' | 'en'): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'function') out.push(String((v as (...a: unknown[]) => unknown)('/data/a.sqlite', '/data/b.sqlite', 14)));
    else for (const x of Object.values(v as object)) walk(x);
  };
  walk(electronTexts(locale));
  return out;
}

describe("the desktop shell's strings (electron.* in the shared locale files)", () => {
  const source = fs.readFileSync(path.join(electronDir, 'strings.ts'), 'utf8');
  const used = [...source.matchAll(/'(electron\.[\w.]+)'/g)].map((m) => m[1]);

  it('every key the shell reads exists in both locales, and the two locales have the same keys', () => {
    expect(used.length).toBeGreaterThan(30);
    const zh = electronKeys(locales['zh-CN']);
    const en = electronKeys(locales.en);
    expect(en).toEqual(zh);
    expect(used.filter((k) => !zh.includes(k))).toEqual([]);
  });

  it('every electron.* key in the locale files is read by the shell', () => {
    expect(electronKeys(locales['zh-CN']).filter((k) => !used.includes(k))).toEqual([]);
  });

  it('every text resolves in both locales, placeholders filled; English has no Chinese, Chinese is the old wording', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const texts = allTexts(locale);
      expect(
        texts.filter((t) => !t.trim() || /\belectron\.|\{\{/.test(t)),
        locale,
      ).toEqual([]);
    }
    expect(allTexts('en').filter((t) => /[\u4e00-\u9fff]/.test(t))).toEqual([]);
    const zh = electronTexts('zh-CN');
    expect([zh.menu.file, zh.menu.edit, zh.menu.view, zh.menu.help, zh.ok]).toEqual(['文件', '编辑', '视图', '帮助', '确定']);
    expect(zh.about('1.0.0', '/d/linli.sqlite', 14)).toBe('版本 1.0.0\n数据文件：/d/linli.sqlite\n数据版本：14');
    expect(electronTexts('en').startup.restored('b.sqlite', 'a.broken')).toBe(
      'The data was restored from the backup b.sqlite.\nThe file that could not be opened was not deleted; it was renamed to:\na.broken',
    );
  });

  it('the file pickers name their file types in the chosen language', () => {
    expect(exportFilters('居民名册.xlsx', electronTexts('zh-CN'))).toEqual([
      { name: 'Excel 工作簿', extensions: ['xlsx'] },
      { name: '所有文件', extensions: ['*'] },
    ]);
    expect(exportFilters('report.ODT', electronTexts('en'))).toEqual([
      { name: 'ODT', extensions: ['odt'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(databaseFilters(electronTexts('en')).map((f) => f.name)).toEqual(['Linli data files', 'All files']);
  });

  it('no Chinese is written into the shell’s code but the product name (it belongs in the locale files)', () => {
    const found: string[] = [];
    for (const name of fs.readdirSync(electronDir).filter((f) => f.endsWith('.ts'))) {
      fs.readFileSync(path.join(electronDir, name), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$|^\s*\*.*$|^\s*\/\*\*.*$/, '');
          if (/[\u4e00-\u9fff]/.test(code) && !code.includes("PRODUCT_NAME = '邻里 Linli'")) found.push(`${name}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});

describe("the shell's language", () => {
  it('is picked as the renderer picks: a stored zh-CN or en, else Chinese', () => {
    expect(['zh-CN', 'en', 'fr', '', null, undefined, 'EN'].map(chosenLocale)).toEqual(['zh-CN', 'en', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
  });

  it('is kept in userData for the next start; no file or a strange one means Chinese', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-language-'));
    try {
      const file = languageFile(dir);
      expect(readShellLanguage(file)).toBe('zh-CN');
      saveShellLanguage(file, 'en');
      expect(readShellLanguage(file)).toBe('en');
      fs.writeFileSync(file, 'klingon\n');
      expect(readShellLanguage(file)).toBe('zh-CN');
      fs.writeFileSync(file, 'en\n');
      expect(readShellLanguage(file)).toBe('en');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
