import type { BenchRun, BenchSuite } from '../../../../bench/suite';
import { countResidents, SEED_ACTION } from '../seed';
import { formatReport } from './report';
import { runBench } from './run';

const groups = ['search', 'list', 'import', 'serve'] as const;

/** Whether an import (in-process or through linli serve) will run: they take long. */
const longCases = (run: BenchRun) =>
  (run.importRows > 0 && run.groups.includes('import')) || ((run.serveRows ?? run.importRows) > 0 && run.groups.includes('serve'));

/**
 * The registry's benchmark: the seed itself, search, list pages and an XLSX import, each through the full
 * handler path beside raw better-sqlite3 (run.ts), then what a clerk feels through `linli serve` while an
 * import runs (serve.ts). Its figures are the ones the README quotes.
 */
export const residentsBench: BenchSuite = {
  groups,

  refusal(services) {
    const residents = countResidents(services);
    if (residents === 0) return null;
    if (services.sqlite.prepare('SELECT 1 FROM audit_log WHERE action = ? LIMIT 1').get(SEED_ACTION)) return null;
    const file = services.paths.database;
    return {
      code: 'residents.bench_real_data',
      'zh-CN': `${file} 中有 ${residents} 名并非由 linli seed 生成的居民。性能测试会写入模拟数据，只能在模拟数据文件上运行。`,
      en: `${file} has ${residents} residents that linli seed did not make. The benchmark writes synthetic data, so it only runs on a synthetic file.`,
    };
  },

  async run(core, token, run) {
    const report = await runBench(core, token, {
      residents: run.residents,
      runs: run.runs,
      importRows: run.importRows,
      deepPages: run.deepPages,
      serveRows: run.serveRows,
      serveFormat: run.serveFormat,
      settleSeconds: run.settleSeconds,
      serveCli: run.serveCli,
      groups: groups.filter((g) => run.groups.includes(g)),
      cases: run.cases ? [...run.cases] : undefined,
      seed: run.seed,
      log: run.log,
      // The import can take long: the other figures are shown first, so that they are not lost.
      onPartial: (partial) => (longCases(run) ? run.onPartial?.(formatReport(partial)) : undefined),
    });
    return { text: formatReport(report), json: report };
  },
};
