import { useState } from 'react';
import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { actionStatuses, type ActionItem, type ActionStatus } from '@shared/contract/council';
import { api } from '../../../api/client';
import { translateError } from '../../../i18n/errors';

/** An action item's status, changed in place; a refusal is said under it and the old status stays. */
export function ActionStatusSelect({ item, onChanged }: { item: ActionItem; onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function change(status: ActionStatus) {
    setBusy(true);
    setError(null);
    try {
      await api.call('council.setActionStatus', { id: item.id, status });
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack gap={2}>
      <Select
        size="xs"
        aria-label={t('council.actions.statusOf', { title: item.title })}
        data={actionStatuses.map((s) => ({ value: s, label: t(`council.actionStatus.${s}`) }))}
        value={item.status}
        onChange={(v) => v && v !== item.status && void change(v as ActionStatus)}
        allowDeselect={false}
        disabled={busy || !!item.publishedOn}
        w={120}
      />
      {error !== null && (
        <Text size="xs" c="red" role="alert">
          {translateError(t, error)}
        </Text>
      )}
    </Stack>
  );
}
