import type { ReportDefinition } from './registry';
import { auditReport } from '../audit/audit-report';
import { registerReport } from '../features/residents/export/register';
import { householdFormReport } from '../features/residents/export/household-form';
import { charityJournalReport } from '../features/charity/journal-report';

/** Every report Linli can make. Areas add theirs here. */
export const reportCatalogue: ReportDefinition[] = [
  auditReport as unknown as ReportDefinition,
  registerReport as unknown as ReportDefinition,
  householdFormReport as unknown as ReportDefinition,
  charityJournalReport as unknown as ReportDefinition,
];

export function findReport(name: string): ReportDefinition | undefined {
  return reportCatalogue.find((r) => r.name === name);
}
