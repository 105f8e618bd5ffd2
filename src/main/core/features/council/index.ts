import { defineArea } from '../../area';
import { councilHandlers } from './handlers';
import { councilActionsReport } from './actions-report';
import { councilSeeder } from './area-seeder';
import { councilBench } from './bench-suite';
import { councilDocumentReports } from './documents/reports';

/** The residents' council (居民议事) as core's lists see it: see core/area.ts. */
export const councilArea = defineArea({
  name: 'council',
  handlers: councilHandlers,
  reports: [councilActionsReport, ...councilDocumentReports],
  seeder: councilSeeder,
  bench: councilBench,
});

// What other areas may use to cite a resolution (the charity ledger's aid review): the only way into the
// council's records from outside it (tests/unit/electron/boundaries.test.ts).
export { citableResolutions, findCitableResolution, type CitableResolution } from './citing';
