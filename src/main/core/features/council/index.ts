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
