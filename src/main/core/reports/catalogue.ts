import type { ReportDefinition } from './registry';
import { auditReport } from '../audit/audit-report';
import { areaModules } from '../areas';

/** Every report Linli can make: the foundation's, then each area's (core/areas.ts) in the areas' order. */
export const reportCatalogue: ReportDefinition[] = [auditReport, ...areaModules.flatMap((a) => a.reports ?? [])];

export function findReport(name: string): ReportDefinition | undefined {
  return reportCatalogue.find((r) => r.name === name);
}
