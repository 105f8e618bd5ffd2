import { useState } from 'react';
import { Button, Card, Stack } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '@shared/contract/audit';
import { api } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useKeysetList } from '../../components/list/use-keyset-list';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { ChainResults } from './ChainResults';
import { useChainCheck } from './use-chain-check';

const PAGE = 50;

/**
 * 审计日志: newest first, paged by sequence number (keyset: a deep page costs what the first does), so
 * the pager goes one page older or back: there is no page 37 to jump to.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  // The trail pages by sequence number, the keyset pager by an opaque cursor: the number, written out.
  const list = useKeysetList(JSON.stringify(filter), async (cursor) => {
    const page = await api.call('audit.list', { ...filter, beforeSeq: cursor ? Number(cursor) : undefined, limit: PAGE });
    return { rows: page.entries, nextCursor: page.nextBeforeSeq === null ? null : String(page.nextBeforeSeq), total: page.total };
  });

  const chain = useChainCheck();

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
        <AuditFilters onApply={setFilter} />
      </Card>
      <Card withBorder padding="xs">
        <AuditTable entries={list.data?.rows} total={list.data?.total} loading={list.loading} error={list.error} pager={list.pager} pageSize={PAGE} />
      </Card>
    </Stack>
  );
}
