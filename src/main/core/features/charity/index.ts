import { defineArea } from '../../area';
import { charityHandlers } from './handlers';
import { charityJournalReport } from './journal-report';
import { charitySeeder } from './area-seeder';
import { charityDocumentReports } from './document-reports';
import { charityBench } from './bench-suite';

/** The charity ledger (慈善帮扶) as core's lists see it: see core/area.ts. Its hash chain is in chains/registry.ts. */
export const charityArea = defineArea({
  name: 'charity',
  handlers: charityHandlers,
  reports: [charityJournalReport, ...charityDocumentReports],
  seeder: charitySeeder,
  bench: charityBench,
});
