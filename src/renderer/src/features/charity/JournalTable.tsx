import { useState } from 'react';
import { Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '@shared/contract/charity/ledger';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { yuan } from './money';

/** The journal, newest first, paged by entry number; a posted entry is corrected only by reversing it. */
export function JournalTable({ canReverse }: { canReverse: boolean }) {
  const { t } = useTranslation();
  const [before, setBefore] = useState<number[]>([]);
  const page = useLoad(() => api.call('charity.journal', { beforeSeq: before[before.length - 1], limit: 30 }), [before]);
  const [reversing, setReversing] = useState<JournalEntry | null>(null);
  const rows = page.data ?? [];
  return (
    <Card withBorder>
      <Title order={4} fz="md" mb="xs">
        {t('charity.journal.title')}
      </Title>
      <ErrorAlert error={page.error} />
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('charity.journal.seq')}</Table.Th>
            <Table.Th>{t('charity.journal.date')}</Table.Th>
            <Table.Th>{t('charity.journal.memo')}</Table.Th>
            <Table.Th>{t('charity.journal.lines')}</Table.Th>
            <Table.Th>{t('charity.journal.hash')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.seq}>
              <Table.Td className="linli-mono">{e.seq}</Table.Td>
              <Table.Td>{e.date}</Table.Td>
              <Table.Td>
                {e.memo}
                {e.reason && <Text size="xs">{t('charity.journal.reason', { reason: e.reason })}</Text>}
                {e.reversedBySeq && (
                  <Text size="xs" c="red">
                    {t('charity.journal.reversedBy', { seq: e.reversedBySeq })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="linli-mono">
                {e.lines.map((l, i) => (
                  <div key={i}>
                    {l.account} {l.fund}{' '}
                    {l.debit ? t('charity.journal.debit', { amount: yuan(l.debit) }) : t('charity.journal.credit', { amount: yuan(l.credit) })}
                  </div>
                ))}
              </Table.Td>
              <Table.Td className="linli-mono">{e.hash.slice(0, 12)}…</Table.Td>
              <Table.Td>
                {canReverse && e.kind !== 'reversal' && !e.reversedBySeq && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => setReversing(e)}>
                    {t('charity.journal.reverse')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="xs">
        <Button size="xs" variant="default" disabled={before.length === 0} onClick={() => setBefore(before.slice(0, -1))}>
          {t('charity.journal.newer')}
        </Button>
        <Button size="xs" variant="default" disabled={rows.length < 30} onClick={() => setBefore([...before, rows[rows.length - 1].seq])}>
          {t('charity.journal.older')}
        </Button>
      </Group>
      {reversing && <ReverseModal entry={reversing} onClose={() => setReversing(null)} onDone={() => (setReversing(null), void page.reload())} />}
    </Card>
  );
}

function ReverseModal({ entry, onClose, onDone }: { entry: JournalEntry; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit() {
    try {
      await api.call('charity.reverseEntry', { seq: entry.seq, reason });
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('charity.journal.reverseTitle', { seq: entry.seq })}>
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <Stack>
          <Text size="sm">{entry.memo}</Text>
          <TextInput autoFocus label={t('charity.journal.reverseReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red">
              {t('charity.journal.reverse')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
