import type { CoreServices } from '../../context';
import { appendAudit } from '../../audit/repository';
import { serviceInput, type HallService } from '../../../../shared/contract/hall';
import { writeService } from './catalogue';
import demoCatalogue from '../../../../../resources/data/hall-catalogue.json';

export const HALL_SEED_ACTION = 'hall.seed';

/**
 * The demo catalogue (resources/data/hall-catalogue.json): a dozen services a community hall typically
 * receives (养老/医保参保, 就业失业登记, 老年人优待证, 残疾人证, 低保, 临时救助, 居住证 …) and 投诉建议. Each is
 * parsed by the contract and written by writeService, the code path of hall.saveService, so the demo obeys
 * the rules the screen does; one audit record names them. Does nothing when the file already has services.
 */
export async function seedCatalogue(services: CoreServices, actor: { id: string | null; name: string | null }): Promise<HallService[]> {
  const existing = await services.db.selectFrom('hall_services').select('id').limit(1).executeTakeFirst();
  if (existing) return [];
  const at = services.now();
  const written = await services.db.transaction().execute(async (trx) => {
    const out: HallService[] = [];
    for (const entry of demoCatalogue.services) out.push((await writeService(trx, serviceInput.parse(entry), actor.id, at.toISOString())).after);
    await appendAudit(
      trx,
      {
        action: HALL_SEED_ACTION,
        area: 'hall',
        summary: `Service counter demo catalogue: ${out.length} services`,
        after: { services: out.map((s) => `${s.code} ${s.name}`) },
        actor,
      },
      { id: actor.id, name: actor.name, workstation: services.workstation },
      at,
    );
    return out;
  });
  return written;
}
