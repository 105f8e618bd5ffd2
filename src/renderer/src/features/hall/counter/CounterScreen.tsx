import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';

/** 窗口受理: #/hall. The registration form comes in the next commit. */
export function CounterScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={1400}>
      <PageHeader title={t('hall.nav.counter')} description={t('hall.nav.counterHint')} />
    </Stack>
  );
}
