import { defineArea } from '../../area';
import { residentsHandlers } from './handlers';
import { registerReport } from './export/register';
import { householdFormReport } from './export/household-form';
import { idCardsExpiringReport, milestonesReport, permitsDueReport, visitsDueReport } from './export/lists';
import { residentsSeeder } from './seed/seeder';
import { residentsBench } from './seed/bench/suite';

/** The resident registry (实有人口) as core's lists see it: see core/area.ts. */
export const residentsArea = defineArea({
  name: 'residents',
  handlers: residentsHandlers,
  reports: [registerReport, householdFormReport, milestonesReport, idCardsExpiringReport, permitsDueReport, visitsDueReport],
  seeder: residentsSeeder,
  bench: residentsBench,
});

// What other areas may use to find and show a person (a recipient, a donor, a council member): the only
// way into the registry from outside it (tests/unit/electron/boundaries.test.ts).
export { findPeople, householdMembers, personSummary, personSummaries, type PersonSummary } from './public';
