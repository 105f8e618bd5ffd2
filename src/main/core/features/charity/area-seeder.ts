import type { AreaSeeder } from '../../seed/seeder';
import { seedCharity } from './seed';

/**
 * The charity ledger's part of `linli seed` and the first-run demo: a year of donors, donations, pledges,
 * aid at every stage and a published notice for each closed month. Recipients come from the registry, so it
 * runs after residents. It writes its months once: on --append it leaves the ledger as it is.
 */
export const charitySeeder: AreaSeeder = {
  after: ['residents'],
  async seed(services, run) {
    if (run.append) {
      const text = run.locale === 'zh-CN' ? '慈善帮扶：追加时不重复生成一年的账目。' : 'Charity: a year of the ledger is not repeated on --append.';
      return { text, figures: {} };
    }
    const c = await seedCharity(services, { seed: run.seed });
    const text =
      run.locale === 'zh-CN'
        ? `慈善帮扶：${c.donors} 位捐赠人、${c.donations} 笔捐赠、${c.applications} 件救助申请、${c.entries} 条记账凭证、${c.notices} 份公示。`
        : `Charity: ${c.donors} donors, ${c.donations} donations, ${c.applications} aid applications, ${c.entries} journal entries, ${c.notices} notices.`;
    return { text, figures: { ...c } };
  },
};
