import type { AreaModule } from './area';
import { residentsArea } from './features/residents';
import { councilArea } from './features/council';
import { charityArea } from './features/charity';
import { hallArea } from './features/hall';

/**
 * Every area, in the order the report centre, `linli seed` (after each seeder's dependencies) and
 * `npm run bench` take them. Adding an area is one line here (and one in src/shared/contract/index.ts,
 * src/shared/permissions.ts and the CLI's command table when it has commands).
 */
const areas = [residentsArea, charityArea, councilArea, hallArea] as const;

export const areaModules: readonly AreaModule<never>[] = areas;

/** Every method some area handles: handlers.ts checks that, with the foundation's, they cover the contract. */
export type AreaMethodName = (typeof areas)[number] extends infer A ? (A extends { handlers: infer H } ? keyof H : never) : never;
