import { useRef, useState } from 'react';
import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Campaign, PledgeStatus } from '@shared/contract/charity/donations';
import { api } from '../../api/client';
import { translatedOr } from '../../i18n/labels';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { fenFromInput, yuan } from './money';
import { useFundsAndDonors } from './use-charity-lists';
import { focusRowAfter, keyRow } from './row-keys';
import { PledgePaymentModal } from './PledgePaymentModal';
import { notifications } from '@mantine/notifications';
import { useHallToday } from '../../components/today';

/** Campaigns: one-off drives (一十百千万) and monthly pledges (爱心月月捐), with each pledge's expected vs received per month. */
export function CampaignsTab() {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useLoad(() => api.call('charity.listCampaigns', {}), []);
  const [selected, setSelected] = useState<string | null>(null);
  const campaign = (list.data ?? []).find((c) => c.id === selected) ?? null;
  return (
    <Stack>
      {can('charity.record') && <CampaignForm onSaved={(c) => (void list.reload(), setSelected(c.id))} />}
      <ErrorAlert error={list.error} />
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('charity.campaigns.name')}</Table.Th>
            <Table.Th>{t('charity.campaigns.kind')}</Table.Th>
            <Table.Th>{t('charity.fields.fund')}</Table.Th>
            <Table.Th>{t('charity.campaigns.period')}</Table.Th>
            <Table.Th ta="right">{t('charity.campaigns.target')}</Table.Th>
            <Table.Th ta="right">{t('charity.campaigns.received')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((c) => (
            <Table.Tr
              key={c.id}
              {...keyRow(() => setSelected(c.id))}
              aria-current={c.id === selected ? 'true' : undefined}
              data-testid={`campaign-${c.name}`}
              bg={c.id === selected ? 'var(--mantine-color-blue-light)' : undefined}
            >
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={c.kind === 'pledge' ? 'pink' : 'blue'}>
                  {t(`charity.campaigns.kinds.${c.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{c.fundCode}</Table.Td>
              <Table.Td>{c.endsOn ? `${c.startsOn} — ${c.endsOn}` : t('charity.campaigns.from', { date: c.startsOn })}</Table.Td>
              <Table.Td ta="right" className="linli-mono">
                {c.targetFen ? yuan(c.targetFen) : '—'}
              </Table.Td>
              <Table.Td ta="right" className="linli-mono">
                {yuan(c.receivedFen)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data?.length === 0 && <Text c="dimmed">{t('charity.campaigns.none')}</Text>}
      {(list.data ?? []).length > 0 && (
        <Text size="xs" c="dimmed">
          {t('charity.campaigns.keyboardHint')}
        </Text>
      )}
      {campaign?.kind === 'pledge' && <PledgesCard key={campaign.id} campaign={campaign} />}
      {campaign?.kind === 'drive' && <Text c="dimmed">{t('charity.campaigns.driveHint')}</Text>}
    </Stack>
  );
}

function CampaignForm({ onSaved }: { onSaved: (c: Campaign) => void }) {
  const today = useHallToday();
  const { t } = useTranslation();
  const { fundOptions } = useFundsAndDonors();
  const [form, setForm] = useState({ name: '', kind: 'pledge' as Campaign['kind'], fundCode: 'GEN', startsOn: today, endsOn: '', target: '' });
  const [error, setError] = useState<unknown>(null);
  const [targetError, setTargetError] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (v: string | null) => setForm((f) => ({ ...f, [k]: v ?? '' }));
  async function submit() {
    setError(null);
    const target = form.target.trim() ? fenFromInput(form.target) : { fen: 0, error: null };
    setTargetError(target.error ? translatedOr(t, `errors.${target.error}`, `errors.${target.error}`) : null);
    if (target.fen === null) return;
    try {
      const saved = await api.call('charity.saveCampaign', {
        name: form.name,
        kind: form.kind,
        fundCode: form.fundCode,
        startsOn: form.startsOn,
        endsOn: form.endsOn || null,
        targetFen: target.fen,
      });
      setForm((f) => ({ ...f, name: '', target: '' }));
      onSaved(saved);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Card withBorder>
      <Title order={4} fz="md" mb="xs">
        {t('charity.campaigns.newTitle')}
      </Title>
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('charity.campaigns.name')} value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} w={220} />
          <Select
            label={t('charity.campaigns.kind')}
            data={(['pledge', 'drive'] as const).map((k) => ({ value: k, label: t(`charity.campaigns.kinds.${k}`) }))}
            value={form.kind}
            onChange={set('kind')}
            allowDeselect={false}
            w={170}
          />
          <Select label={t('charity.fields.fund')} data={fundOptions} value={form.fundCode} onChange={set('fundCode')} allowDeselect={false} w={220} />
          <TextInput type="date" label={t('charity.campaigns.startsOn')} value={form.startsOn} onChange={(e) => set('startsOn')(e.currentTarget.value)} />
          <TextInput type="date" label={t('charity.campaigns.endsOn')} value={form.endsOn} onChange={(e) => set('endsOn')(e.currentTarget.value)} />
          <TextInput
            label={t('charity.campaigns.targetYuan')}
            value={form.target}
            onChange={(e) => set('target')(e.currentTarget.value)}
            error={targetError}
            w={140}
          />
          <Button type="submit">{t('charity.campaigns.create')}</Button>
        </Group>
      </form>
      <ErrorAlert error={error} onClose={() => setError(null)} />
    </Card>
  );
}

/** A monthly-pledge campaign: add a donor's pledge, and each pledge's months, expected beside received. */
function PledgesCard({ campaign }: { campaign: Campaign }) {
  const today = useHallToday();
  const { t } = useTranslation();
  const { can } = useSession();
  const { donorOptions } = useFundsAndDonors();
  const status = useLoad(() => api.call('charity.pledgeStatus', { campaignId: campaign.id }), [campaign.id]);
  const [form, setForm] = useState({ donorId: null as string | null, monthly: '', startsMonth: today.slice(0, 7), endsMonth: '' });
  const [error, setError] = useState<unknown>(null);
  const [monthlyError, setMonthlyError] = useState<string | null>(null);
  const [donorError, setDonorError] = useState<string | null>(null);
  const [recording, setRecording] = useState<{ pledge: PledgeStatus; row: HTMLElement | null } | null>(null);
  const rows = useRef(new Map<string, HTMLTableRowElement>());
  async function submit() {
    setError(null);
    const monthly = fenFromInput(form.monthly);
    setMonthlyError(monthly.error ? translatedOr(t, `errors.${monthly.error}`, `errors.${monthly.error}`) : null);
    setDonorError(form.donorId ? null : t('charity.campaigns.donorRequired'));
    if (monthly.fen === null || !form.donorId) return;
    try {
      await api.call('charity.savePledge', {
        campaignId: campaign.id,
        donorId: form.donorId,
        monthlyFen: monthly.fen,
        startsMonth: form.startsMonth,
        endsMonth: form.endsMonth || null,
      });
      setForm((f) => ({ ...f, donorId: null, monthly: '' }));
      void status.reload();
    } catch (err) {
      setError(err);
    }
  }
  // Pledges start in different months: the columns are every month any of them covers.
  const months = [...new Set((status.data ?? []).flatMap((p) => p.months.map((m) => m.month)))].sort();
  return (
    <Card withBorder>
      <Title order={4} fz="md" mb="xs">
        {t('charity.campaigns.pledgesTitle', { name: campaign.name })}
      </Title>
      {can('charity.record') && (
        <form onSubmit={(e) => (e.preventDefault(), void submit())}>
          <Group align="flex-end" mb="sm">
            <Select
              label={t('charity.fields.donor')}
              data={donorOptions}
              value={form.donorId}
              onChange={(v) => setForm((f) => ({ ...f, donorId: v }))}
              error={donorError}
              searchable
              w={220}
            />
            <TextInput
              label={t('charity.campaigns.monthlyYuan')}
              value={form.monthly}
              onChange={(e) => setForm({ ...form, monthly: e.currentTarget.value })}
              error={monthlyError}
              w={140}
            />
            <TextInput
              label={t('charity.campaigns.startsMonth')}
              placeholder="2026-01"
              value={form.startsMonth}
              onChange={(e) => setForm({ ...form, startsMonth: e.currentTarget.value })}
              w={120}
            />
            <TextInput
              label={t('charity.campaigns.endsMonth')}
              placeholder="2026-12"
              value={form.endsMonth}
              onChange={(e) => setForm({ ...form, endsMonth: e.currentTarget.value })}
              w={120}
            />
            <Button type="submit">{t('charity.campaigns.addPledge')}</Button>
          </Group>
        </form>
      )}
      <ErrorAlert error={error ?? status.error} onClose={() => setError(null)} />
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('charity.fields.donor')}</Table.Th>
              <Table.Th ta="right">{t('charity.campaigns.monthly')}</Table.Th>
              {months.map((m) => (
                <Table.Th key={m} ta="right">
                  {m}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(status.data ?? []).map((p) => (
              <Table.Tr
                key={p.pledgeId}
                data-testid={`pledge-${p.donorName}`}
                ref={(el) => void (el ? rows.current.set(p.pledgeId, el) : rows.current.delete(p.pledgeId))}
                {...(can('charity.record') ? keyRow(() => setRecording({ pledge: p, row: rows.current.get(p.pledgeId) ?? null })) : {})}
              >
                <Table.Td>
                  {p.donorName} {p.behind && <Badge color="orange">{t('charity.campaigns.behind')}</Badge>}
                </Table.Td>
                <Table.Td ta="right" className="linli-mono">
                  {yuan(p.monthlyFen)}
                </Table.Td>
                {months.map((month) => {
                  const m = p.months.find((x) => x.month === month);
                  return (
                    <Table.Td key={month} ta="right" className="linli-mono" c={m && m.receivedFen < m.expectedFen ? 'orange' : undefined}>
                      {m ? t('charity.campaigns.receivedOfExpected', { received: yuan(m.receivedFen), expected: yuan(m.expectedFen) }) : '—'}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {status.data?.length === 0 && <Text c="dimmed">{t('charity.campaigns.noPledges')}</Text>}
      {can('charity.record') && (status.data ?? []).length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('charity.campaigns.pledgeKeyboardHint')}
        </Text>
      )}
      {recording && (
        <PledgePaymentModal
          campaign={campaign}
          pledge={recording.pledge}
          onClose={() => {
            recording.row?.focus();
            setRecording(null);
          }}
          onRecorded={(receiptNo) => {
            notifications.show({
              color: 'green',
              message: t('charity.campaigns.recorded', { name: recording.pledge.donorName, receipt: receiptNo ?? '—' }),
            });
            setRecording(null);
            void status.reload().then(() => focusRowAfter(recording.row));
          }}
        />
      )}
    </Card>
  );
}
