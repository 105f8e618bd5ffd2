import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '@shared/contract/charity/donations';
import { api } from '../../api/client';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DataTable, type Column } from '../../components/list/DataTable';
import { useKeysetList } from '../../components/list/use-keyset-list';
import { yuan } from './money';
import { ExportButton } from '../../components/report-job/ExportButton';
import { useHallToday } from '../../components/today';

/**
 * Receipts by year: print through the document engine (the charity_receipt report; a reprint is marked 复印件),
 * void with a reason, record the official receipt's number. A year's receipts come 50 to a page.
 */
export function ReceiptsTab() {
  const { t } = useTranslation();
  const { can } = useSession();
  const today = useHallToday();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  // Another year starts again at page 1.
  const list = useKeysetList(`charity.receipts:${year}`, (cursor) => api.call('charity.listReceipts', { year, cursor, limit: 50 }));
  const [acting, setActing] = useState<{ receipt: Receipt; kind: 'void' | 'official' } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canRecord = can('charity.record');
  const columns: Column<Receipt>[] = [
    {
      key: 'number',
      title: t('charity.receipts.number'),
      nowrap: true,
      mono: true,
      render: (r) => (
        <>
          {r.receiptNo}{' '}
          {r.voided && (
            <Badge color="red" ff="body">
              {t('charity.receipts.voided')}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'donor', title: t('charity.fields.donor'), render: (r) => r.donorName },
    { key: 'amount', title: t('charity.fields.amount'), numeric: true, mono: true, render: (r) => yuan(r.amountFen) },
    { key: 'issuedOn', title: t('charity.receipts.issuedOn'), nowrap: true, render: (r) => r.issuedOn },
    { key: 'official', title: t('charity.receipts.official'), nowrap: true, mono: true, render: (r) => r.officialNo ?? '—' },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (r) =>
        canRecord && (
          <Group gap={4} wrap="nowrap">
            <ExportButton
              report="charity_receipt"
              params={{ receipt: r.id }}
              formats={['pdf', 'docx']}
              label={r.printCount > 0 ? t('charity.receipts.reprint') : t('charity.receipts.print')}
            />
            {!r.officialNo && (
              <Button size="compact-sm" variant="subtle" onClick={() => setActing({ receipt: r, kind: 'official' })}>
                {t('charity.receipts.recordOfficial')}
              </Button>
            )}
            {!r.voided && (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => setActing({ receipt: r, kind: 'void' })}>
                {t('charity.receipts.void')}
              </Button>
            )}
          </Group>
        ),
    },
  ];

  return (
    <Stack>
      <Group>
        <NumberInput label={t('charity.receipts.year')} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} w={120} min={2000} max={2100} />
      </Group>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Card withBorder padding={0}>
        <DataTable
          label={t('charity.receipts.tableLabel', { year })}
          columns={columns}
          rows={list.data?.rows}
          rowKey={(r) => r.id}
          loading={list.loading}
          error={list.error}
          empty={t('charity.receipts.none')}
          total={list.total}
          pager={list.pager}
          minWidth={960}
        />
      </Card>
      {acting && <ReceiptAction acting={acting} onClose={() => setActing(null)} onDone={() => (setActing(null), void list.reload())} />}
    </Stack>
  );
}

function ReceiptAction({ acting, onClose, onDone }: { acting: { receipt: Receipt; kind: 'void' | 'official' }; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit() {
    try {
      if (acting.kind === 'void') await api.call('charity.voidReceipt', { id: acting.receipt.id, reason: value });
      else await api.call('charity.recordOfficialReceipt', { id: acting.receipt.id, officialNo: value });
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(acting.kind === 'void' ? 'charity.receipts.voidTitle' : 'charity.receipts.officialTitle', { number: acting.receipt.receiptNo })}
    >
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <Stack>
          <TextInput
            autoFocus
            label={t(acting.kind === 'void' ? 'charity.receipts.voidReason' : 'charity.receipts.officialNo')}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={acting.kind === 'void' ? 'red' : undefined}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
