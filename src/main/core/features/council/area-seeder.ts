import type { AreaSeeder } from '../../seed/seeder';
import { seedCouncil } from './seed';

/**
 * The council's part of `linli seed` and the first-run demo: a year of meetings ending today, with their
 * rolls, votes, resolutions, action items and signed minutes. Members who live here are drawn from the
 * registry's residents, so it runs after them. A file that already has council bodies is left as it is.
 */
export const councilSeeder: AreaSeeder = {
  after: ['residents'],
  async seed(services, run) {
    const c = await seedCouncil(services, { seed: run.seed, actor: run.actor });
    const text =
      run.locale === 'zh-CN'
        ? `居民议事：${c.bodies} 个议事组织、${c.members} 名成员、${c.meetings} 次会议、${c.motions} 项表决、${c.resolutions} 项决议、${c.actionItems} 项落实事项、${c.minutes} 份会议纪要。`
        : `Council: ${c.bodies} bodies, ${c.members} members, ${c.meetings} meetings, ${c.motions} motions, ${c.resolutions} resolutions, ${c.actionItems} action items, ${c.minutes} minutes.`;
    return { text, figures: { ...c } };
  },
};
