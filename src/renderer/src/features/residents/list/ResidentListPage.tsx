import { Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { hrefOf } from '../../../app/router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLoad } from '../../../components/use-load';
import { formatNumber } from '../../../i18n/format';
import { newResidentHref } from '../common/hrefs';
import { Pager } from '../../../components/Pager';
import { usePager } from '../../../components/use-pager';
import { useSessionState } from '../../../components/use-session-state';
import { ResidentFilters } from './ResidentFilters';
import { ResidentTable } from '../common/ResidentTable';
import { SortHeader } from './SortHeader';
import { defaultSort, emptyFilters, toQuery, type ListSort } from './list-filters';

const PAGE_SIZE = 50;

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
  const pager = usePager(queryKey + sortKey);

  const list = useLoad(() => api.call('residents.list', { ...toQuery(query), ...sort, cursor: pager.cursor, limit: PAGE_SIZE }), [queryKey, sortKey, pager.cursor]);
  const count = useLoad(() => api.call('residents.count', toQuery(query)), [queryKey]);

  const total = count.data && !count.loading ? t('residents.list.total', { count: count.data.count, formatted: formatNumber(count.data.count, i18n.language) }) : t('residents.list.counting');

  return (
    <Stack gap="md" maw={1400}>
      <PageHeader
        title={t('residents.nav.residents')}
        description={total}
        actions={
          <>
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
      <ErrorAlert error={list.error} />
      <Card withBorder padding={0}>
        {list.loading && !list.data ? (
          <Loader size="sm" m="md" aria-label={t('common.loading')} />
        ) : list.data && list.data.rows.length === 0 ? (
          <Text p="lg" c="dimmed">
            {t('residents.list.none')}
          </Text>
        ) : (
          list.data && (
            <div style={{ opacity: list.loading ? 0.6 : 1, transition: 'opacity 120ms' }}>
              <ResidentTable
                rows={list.data.rows}
                label={t('residents.list.tableLabel')}
                headers={{
                  name: <SortHeader label={t('residents.fields.name')} column="name" sort={sort} onSort={setSort} />,
                  age: <SortHeader label={t('residents.fields.age')} column="birthDate" sort={sort} onSort={setSort} title={t('residents.list.sortByBirth')} />,
                }}
              />
            </div>
          )
        )}
      </Card>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {list.loading && list.data ? t('common.loading') : ''}
        </Text>
        <Pager page={pager.page} hasPrevious={pager.hasPrevious} nextCursor={list.data?.nextCursor ?? null} onPrevious={pager.previous} onNext={pager.next} loading={list.loading} />
      </Group>
    </Stack>
  );
}
