import type { ReportDefinition } from './registry';
import { auditReport } from '../audit/audit-report';
import { registerReport } from '../features/residents/export/register';
import { householdFormReport } from '../features/residents/export/household-form';
import { idCardsExpiringReport, milestonesReport, permitsDueReport, visitsDueReport } from '../features/residents/export/lists';

/** Every report Linli can make. Areas add theirs here. */
export const reportCatalogue: ReportDefinition[] = [
  auditReport,
  registerReport,
  householdFormReport,
  milestonesReport,
  idCardsExpiringReport,
  permitsDueReport,
  visitsDueReport,
];

export function findReport(name: string): ReportDefinition | undefined {
  return reportCatalogue.find((r) => r.name === name);
}
