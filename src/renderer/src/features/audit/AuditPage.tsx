import { useState } from 'react';
import { Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { IconChevronsLeft, IconChevronRight, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '@shared/contract/audit';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLoad } from '../../components/use-load';
import { formatNumber } from '../../i18n/format';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { ChainResults } from './ChainResults';
import { useChainCheck } from './use-chain-check';

const PAGE = 50;

/**
 * 审计日志: newest first, paged by sequence number (keyset: a deep page costs what the first does), so
 * only "older" and "back to newest" exist: there is no page 37 to jump to.
 */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [cursor, setCursor] = useState<{ beforeSeq?: number; index: number }>({ index: 0 });
  const { data, error, loading } = useLoad(() => api.call('audit.list', { ...filter, beforeSeq: cursor.beforeSeq, limit: PAGE }), [filter, cursor]);

  const chain = useChainCheck();
  const first = cursor.index * PAGE + 1;
  const last = cursor.index * PAGE + (data?.entries.length ?? 0);

  return (
    <Stack maw={1400}>
      <PageHeader
        title={t('nav.audit')}
        description={t('audit.intro')}
        actions={
          <Button variant="default" leftSection={<IconShieldCheck size={16} />} onClick={() => void chain.verify()} loading={chain.busy}>
            {t('audit.verify.button')}
          </Button>
        }
      />
      <ChainResults results={chain.results} error={chain.error} onClose={chain.dismiss} />
      <Card withBorder padding="md">
        <AuditFilters
          onApply={(f) => {
            setFilter(f);
            setCursor({ index: 0 });
          }}
        />
      </Card>
      <ErrorAlert error={error} />
      <Card withBorder padding="xs">
        {loading && !data ? (
          <Loader size="sm" m="md" aria-label={t('common.loading')} />
        ) : data && data.entries.length === 0 ? (
          <Text p="md">{t('audit.none')}</Text>
        ) : (
          data && <AuditTable entries={data.entries} />
        )}
      </Card>
      {data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            {data.total === 0 ? t('audit.countNone') : t('audit.count', { first: formatNumber(first, i18n.language), last: formatNumber(last, i18n.language), total: formatNumber(data.total, i18n.language) })}
          </Text>
          <Group gap="xs">
            <Button variant="default" leftSection={<IconChevronsLeft size={16} />} disabled={cursor.index === 0 || loading} onClick={() => setCursor({ index: 0 })}>
              {t('audit.newest')}
            </Button>
            <Button variant="default" rightSection={<IconChevronRight size={16} />} disabled={!data.nextBeforeSeq || loading} onClick={() => setCursor({ beforeSeq: data.nextBeforeSeq ?? undefined, index: cursor.index + 1 })}>
              {t('audit.older')}
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}
