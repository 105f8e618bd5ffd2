import { useState } from 'react';
import { Button, Card, Group, Modal, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '@shared/contract/charity/ledger';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DataTable, type Column } from '../../components/list/DataTable';
import { useKeysetList } from '../../components/list/use-keyset-list';
import { useLoad } from '../../components/use-load';
import { yuan } from './money';

const PAGE = 30;

/**
 * The journal, newest first, paged by entry number (the keyset is the last seq shown); a posted entry is
 * corrected only by reversing it. The chain numbers entries 1, 2, 3…, so the head's seq is how many there are.
 */
export function JournalTable({ canReverse }: { canReverse: boolean }) {
  const { t } = useTranslation();
  const journal = useKeysetList('charity.journal', async (cursor) => {
    const rows = await api.call('charity.journal', { beforeSeq: cursor ? Number(cursor) : undefined, limit: PAGE });
    const last = rows.at(-1);
    return { rows, nextCursor: rows.length === PAGE && last && last.seq > 1 ? String(last.seq) : null };
  });
  const head = useLoad(() => api.call('charity.journal', { limit: 1 }), []);
  const [reversing, setReversing] = useState<JournalEntry | null>(null);
  const columns: Column<JournalEntry>[] = [
    { key: 'seq', title: t('charity.journal.seq'), numeric: true, mono: true, render: (e) => e.seq },
    { key: 'date', title: t('charity.journal.date'), nowrap: true, render: (e) => e.date },
    {
      key: 'memo',
      title: t('charity.journal.memo'),
      render: (e) => (
        <>
          {e.memo}
          {e.reason && <Text size="xs">{t('charity.journal.reason', { reason: e.reason })}</Text>}
          {e.reversedBySeq && (
            <Text size="xs" c="red">
              {t('charity.journal.reversedBy', { seq: e.reversedBySeq })}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'lines',
      title: t('charity.journal.lines'),
      nowrap: true,
      mono: true,
      render: (e) =>
        e.lines.map((l, i) => (
          <div key={i}>
            {l.account} {l.fund} {l.debit ? t('charity.journal.debit') : t('charity.journal.credit')}
          </div>
        )),
    },
    // Each line's amount in a column of its own, so amounts line up on the right across entries.
    {
      key: 'amount',
      title: t('charity.fields.amount'),
      numeric: true,
      mono: true,
      render: (e) => e.lines.map((l, i) => <div key={i}>{yuan(l.debit || l.credit)}</div>),
    },
    { key: 'hash', title: t('charity.journal.hash'), nowrap: true, mono: true, render: (e) => <span title={e.hash}>{e.hash.slice(0, 12)}…</span> },
    {
      key: 'actions',
      title: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
      render: (e) =>
        canReverse &&
        e.kind !== 'reversal' &&
        !e.reversedBySeq && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setReversing(e)}>
            {t('charity.journal.reverse')}
          </Button>
        ),
    },
  ];
  return (
    <Card withBorder padding={0}>
      <Title order={4} fz="md" p="md" pb={0}>
        {t('charity.journal.title')}
      </Title>
      <DataTable
        label={t('charity.journal.title')}
        columns={columns}
        rows={journal.data?.rows}
        rowKey={(e) => String(e.seq)}
        loading={journal.loading}
        error={journal.error ?? head.error}
        empty={t('charity.journal.none')}
        total={head.data ? (head.data[0]?.seq ?? 0) : null}
        totalLabel={(formatted) => t('charity.journal.total', { formatted })}
        pager={journal.pager}
        minWidth={900}
      />
      {reversing && (
        <ReverseModal
          entry={reversing}
          onClose={() => setReversing(null)}
          onDone={() => {
            setReversing(null);
            void journal.reload();
            void head.reload();
          }}
        />
      )}
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
