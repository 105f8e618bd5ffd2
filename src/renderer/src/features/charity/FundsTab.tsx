import { translatedOr } from '../../i18n/labels';
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChainReport } from '@shared/contract/charity/ledger';
import { api } from '../../api/client';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { chainReasonLabel } from '../audit';
import { fenFromInput, yuan } from './money';
import { JournalTable } from './JournalTable';

/** Funds and their balances, the chain check, month-end close and the monthly reconciliation. */
export function FundsTab() {
  const { t } = useTranslation();
  const { can } = useSession();
  const funds = useLoad(() => api.call('charity.listFunds', {}), []);
  const periods = useLoad(() => api.call('charity.listPeriods', {}), []);
  const [verdict, setVerdict] = useState<ChainReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <Stack>
      <ErrorAlert error={error ?? funds.error} onClose={() => setError(null)} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('charity.funds.code')}</Table.Th>
            <Table.Th>{t('charity.funds.name')}</Table.Th>
            <Table.Th>{t('charity.funds.kind')}</Table.Th>
            <Table.Th ta="right">{t('charity.funds.income')}</Table.Th>
            <Table.Th ta="right">{t('charity.funds.expense')}</Table.Th>
            <Table.Th ta="right">{t('charity.funds.balance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(funds.data ?? []).map((f) => (
            <Table.Tr key={f.code}>
              <Table.Td className="linli-mono">{f.code}</Table.Td>
              <Table.Td>{f.name}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={f.kind === 'restricted' ? 'orange' : 'teal'}>
                  {t(`charity.fundKinds.${f.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" className="linli-mono">
                {yuan(f.income)}
              </Table.Td>
              <Table.Td ta="right" className="linli-mono">
                {yuan(f.expense)}
              </Table.Td>
              <Table.Td ta="right" className="linli-mono" fw={700}>
                {yuan(f.balance)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Card withBorder>
          <Title order={4} fz="md" mb="xs">
            {t('charity.funds.verifyTitle')}
          </Title>
          <Button onClick={() => void api.call('charity.verify', {}).then(setVerdict, setError)}>{t('charity.funds.verify')}</Button>
          {verdict &&
            (verdict.ok ? (
              <Alert mt="sm" color="green" role="status" title={t('charity.funds.verifyOk', { count: verdict.count })}>
                <Text size="xs" className="linli-mono" style={{ wordBreak: 'break-all' }}>
                  {t('charity.funds.head', { head: verdict.head ?? '—' })}
                </Text>
              </Alert>
            ) : (
              <Alert mt="sm" color="red" role="alert" title={t('charity.funds.verifyBroken', { seq: verdict.firstBroken?.seq ?? 0 })}>
                {chainReasonLabel(t, verdict.firstBroken?.reason ?? '')}
              </Alert>
            ))}
        </Card>
        {can('charity.publish') && <FundForm onSaved={() => void funds.reload()} />}
        {can('charity.publish') && <CloseMonth closed={(periods.data ?? []).map((p) => p.month)} onClosed={() => void periods.reload()} />}
      </SimpleGrid>
      {can('charity.record') && <Reconciliation />}
      <JournalTable canReverse={can('charity.publish')} />
    </Stack>
  );
}

function FundForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('restricted');
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit() {
    try {
      await api.call('charity.saveFund', { code, name, kind: kind as 'restricted', purpose });
      setCode('');
      setName('');
      setPurpose('');
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <Title order={4} fz="md" mb="xs">
        {t('charity.funds.add')}
      </Title>
      <Group grow>
        <TextInput label={t('charity.funds.code')} value={code} onChange={(e) => setCode(e.currentTarget.value.toUpperCase())} />
        <Select
          label={t('charity.funds.kind')}
          data={['restricted', 'unrestricted'].map((k) => ({ value: k, label: translatedOr(t, `charity.fundKinds.${k}`, `charity.fundKinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v)}
          allowDeselect={false}
        />
      </Group>
      <TextInput label={t('charity.funds.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <TextInput label={t('charity.funds.purpose')} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Button type="submit" mt="xs">
        {t('common.save')}
      </Button>
    </Card>
  );
}

/** The month after the last closed one (months close in order), or '' before the first close. */
function nextToClose(lastClosed: string | undefined): string {
  if (!lastClosed) return '';
  const [y, m] = lastClosed.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function CloseMonth({ closed, onClosed }: { closed: string[]; onClosed: () => void }) {
  const { t } = useTranslation();
  const next = nextToClose(closed[0]);
  const [typed, setMonth] = useState<string | null>(null);
  // Until the treasurer types, the field offers the next month in order; it follows a close just made.
  const month = typed ?? next;
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  async function submit() {
    try {
      const p = await api.call('charity.closeMonth', { month });
      setDone(p.month);
      setMonth(null);
      onClosed();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <Title order={4} fz="md" mb="xs">
        {t('charity.funds.closeTitle')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('charity.funds.closedUpTo', { month: closed[0] ?? '—' })}
      </Text>
      <TextInput label={t('charity.funds.month')} placeholder="YYYY-MM" value={month} onChange={(e) => setMonth(e.currentTarget.value)} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {done && (
        <Alert color="green" mt="xs" role="status">
          {t('charity.funds.closed', { month: done })}
        </Alert>
      )}
      <Button type="submit" mt="xs" color="orange">
        {t('charity.funds.close')}
      </Button>
    </Card>
  );
}

function Reconciliation() {
  const { t } = useTranslation();
  const list = useLoad(() => api.call('charity.listReconciliations', { limit: 12 }), []);
  const [month, setMonth] = useState('');
  const [cashText, setCash] = useState('');
  const [bankText, setBank] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  async function submit() {
    const c = fenFromInput(cashText);
    const b = fenFromInput(bankText);
    if (c.error || b.error) return setFieldError(translatedOr(t, `errors.${c.error ?? b.error}`, `errors.${c.error ?? b.error}`));
    setFieldError(null);
    try {
      await api.call('charity.reconcile', { month, cashCountedFen: c.fen!, bankStatementFen: b.fen!, note });
      void list.reload();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Card withBorder>
      <Title order={4} fz="md" mb="xs">
        {t('charity.recon.title')}
      </Title>
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <Group align="flex-end">
          <TextInput label={t('charity.funds.month')} placeholder="YYYY-MM" value={month} onChange={(e) => setMonth(e.currentTarget.value)} w={110} />
          <TextInput label={t('charity.recon.cash')} value={cashText} onChange={(e) => setCash(e.currentTarget.value)} error={fieldError} w={150} />
          <TextInput label={t('charity.recon.bank')} value={bankText} onChange={(e) => setBank(e.currentTarget.value)} w={150} />
          <TextInput label={t('charity.fields.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button type="submit">{t('charity.recon.record')}</Button>
        </Group>
      </form>
      <ErrorAlert error={error ?? list.error} onClose={() => setError(null)} />
      <Table mt="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('charity.funds.month')}</Table.Th>
            <Table.Th ta="right">{t('charity.recon.cash')}</Table.Th>
            <Table.Th ta="right">{t('charity.recon.cashLedger')}</Table.Th>
            <Table.Th ta="right">{t('charity.recon.bank')}</Table.Th>
            <Table.Th ta="right">{t('charity.recon.bankLedger')}</Table.Th>
            <Table.Th ta="right">{t('charity.recon.difference')}</Table.Th>
            <Table.Th>{t('charity.fields.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.rows ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.month}</Table.Td>
              <Table.Td ta="right">{yuan(r.cashCountedFen)}</Table.Td>
              <Table.Td ta="right">{yuan(r.cashLedgerFen)}</Table.Td>
              <Table.Td ta="right">{yuan(r.bankStatementFen)}</Table.Td>
              <Table.Td ta="right">{yuan(r.bankLedgerFen)}</Table.Td>
              <Table.Td ta="right" c={r.differenceFen === 0 ? 'green' : 'red'} fw={700}>
                {yuan(r.differenceFen)}
              </Table.Td>
              <Table.Td>{r.note}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
