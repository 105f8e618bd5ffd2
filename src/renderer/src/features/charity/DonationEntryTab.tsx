import { translatedOr } from '../../i18n/labels';
import { useRef, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cashMethods, type Disclosure } from '@shared/contract/charity/common';
import type { Batch, Donation } from '@shared/contract/charity/donations';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { fenFromInput, yuan } from './money';
import { GoodsDonationForm } from './GoodsDonationForm';
import { StockCard } from './StockCard';
import { DisclosureChoice, PublicNamePreview, defaultDisclosure, publicName } from './DisclosureChoice';
import { useFundsAndDonors } from './use-charity-lists';
import { useHallToday } from '../../components/today';

/**
 * Batch entry for the envelopes after a drive: the counted total first, then one line per envelope typed
 * from the keyboard (amount, Enter), and the batch posts only when the lines add up to the total.
 */
export function DonationEntryTab() {
  const { t } = useTranslation();
  const lists = useFundsAndDonors();
  const open = useLoad(() => api.call('charity.listBatches', { status: 'open' }), []);
  const [batch, setBatch] = useState<Batch | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [posted, setPosted] = useState<Batch | null>(null);

  return (
    <Stack>
      <Alert variant="light" color="blue">
        {t('charity.entry.officialNote')}
      </Alert>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <NewBatchForm
          onOpened={(b) => {
            setBatch(b);
            setPosted(null);
          }}
        />
        <Card withBorder>
          <Title order={4} fz="md" mb="xs">
            {t('charity.entry.openBatches')}
          </Title>
          {(open.data ?? []).length === 0 && <Text c="dimmed">{t('charity.entry.noOpenBatches')}</Text>}
          <Group gap="xs">
            {(open.data ?? []).map((b) => (
              <Button key={b.id} variant="light" size="xs" onClick={() => void api.call('charity.getBatch', { id: b.id }).then(setBatch, setError)}>
                {b.number} · {yuan(b.controlTotalFen)}
              </Button>
            ))}
          </Group>
        </Card>
      </SimpleGrid>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {posted && (
        <Alert color="green" role="status" title={t('charity.entry.postedTitle', { number: posted.number })}>
          {t('charity.entry.postedDetail', {
            count: posted.enteredCount,
            total: yuan(posted.enteredFen),
            receipts: posted.lines
              .map((l) => l.receiptNo)
              .filter(Boolean)
              .join(t('common.listSeparator')),
          })}
        </Alert>
      )}
      {batch && batch.status === 'open' && (
        <BatchLines
          batch={batch}
          lists={lists}
          onChange={setBatch}
          onPosted={(b) => {
            setPosted(b);
            setBatch(null);
            void open.reload();
          }}
        />
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <GoodsDonationForm lists={lists} />
        <StockCard />
      </SimpleGrid>
    </Stack>
  );
}

function NewBatchForm({ onOpened }: { onOpened: (b: Batch) => void }) {
  const today = useHallToday();
  const { t } = useTranslation();
  const [receivedOn, setReceivedOn] = useState(today);
  const [total, setTotal] = useState('');
  const [count, setCount] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  async function submit() {
    const money = fenFromInput(total);
    if (money.fen === null) return setFieldError(translatedOr(t, `errors.${money.error}`, `errors.${money.error}`));
    setFieldError(null);
    try {
      onOpened(await api.call('charity.openBatch', { receivedOn, controlTotalFen: money.fen, controlCount: Number(count), note }));
      setTotal('');
      setCount('');
      setNote('');
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <Title order={4} fz="md" mb="xs">
        {t('charity.entry.newBatch')}
      </Title>
      <Group align="flex-end" grow>
        <TextInput label={t('charity.fields.receivedOn')} value={receivedOn} onChange={(e) => setReceivedOn(e.currentTarget.value)} />
        <TextInput label={t('charity.entry.controlTotal')} value={total} onChange={(e) => setTotal(e.currentTarget.value)} error={fieldError} />
        <TextInput label={t('charity.entry.controlCount')} value={count} onChange={(e) => setCount(e.currentTarget.value)} />
      </Group>
      <TextInput mt="xs" label={t('charity.fields.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Button type="submit" mt="sm">
        {t('charity.entry.openBatch')}
      </Button>
    </Card>
  );
}

function BatchLines({
  batch,
  lists,
  onChange,
  onPosted,
}: {
  batch: Batch;
  lists: ReturnType<typeof useFundsAndDonors>;
  onChange: (b: Batch) => void;
  onPosted: (b: Batch) => void;
}) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<string>(cashMethods[0]);
  const [donorId, setDonorId] = useState<string | null>(null);
  const donor = lists.donors.find((d) => d.id === donorId) ?? null;
  // Each line starts from the donor's own wish and may be changed for this envelope alone.
  const [disclosure, setDisclosure] = useState<Disclosure>(defaultDisclosure(null));
  const pickDonor = (id: string | null) => {
    setDonorId(id);
    setDisclosure(defaultDisclosure(lists.donors.find((d) => d.id === id) ?? null));
  };
  const [fundCode, setFundCode] = useState<string>('GEN');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [amountError, setAmountError] = useState<string | null>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const [withdrawing, setWithdrawing] = useState<Donation | null>(null);
  const balanced = batch.enteredFen === batch.controlTotalFen && batch.enteredCount === batch.controlCount;

  async function add() {
    const typed = amount;
    const money = fenFromInput(typed);
    if (money.fen === null) return setAmountError(translatedOr(t, `errors.${money.error}`, `errors.${money.error}`));
    setAmountError(null);
    // The field empties at once, so the next envelope can be typed while this one is saved; a refused
    // amount comes back into the field with the reason.
    setAmount('');
    setReference('');
    try {
      const donation = {
        kind: 'cash' as const,
        method: method as (typeof cashMethods)[number],
        amountFen: money.fen,
        donorId,
        fundCode,
        reference,
        receivedOn: batch.receivedOn,
        disclosure,
      };
      onChange(await api.call('charity.addBatchLine', { batchId: batch.id, donation }));
      // A choice made for one envelope does not carry over: the next starts from the donor's wish again.
      setDisclosure(defaultDisclosure(donor));
      setError(null);
      amountRef.current?.focus();
    } catch (err) {
      setAmount(typed);
      setError(err);
    }
  }
  async function post() {
    try {
      onPosted(await api.call('charity.postBatch', { id: batch.id }));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={4} fz="md">
          {t('charity.entry.batchTitle', { number: batch.number, date: batch.receivedOn })}
        </Title>
        <Badge size="lg" color={balanced ? 'green' : 'orange'} variant="light" data-testid="batch-progress">
          {t('charity.entry.progress', { entered: yuan(batch.enteredFen), control: yuan(batch.controlTotalFen), n: batch.enteredCount, m: batch.controlCount })}
        </Badge>
      </Group>
      <form onSubmit={(e) => (e.preventDefault(), void add())}>
        <Group align="flex-end">
          <TextInput
            ref={amountRef}
            autoFocus
            label={t('charity.fields.amountYuan')}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={amountError}
            w={140}
          />
          <Select label={t('charity.fields.method')} data={[...cashMethods]} value={method} onChange={(v) => v && setMethod(v)} allowDeselect={false} w={110} />
          <Select
            label={t('charity.fields.donor')}
            placeholder={t('charity.fields.anonymous')}
            data={lists.donorOptions}
            value={donorId}
            onChange={pickDonor}
            searchable
            clearable
            w={180}
          />
          <Select
            label={t('charity.fields.fund')}
            data={lists.fundOptions}
            value={fundCode}
            onChange={(v) => v && setFundCode(v)}
            allowDeselect={false}
            w={220}
          />
          <TextInput label={t('charity.fields.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} w={140} />
          <DisclosureChoice donor={donor} value={disclosure} onChange={setDisclosure} />
          <Button type="submit">{t('charity.entry.addLine')}</Button>
        </Group>
      </form>
      <PublicNamePreview donor={donor} value={disclosure} />
      <Text size="xs" c="dimmed" mt={4}>
        {t('charity.entry.keyboardHint')}
      </Text>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Table mt="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('charity.fields.donor')}</Table.Th>
            <Table.Th>{t('charity.entry.disclosure')}</Table.Th>
            <Table.Th>{t('charity.fields.method')}</Table.Th>
            <Table.Th>{t('charity.fields.fund')}</Table.Th>
            <Table.Th ta="right">{t('charity.fields.amount')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batch.lines.map((l, i) => (
            <Table.Tr key={l.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{l.donorName}</Table.Td>
              <Table.Td>{l.disclosure ? publicName(lists.donors.find((d) => d.id === l.donorId) ?? null, l.disclosure) : '—'}</Table.Td>
              <Table.Td>{l.method}</Table.Td>
              <Table.Td>{l.fundCode}</Table.Td>
              <Table.Td ta="right" className="linli-mono">
                {yuan(l.amountFen)}
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => setWithdrawing(l)}>
                  {t('charity.entry.withdraw')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button mt="sm" color="green" disabled={!balanced} onClick={() => void post()}>
        {t('charity.entry.post')}
      </Button>
      {withdrawing && (
        <WithdrawLine
          line={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={(b) => {
            setWithdrawing(null);
            onChange(b);
            amountRef.current?.focus();
          }}
        />
      )}
    </Card>
  );
}

/** Takes a mistyped line out of an open batch: kept on record as withdrawn, never posted. */
function WithdrawLine({ line, onClose, onDone }: { line: Donation; onClose: () => void; onDone: (b: Batch) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit() {
    try {
      onDone(await api.call('charity.withdrawBatchLine', { id: line.id, reason }));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('charity.entry.withdrawTitle', { amount: yuan(line.amountFen) })}>
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <Stack>
          <TextInput autoFocus label={t('charity.entry.withdrawReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red">
              {t('charity.entry.withdraw')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
