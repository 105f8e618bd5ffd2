import type { ReportDefinition } from './registry';
import { auditReport } from '../audit/audit-report';

/** Every report Linli can make. Areas add theirs here. */
export const reportCatalogue: ReportDefinition[] = [auditReport as unknown as ReportDefinition];

export function findReport(name: string): ReportDefinition | undefined {
  return reportCatalogue.find((r) => r.name === name);
}
