import { useState } from 'react';
import { Badge, Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '@shared/contract/charity/donations';
import { api } from '../../api/client';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { yuan } from './money';
import { ExportButton } from '../../components/report-job/ExportButton';

/**
 * Receipts by year: print through the document engine (the charity_receipt report; a reprint is marked 复印件),
 * void with a reason, record the official receipt's number.
 */
export function ReceiptsTab() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [year, setYear] = useState(new Date().getFullYear());
  const list = useLoad(() => api.call('charity.listReceipts', { year, limit: 200 }), [year]);
  const [acting, setActing] = useState<{ receipt: Receipt; kind: 'void' | 'official' } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canRecord = can('charity.record');

  return (
    <Stack>
      <Group>
        <NumberInput label={t('charity.receipts.year')} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} w={120} min={2000} max={2100} />
      </Group>
      <ErrorAlert error={error ?? list.error} onClose={() => setError(null)} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('charity.receipts.number')}</Table.Th>
            <Table.Th>{t('charity.fields.donor')}</Table.Th>
            <Table.Th ta="right">{t('charity.fields.amount')}</Table.Th>
            <Table.Th>{t('charity.receipts.issuedOn')}</Table.Th>
            <Table.Th>{t('charity.receipts.official')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.rows ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td className="linli-mono">
                {r.receiptNo} {r.voided && <Badge color="red">{t('charity.receipts.voided')}</Badge>}
              </Table.Td>
              <Table.Td>{r.donorName}</Table.Td>
              <Table.Td ta="right" className="linli-mono">
                {yuan(r.amountFen)}
              </Table.Td>
              <Table.Td>{r.issuedOn}</Table.Td>
              <Table.Td>{r.officialNo ?? '—'}</Table.Td>
              <Table.Td>
                {canRecord && (
                  <Group gap={4}>
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
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data?.rows.length === 0 && <Text c="dimmed">{t('charity.receipts.none')}</Text>}
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
