import { useEffect, useState } from 'react';
import { Badge, Button, Card, Group, Modal, Select, Stack, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { disclosures, donorKinds } from '@shared/contract/charity/common';
import type { Donor } from '@shared/contract/charity/donations';
import { api } from '../../api/client';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DataTable, type Column } from '../../components/list/DataTable';
import { useKeysetList } from '../../components/list/use-keyset-list';
import { yuan } from './money';
import { useHallToday } from '../../components/today';

/** Donors: how each wants to be named in public, and whether they consented to recognition (and when). */
export function DonorsTab({ rest = [] }: { rest?: string[] }) {
  const { t } = useTranslation();
  const { can } = useSession();
  // A donor opened from Ctrl+K arrives as #/charity/donors/<name>: the list starts filtered to it.
  const asked = rest[0] ?? '';
  const [query, setQuery] = useState(asked);
  useEffect(() => setQuery(asked), [asked]);
  // A new search starts again at page 1.
  const list = useKeysetList(`charity.donors:${query}`, (cursor) => api.call('charity.listDonors', { query, cursor, limit: 50 }));
  const [editing, setEditing] = useState<Donor | 'new' | null>(null);
  const [revealing, setRevealing] = useState<Donor | null>(null);
  const columns: Column<Donor>[] = [
    { key: 'name', title: t('charity.donors.name'), render: (d) => d.name },
    { key: 'kind', title: t('charity.donors.kind'), nowrap: true, render: (d) => t(`charity.donorKinds.${d.kind}`) },
    {
      key: 'contact',
      title: t('charity.donors.contact'),
      nowrap: true,
      mono: true,
      render: (d) => (
        <>
          {d.contactMasked || '—'}
          {d.contactMasked && can('charity.reveal') && (
            <Button size="compact-xs" variant="subtle" ml={4} onClick={() => setRevealing(d)}>
              {t('charity.donors.reveal')}
            </Button>
          )}
        </>
      ),
    },
    { key: 'disclosure', title: t('charity.donors.disclosure'), render: (d) => t(`charity.disclosures.${d.disclosure}`) },
    {
      key: 'consent',
      title: t('charity.donors.consent'),
      nowrap: true,
      render: (d) =>
        d.consentOn ? (
          <Badge color="green">{d.consentOn}</Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('charity.donors.noConsent')}
          </Text>
        ),
    },
    { key: 'total', title: t('charity.donors.total'), numeric: true, mono: true, render: (d) => yuan(d.totalFen) },
    {
      key: 'actions',
      title: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
      render: (d) =>
        can('charity.record') && (
          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(d)}>
            {t('common.edit')}
          </Button>
        ),
    },
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <TextInput placeholder={t('charity.donors.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={260} />
        {can('charity.record') && <Button onClick={() => setEditing('new')}>{t('charity.donors.add')}</Button>}
      </Group>
      <Card withBorder padding={0}>
        <DataTable
          label={t('charity.donors.tableLabel')}
          columns={columns}
          rows={list.data?.rows}
          rowKey={(d) => d.id}
          loading={list.loading}
          error={list.error}
          empty={query ? t('charity.donors.noneMatching', { query }) : t('charity.donors.none')}
          total={list.total}
          pager={list.pager}
          minWidth={900}
        />
      </Card>
      {revealing && <RevealContact donor={revealing} onClose={() => setRevealing(null)} />}
      {editing && (
        <DonorForm donor={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), void list.reload())} />
      )}
    </Stack>
  );
}

function DonorForm({ donor, onClose, onSaved }: { donor: Donor | null; onClose: () => void; onSaved: () => void }) {
  const today = useHallToday();
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>(donor?.kind ?? 'person');
  const [name, setName] = useState(donor?.name ?? '');
  const [contact, setContact] = useState('');
  const [disclosure, setDisclosure] = useState<string>(donor?.disclosure ?? 'masked');
  const [consentOn, setConsentOn] = useState(donor?.consentOn ?? '');
  const [notes, setNotes] = useState(donor?.notes ?? '');
  const [error, setError] = useState<unknown>(null);
  async function submit() {
    try {
      await api.call('charity.saveDonor', {
        id: donor?.id,
        kind: kind as Donor['kind'],
        name,
        ...(contact ? { contact } : {}),
        disclosure: disclosure as Donor['disclosure'],
        consentOn: consentOn || null,
        notes,
      });
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Modal opened onClose={onClose} title={donor ? t('charity.donors.edit') : t('charity.donors.add')}>
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <Stack gap="xs">
          <Select
            label={t('charity.donors.kind')}
            data={donorKinds.map((k) => ({ value: k, label: t(`charity.donorKinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v)}
            allowDeselect={false}
          />
          <TextInput label={t('charity.donors.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} autoFocus />
          <TextInput
            label={t('charity.donors.contact')}
            description={donor?.contactMasked ? t('charity.donors.contactKept', { masked: donor.contactMasked }) : undefined}
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
          />
          <Select
            label={t('charity.donors.disclosure')}
            data={disclosures.map((k) => ({ value: k, label: t(`charity.disclosures.${k}`) }))}
            value={disclosure}
            onChange={(v) => v && setDisclosure(v)}
            allowDeselect={false}
          />
          <Group align="flex-end">
            <TextInput
              label={t('charity.donors.consentOn')}
              description={t('charity.donors.consentHint')}
              placeholder={t('common.datePlaceholder')}
              value={consentOn}
              onChange={(e) => setConsentOn(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button variant="light" onClick={() => setConsentOn(today)}>
              {t('charity.donors.consentToday')}
            </Button>
          </Group>
          <Textarea label={t('charity.fields.note')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The full contact, for a stated reason; the reveal is on the audit trail. */
function RevealContact({ donor, onClose }: { donor: Donor; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [contact, setContact] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function submit() {
    try {
      setContact((await api.call('charity.revealDonorContact', { id: donor.id, reason })).contact);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('charity.donors.revealTitle', { name: donor.name })}>
      {contact ? (
        <Text fz="xl" className="linli-mono" data-testid="revealed-contact">
          {contact}
        </Text>
      ) : (
        <form onSubmit={(e) => (e.preventDefault(), void submit())}>
          <Stack>
            <TextInput autoFocus label={t('charity.donors.revealReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <ErrorAlert error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('charity.donors.reveal')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
