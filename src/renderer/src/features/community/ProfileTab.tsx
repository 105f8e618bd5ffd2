import { useState } from 'react';
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSignedIn } from '../../app/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { ProfileForm } from './ProfileForm';
import { ProfileView } from './ProfileView';

export function ProfileTab() {
  const { t } = useTranslation();
  const { can, refreshStatus } = useSignedIn();
  const { data, error, loading, setData } = useLoad(() => api.call('community.profile', {}), []);
  const [editing, setEditing] = useState(false);
  const mayEdit = can('community.manage');

  if (loading && !data) return <Loader size="sm" aria-label={t('common.loading')} />;
  return (
    <Stack>
      <ErrorAlert error={error} />
      {data && !editing && (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {mayEdit ? t('community.printedHint') : t('community.readOnlyHint')}
            </Text>
            {mayEdit && (
              <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
          </Group>
          <ProfileView profile={data} />
        </>
      )}
      {data && editing && (
        <ProfileForm
          profile={data}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setData(saved);
            setEditing(false);
            void refreshStatus();
          }}
        />
      )}
    </Stack>
  );
}
