import { Button, Card, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { hrefOf } from '../../../app/router';
import { PageHeader } from '../../../components/PageHeader';
import { useLoad } from '../../../components/use-load';
import { formatNumber } from '../../../i18n/format';
import { newResidentHref } from '../common/hrefs';
import { useKeysetList } from '../../../components/list/use-keyset-list';
import { useSessionState } from '../../../components/use-session-state';
import { ResidentFilters } from './ResidentFilters';
import { ResidentTable } from '../common/ResidentTable';
import { ExportButton } from '../../../components/report-job/ExportButton';
import { defaultSort, emptyFilters, toQuery, type ListSort } from './list-filters';

const PAGE_SIZE = 50;

/** The register report takes the list's filters by id, as the list sends them. */
function registerParams(f: typeof emptyFilters): Record<string, unknown> {
  const q = toQuery(f);
  return { grid: q.gridId, building: q.buildingId, tag: q.tagId, status: q.status, ageMin: q.ageMin, ageMax: q.ageMax, archived: q.archived };
}

/** 居民: the registry, filtered, sorted and paged in SQL; the total arrives separately (a count can be slower). */
export function ResidentListPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSignedIn();
  const [filters, setFilters] = useSessionState('residents.list.filters', emptyFilters);
  const [sort, setSort] = useSessionState<ListSort>('residents.list.sort', defaultSort);
  // Typing an age range should not send a query per keystroke.
  const [query] = useDebouncedValue(filters, 250);
  const queryKey = JSON.stringify(query);
  const sortKey = JSON.stringify(sort);
  // A sort or filter change starts again at page 1.
  const list = useKeysetList(queryKey + sortKey, (cursor) => api.call('residents.list', { ...toQuery(query), ...sort, cursor, limit: PAGE_SIZE }));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- queryKey is query's JSON: a new object with the same filters is no change
  const count = useLoad(() => api.call('residents.count', toQuery(query)), [queryKey]);

  const total =
    count.data && !count.loading
      ? t('residents.list.total', { count: count.data.count, formatted: formatNumber(count.data.count, i18n.language) })
      : t('residents.list.counting');

  return (
    <Stack gap="md" maw={1400}>
      <PageHeader
        title={t('residents.nav.residents')}
        description={total}
        actions={
          <>
            <ExportButton report="residents.register" params={registerParams(filters)} formats={['xlsx', 'pdf', 'csv']} />
            {can('residents.import') && (
              <Button variant="default" component="a" href={hrefOf('residents-import')} leftSection={<IconFileImport size={16} />}>
                {t('residents.nav.import')}
              </Button>
            )}
            {can('residents.write') && (
              <Button component="a" href={newResidentHref()} leftSection={<IconUserPlus size={16} />}>
                {t('residents.list.add')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder padding="sm">
        <ResidentFilters value={filters} onChange={setFilters} />
      </Card>
      <Card withBorder padding={0}>
        <ResidentTable
          rows={list.data?.rows}
          label={t('residents.list.tableLabel')}
          loading={list.loading}
          error={list.error}
          empty={t('residents.list.none')}
          sort={sort}
          onSort={(next) => setSort(next as ListSort)}
          pager={list.pager}
        />
      </Card>
    </Stack>
  );
}
