import type { AreaSeeder } from '../../seed/seeder';
import { readSettings } from '../../community/settings';
import { localToday } from '../../time/zone';
import { seedCatalogue } from './seed';
import { seedTickets } from './seed-tickets';

/**
 * The service counter's part of `linli seed` and the first-run demo: the demo catalogue, written through the
 * catalogue's rules, then weeks of tickets at the counter under it. Applicants are drawn from the registry's
 * residents, so it runs after them. A file that already has hall services is left as it is.
 */
export const hallSeeder: AreaSeeder = {
  after: ['residents'],
  async seed(services, run) {
    const catalogue = await seedCatalogue(services, run.actor);
    const { timeZone } = await readSettings(services.db);
    if (!catalogue.length)
      return {
        text: run.locale === 'zh-CN' ? '服务大厅：已有服务事项，未改动。' : 'Service counter: services exist already; left as they were.',
        figures: { services: 0 },
      };
    const tickets = await seedTickets(services, { seed: run.seed, actor: run.actor, today: localToday(services.now(), timeZone) });
    const text =
      run.locale === 'zh-CN'
        ? `服务大厅：${catalogue.length} 个服务事项、${tickets.tickets} 件办件（在办 ${tickets.open} 件，其中逾期 ${tickets.overdue} 件；已办结 ${tickets.completed} 件；一次性告知 ${tickets.notified} 件；评价 ${tickets.rated} 件）。`
        : `Service counter: ${catalogue.length} services, ${tickets.tickets} tickets (${tickets.open} open, ${tickets.overdue} of them overdue; ${tickets.completed} completed; ${tickets.notified} notified of missing materials; ${tickets.rated} rated).`;
    return { text, figures: { services: catalogue.length, ...tickets } };
  },
};
