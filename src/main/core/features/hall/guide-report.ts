import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { DocumentReport } from '../../reports/model';
import { paramReference } from '../../reports/param-fields';
import { defineReport } from '../../reports/registry';
import { formatLocal } from '../../time/zone';
import { findService } from './catalogue';
import { serviceGuideDocument } from './guide-document';

// In the report centre the service is picked from the catalogue, not typed as an id.
const serviceId = paramReference(z.string().trim().min(1, 'contract.required'), 'hall.service');

/**
 * 办事指南 of one service (PDF, Word, a web page): the catalogue screen's print button, the report centre and
 * `linli report` run it through reports.run, so each print is permission-checked and on the audit record.
 */
export const hallServiceGuideReport = defineReport({
  name: 'hall_service_guide',
  area: 'hall',
  permission: 'hall.read',
  params: z.object({ service: serviceId }),
  formats: ['pdf', 'docx', 'html'],
  async build(ctx, params): Promise<DocumentReport> {
    const service = await findService(ctx.db, params.service);
    if (!service) throw new AppError('hall.service_not_found', 'No such service');
    return {
      kind: 'document',
      document: serviceGuideDocument({
        service,
        letterhead: ctx.frame.letterhead,
        updatedOn: formatLocal(service.updatedAt, ctx.timeZone, 'YYYY-MM-DD'),
        generatedAt: ctx.frame.generatedAt,
      }),
    };
  },
});
