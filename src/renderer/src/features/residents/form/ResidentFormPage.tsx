import { Anchor, Group, Loader, Stack } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLoad } from '../../../components/use-load';
import { residentHref, residentListHref } from '../common/hrefs';
import { ResidentForm } from './ResidentForm';

/** The form's page: empty for 新增居民 (at a house, when started from one), loaded from the record for 编辑. */
export function ResidentFormPage({ id, atHouseId = null }: { id: string | null; atHouseId?: string | null }) {
  const { t } = useTranslation();
  // The form starts from these once; a change saved elsewhere meanwhile must not replace what is being typed.
  const { data, error, loading } = useLoad(async () => (id ? (await api.call('residents.get', { id })).resident : null), [id], { live: false });
  const house = useLoad(async () => (atHouseId ? api.call('residents.getHouse', { id: atHouseId }) : null), [atHouseId], { live: false });
  const back = id ? residentHref(id) : residentListHref();
  return (
    <Stack gap="md" maw={1200}>
      <Anchor href={back} size="sm">
        <Group gap={4}>
          <IconChevronLeft size={14} />
          {id ? t('residents.form.backToResident') : t('residents.detail.backToList')}
        </Group>
      </Anchor>
      <PageHeader
        title={id ? t('residents.form.editTitle', { name: data?.name ?? '' }) : t('residents.form.newTitle')}
        description={t('residents.form.intro')}
      />
      <ErrorAlert error={error ?? house.error} />
      {loading || house.loading ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : (
        (!id || data) && (
          <ResidentForm key={id ?? 'new'} existing={data} at={house.data ? { houseId: house.data.id, buildingId: house.data.buildingId } : null} />
        )
      )}
    </Stack>
  );
}
