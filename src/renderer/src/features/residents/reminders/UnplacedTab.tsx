import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentRow } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useLoad } from '../../../components/use-load';
import { usePager } from '../../../components/list/use-pager';
import { ReminderList } from './ReminderList';

const PAGE_SIZE = 50;

/**
 * 未登记到户: present residents in no household, in registration order, with the reason given when they were
 * saved so (暂不登记到户); those imported or registered without one say 未说明原因. Placing them (变更户)
 * takes them off the list.
 */
export function UnplacedTab() {
  const { t } = useTranslation();
  const pager = usePager('unplaced');
  const { data, error, loading } = useLoad(() => api.call('residents.unplaced', { cursor: pager.cursor, limit: PAGE_SIZE }), [pager.cursor]);
  return (
    <ReminderList<ResidentRow & { reason: string }>
      view={data}
      loading={loading}
      error={error}
      pager={pager}
      label={t('residents.reminders.unplaced')}
      lead={[
        {
          label: t('residents.reminders.unplacedReason'),
          render: (r) => (
            <Text size="sm" c={r.reason ? undefined : 'dimmed'} maw={260}>
              {r.reason || t('residents.reminders.noReason')}
            </Text>
          ),
        },
      ]}
    />
  );
}
