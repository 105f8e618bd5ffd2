import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Process boundaries, checked on the source (STYLE.md §11): core and shared run in every host, so they
// never touch Electron; the renderer is a web page, so it gets neither Node nor main-process code.
// Area boundaries: the foundation never depends on an area, and areas reach each other only through the
// index each exports (README, "Adding an area").

const root = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [abs];
  return (fs.readdirSync(abs, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile() && /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/.test(d.name) && !d.name.endsWith('.d.ts'))
    .map((d) => path.join(d.parentPath, d.name));
}

interface ImportLine {
  specifier: string;
  typeOnly: boolean;
  line: number;
}

/** Every module a file loads: static imports and re-exports (also across lines), require() and import(). */
export function importsOf(source: string): ImportLine[] {
  const out: ImportLine[] = [];
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;
  const stat = /(^|[\n;])\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(stat)) {
    // `export const x = '…'` is not a module load: a re-export has `from`, a side-effect import has nothing between.
    if (m[2] === 'export' && !m[4]) continue;
    out.push({ specifier: m[5], typeOnly: !!m[3], line: lineAt(m.index + m[0].search(/import|export/)) });
  }
  for (const m of source.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ specifier: m[1], typeOnly: false, line: lineAt(m.index) });
  return out;
}

const aliases: [string, string][] = [
  ['@core/', 'src/main/core/'],
  ['@shared/', 'src/shared/'],
];

/** The file or folder a specifier names, relative to the root (no extension); null for a package. */
export function targetOf(file: string, spec: string): string | null {
  for (const [alias, dir] of aliases) if (spec.startsWith(alias)) return path.join(dir, spec.slice(alias.length));
  if (!spec.startsWith('.')) return null;
  return path.relative(root, path.resolve(path.dirname(file), spec)).replace(/\.(ts|tsx|js|json)$/, '');
}

const isElectron = (s: string) => s === 'electron' || s.startsWith('electron/');
const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNode = (s: string) => s.startsWith('node:') || nodeBuiltins.has(s) || nodeBuiltins.has(s.split('/')[0]);

function offenders(dirs: string[], bad: (spec: string, file: string, imp: ImportLine) => boolean): string[] {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const file of sourceFiles(dir)) {
      for (const imp of importsOf(fs.readFileSync(file, 'utf8'))) {
        if (bad(imp.specifier, file, imp)) found.push(`${path.relative(root, file)}:${imp.line} imports '${imp.specifier}'`);
      }
    }
  }
  return found;
}

const rendererSrc = path.join(root, 'src/renderer/src');
/** The renderer's foundation: the shell, the kit, the API client, i18n and the entry. Areas plug into it. */
const foundationDirs = [...['app', 'components', 'api', 'i18n'].map((d) => `src/renderer/src/${d}`), 'src/renderer/src/main.tsx'];
/** The renderer's lists of areas, the only files of features/ the foundation imports: their screens, their strings. */
const rendererAreaLists = ['src/renderer/src/features/areas.ts', 'src/renderer/src/features/locales.ts'];

/** The file a relative import loads (.ts, .tsx or a folder's index), or null for packages and aliases. */
function resolveRelative(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(file), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

describe('process boundaries', () => {
  it('the scanner sees the import forms used in this code base', () => {
    const src = `import a from 'a';\nimport type { B } from "b";\nimport {\n  c,\n} from 'c';\nimport 'd.css';\nexport { e } from './e';\nexport const f = 'not-a-module';\nconst g = require('g');\nawait import('h');\n`;
    expect(importsOf(src).map((i) => `${i.specifier}${i.typeOnly ? ':type' : ''}@${i.line}`)).toEqual([
      'a@1',
      'b:type@2',
      'c@3',
      'd.css@6',
      './e@7',
      'g@9',
      'h@10',
    ]);
  });

  it('core, shared and the renderer never import electron', () => {
    expect(sourceFiles('src/main/core').length).toBeGreaterThan(10);
    expect(sourceFiles('src/shared').length).toBeGreaterThan(5);
    expect(offenders(['src/main/core', 'src/shared', 'src/renderer'], (s) => isElectron(s))).toEqual([]);
  });

  it('the renderer imports no Node module and nothing from src/main', () => {
    expect(sourceFiles('src/renderer').length).toBeGreaterThan(0);
    expect(
      offenders(['src/renderer'], (s, file) => {
        if (isNode(s)) return true;
        if (s === '@core' || s.startsWith('@core/')) return true;
        if (s.startsWith('.')) {
          const target = path.resolve(path.dirname(file), s);
          return (
            target === path.join(root, 'src/main') ||
            target.startsWith(path.join(root, 'src/main') + path.sep) ||
            target.startsWith(path.join(root, 'src/preload'))
          );
        }
        return s.startsWith('src/main');
      }),
    ).toEqual([]);
  });

  it("the renderer's foundation reaches areas only through the list of areas (features/areas.ts) and of their strings (locales.ts)", () => {
    const features = path.join(rendererSrc, 'features');
    const lists = rendererAreaLists.map((f) => path.join(root, f));
    const found = offenders(foundationDirs, (s, file) => {
      const target = resolveRelative(file, s);
      return !!target && target.startsWith(features + path.sep) && !lists.includes(target);
    });
    // app/routes.tsx builds the shell's screens from the list of areas, i18n/index.ts merges their strings.
    const users = offenders(foundationDirs, (s, file) => lists.includes(resolveRelative(file, s) ?? '')).map((u) => u.split(':')[0]);
    expect([...new Set(users)].sort()).toEqual(expect.arrayContaining(['src/renderer/src/app/routes.tsx', 'src/renderer/src/i18n/index.ts']));
    expect(found).toEqual([]);
  });

  it('a renderer area imports another area only through its index', () => {
    const features = path.join(rendererSrc, 'features');
    const areaOf = (file: string) => path.relative(features, file).split(path.sep)[0];
    const found = offenders(['src/renderer/src/features'], (s, file) => {
      const target = resolveRelative(file, s);
      if (!target || !target.startsWith(features + path.sep) || path.dirname(file) === features) return false;
      const area = areaOf(target);
      return area !== areaOf(file) && target !== path.join(features, area, 'index.ts');
    });
    expect(found).toEqual([]);
  });

  it('the renderer has no import cycle (type-only imports aside)', () => {
    const graph = new Map<string, string[]>();
    for (const file of sourceFiles('src/renderer/src')) {
      const edges = importsOf(fs.readFileSync(file, 'utf8'))
        .filter((i) => !i.typeOnly)
        .map((i) => resolveRelative(file, i.specifier))
        .filter((t): t is string => !!t);
      graph.set(file, edges);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(rendererSrc, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('the Electron modules that tests load use electron for types only', () => {
    const pure = [
      'security.ts',
      'app-files.ts',
      'host-ipc.ts',
      'host-channels.ts',
      'ipc-binding.ts',
      'startup.ts',
      'print-options.ts',
      'strings.ts',
      'language.ts',
    ];
    const found: string[] = [];
    for (const name of pure) {
      const file = path.join(root, 'src/main/electron', name);
      for (const imp of importsOf(fs.readFileSync(file, 'utf8'))) if (isElectron(imp.specifier) && !imp.typeOnly) found.push(`${name}:${imp.line}`);
    }
    expect(found).toEqual([]);
  });

  it('the window loads the CommonJS preload that the build emits', () => {
    expect(fs.readFileSync(path.join(root, 'src/main/electron/index.ts'), 'utf8')).toContain("'../preload/index.cjs'");
    expect(fs.readFileSync(path.join(root, 'electron.vite.config.ts'), 'utf8')).toMatch(/format:\s*'cjs'/);
  });

  const builtPreload = path.join(root, 'out/preload/index.cjs');
  it.skipIf(!fs.existsSync(builtPreload))('the built preload is CommonJS: no top-level import, electron through require', () => {
    const code = fs.readFileSync(builtPreload, 'utf8');
    expect(code).not.toMatch(/^\s*import[\s{*'"]/m);
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toContain('import.meta');
    expect(code).toContain('require("electron")');
    expect(code).toContain('exposeInMainWorld("linli"');
  });
});

/** The areas: folders under src/main/core/features (core), src/shared/contract (shared), src/renderer/src/features (renderer). */
function areaFolders(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

describe('area boundaries', () => {
  const coreAreas = areaFolders('src/main/core/features');
  const sharedAreas = areaFolders('src/shared/contract');
  const rendererAreas = areaFolders('src/renderer/src/features').filter((a) => sharedAreas.includes(a));

  /** Which area folder (core, shared or renderer) a root-relative path lies in, if any. */
  const areaOf = (rel: string): { layer: string; area: string; rest: string } | null => {
    for (const [layer, base, names] of [
      ['core', 'src/main/core/features/', coreAreas],
      ['shared', 'src/shared/contract/', sharedAreas],
      ['renderer', 'src/renderer/src/features/', rendererAreas],
    ] as const) {
      if (!rel.startsWith(base)) continue;
      const [area, ...rest] = rel.slice(base.length).split('/');
      if (names.includes(area)) return { layer, area, rest: rest.join('/') };
    }
    return null;
  };

  /** Root-relative files that load an area's module, with the file and what it names. */
  function areaImports(dirs: string[]): { from: string; line: number; spec: string; target: { layer: string; area: string; rest: string } }[] {
    const out = [];
    for (const dir of dirs) {
      for (const file of sourceFiles(dir)) {
        for (const imp of importsOf(fs.readFileSync(file, 'utf8'))) {
          const rel = targetOf(file, imp.specifier);
          const target = rel && areaOf(rel);
          if (target) out.push({ from: path.relative(root, file), line: imp.line, spec: imp.specifier, target });
        }
      }
    }
    return out;
  }

  it('sees the areas there are', () => {
    expect(coreAreas).toContain('residents');
    // The community profile and settings are foundation (core/community/), not an area.
    expect(coreAreas).not.toContain('community');
    expect(sharedAreas).toContain('residents');
    expect(rendererAreas).toContain('residents');
    expect(targetOf(path.join(root, 'src/main/core/handlers.ts'), './features/residents')).toBe('src/main/core/features/residents');
    expect(targetOf(path.join(root, 'src/renderer/src/app/x.ts'), '@shared/contract/residents/people')).toBe('src/shared/contract/residents/people');
  });

  it('the foundation of core and shared imports no area, but for the one list of each layer', () => {
    // The lists that the composition roots loop over: core's areas, the contract map, the permissions.
    // db/schema.ts's Database lists each area's table types and chains/registry.ts each area's hash chain,
    // as areas.ts lists their modules (the backup check's worker reads chains without loading every handler).
    const lists = [
      'src/main/core/areas.ts',
      'src/main/core/db/schema.ts',
      'src/main/core/chains/registry.ts',
      'src/shared/contract/index.ts',
      'src/shared/permissions.ts',
    ];
    const found = areaImports(['src/main/core', 'src/shared'])
      .filter((i) => !areaOf(i.from) && !lists.includes(i.from))
      .map((i) => `${i.from}:${i.line} imports '${i.spec}'`);
    expect(found).toEqual([]);
  });

  it('the lists take each area through its index', () => {
    const found = areaImports(['src/main/core/areas.ts', 'src/shared/contract/index.ts'].map((f) => path.dirname(f)))
      .filter((i) => ['src/main/core/areas.ts', 'src/shared/contract/index.ts'].includes(i.from) && !['', 'index'].includes(i.target.rest))
      .map((i) => `${i.from}:${i.line} imports '${i.spec}'`);
    expect(found).toEqual([]);
  });

  it("areas import each other only through the other area's index", () => {
    const found = areaImports(['src/main/core/features', 'src/shared/contract', 'src/renderer/src/features'])
      .filter((i) => {
        const from = areaOf(i.from);
        return from && from.area !== i.target.area && !['', 'index'].includes(i.target.rest);
      })
      .map((i) => `${i.from}:${i.line} imports '${i.spec}'`);
    expect(found).toEqual([]);
  });

  it("the renderer's foundation (app, components, api, i18n, main.tsx) imports no area folder, aliases included", () => {
    // The foundation learns about areas from the two lists in features/ (areas.ts: screens, nav, Ctrl+K;
    // locales.ts: their strings), which are no area themselves: so no exemption is needed here.
    for (const list of rendererAreaLists) expect(fs.existsSync(path.join(root, list)), list).toBe(true);
    const found = areaImports([
      'src/renderer/src/app',
      'src/renderer/src/components',
      'src/renderer/src/api',
      'src/renderer/src/i18n',
      'src/renderer/src/main.tsx',
    ]).map((i) => `${i.from}:${i.line} imports '${i.spec}'`);
    expect(found).toEqual([]);
  });
});
