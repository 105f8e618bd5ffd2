import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client';
import { residentHref } from '../common/hrefs';

/**
 * The server found the person already: `residents.similar_exists` (same name and birth date: maybe the
 * same person, so look first, then 仍然保存) or `residents.duplicate_id` (the same number: certainly them).
 */
export function ExistingAlert({ error, onSaveAnyway, saving }: { error: ApiError; onSaveAnyway: () => void; saving: boolean }) {
  const { t } = useTranslation();
  const params = error.payload.params ?? {};
  const residentId = String(params.residentId ?? '');
  const link = residentId && (
    <Anchor href={residentHref(residentId)} fw={600}>
      {t('residents.form.openExisting', { name: params.name ?? '' })}
    </Anchor>
  );
  if (error.code === 'residents.duplicate_id') {
    return (
      <Alert color="red" variant="light" role="alert" icon={<IconCopy size={18} />} title={t('residents.form.duplicateTitle')}>
        <Stack gap={4}>
          <Text size="sm">{t('errors.residents.duplicate_id', params)}</Text>
          {link}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="yellow" variant="light" role="alert" icon={<IconAlertTriangle size={18} />} title={t('residents.form.similarTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('errors.residents.similar_exists', params)}</Text>
        <Group gap="md">
          {link}
          <Button size="xs" color="yellow.8" onClick={onSaveAnyway} loading={saving}>
            {t('residents.form.saveAnyway')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
