import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';

/** 办件: #/hall-tickets, and #/hall-tickets/ID for one ticket. The list comes in the next commit. */
export function TicketsScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={1400}>
      <PageHeader title={t('hall.nav.tickets')} description={t('hall.nav.ticketsHint')} />
    </Stack>
  );
}
