import { defineArea } from '../../area';
import { hallHandlers } from './handlers';
import { hallSeeder } from './area-seeder';
import { hallBench } from './bench-suite';
import { hallServiceGuideReport } from './guide-report';
import { hallTicketReports } from './ticket-reports';

/** The one-stop service counter (一站式服务大厅) as core's lists see it: see core/area.ts. */
export const hallArea = defineArea({
  name: 'hall',
  handlers: hallHandlers,
  reports: [hallServiceGuideReport, ...hallTicketReports],
  seeder: hallSeeder,
  bench: hallBench,
});
