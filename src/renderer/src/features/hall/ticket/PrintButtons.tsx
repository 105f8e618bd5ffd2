import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/contract/hall';
import { ExportButton } from '../../../components/report-job/ExportButton';
import { documentReports, ticketDocuments } from './documents';

/**
 * 打印 受理回执 / 一次性告知书 / 不予受理告知书, as the ticket's state allows: each runs its report through the
 * report engine (PDF to print, Word to edit), on the audit record like every export.
 */
export function PrintButtons({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const documents = ticketDocuments(ticket);
  if (documents.length === 0) return null;
  return (
    <Group gap="xs">
      {documents.map((d) => (
        <ExportButton key={d} report={documentReports[d]} params={{ ticket: ticket.id }} formats={['pdf', 'docx']} label={t(`hall.print.${d}`)} />
      ))}
    </Group>
  );
}
