import { AppError, ErrorCodes } from '../../../../../shared/errors';
import type { AreaSeeder, SeedRun } from '../../../seed/seeder';
import { countResidents, seedResidents, type SeedProgress, type SeedResult } from './seed';

/**
 * The registry's part of `linli seed` and the demo: the community itself (grids, buildings, households,
 * residents, tags, visits). Every other area's synthetic rows refer to these people.
 */
export const residentsSeeder: AreaSeeder = {
  check(services, run) {
    if (run.permissions && !run.permissions.has('residents.import')) {
      throw new AppError(ErrorCodes.forbidden, 'Seeding residents needs residents.import', { params: { permission: 'residents.import' } });
    }
    const existing = countResidents(services);
    if (existing > 0 && !run.append) {
      const message = `The registry already has ${existing} residents; add --append to add to it anyway`;
      throw new AppError('residents.seed_not_empty', message, { params: { count: existing } });
    }
  },

  async seed(services, run) {
    let lastNote = 0;
    const r = await seedResidents(services, {
      residents: run.residents,
      seed: run.seed,
      append: run.append,
      actor: run.actor,
      workers: run.workers,
      signal: run.signal,
      onProgress: (p) => {
        const now = Date.now();
        if (p.phase !== 'indexes' && now - lastNote < 2000) return;
        lastNote = now;
        run.note?.(progressLine(run, p));
      },
    });
    return { text: resultText(run, r), figures: { ...r } };
  },
};

function progressLine(run: SeedRun, p: SeedProgress): string {
  const rate = Math.round(p.residents / Math.max(0.001, p.elapsedMs / 1000));
  if (p.phase === 'indexes') {
    return run.locale === 'zh-CN' ? `已写入 ${p.residents} 名居民，正在建立索引…` : `${p.residents} residents written; building the indexes…`;
  }
  return run.locale === 'zh-CN'
    ? `已写入 ${p.residents}/${run.residents} 名居民（${p.households} 户，${rate} 人/秒）`
    : `${p.residents}/${run.residents} residents (${p.households} households, ${rate}/s)`;
}

function resultText(run: SeedRun, r: SeedResult): string {
  const c = r.counts;
  const seconds = (r.elapsedMs / 1000).toFixed(1);
  if (run.locale === 'zh-CN') {
    const threads = r.workers ? `${r.workers} 个工作线程` : '单线程';
    return [
      `已生成模拟社区（种子 ${r.seed}，基准日期 ${r.today}）：${c.residents} 名居民、${c.households} 户、${c.houses} 套房屋、`,
      `${c.buildings} 栋楼、${c.compounds} 个小区、${c.grids} 个网格、${c.tags} 个标签、${c.visits} 条走访记录。\n`,
      `用时 ${seconds} 秒，${r.rowsPerSecond} 行/秒（${r.residentsPerSecond} 名居民/秒，${threads}）。`,
    ].join('');
  }
  const threads = r.workers ? `${r.workers} worker threads` : 'one thread';
  return [
    `Synthetic community (seed ${r.seed}, as of ${r.today}): ${c.residents} residents, ${c.households} households, ${c.houses} houses, `,
    `${c.buildings} buildings, ${c.compounds} compounds, ${c.grids} grids, ${c.tags} tags, ${c.visits} visits.\n`,
    `${seconds} s, ${r.rowsPerSecond} rows/s (${r.residentsPerSecond} residents/s, ${threads}).`,
  ].join('');
}
