import { translatedOr } from '../../i18n/labels';
import { useState } from 'react';
import { Button, FileInput, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { aidKinds } from '@shared/contract/charity/common';
import type { AidApplication } from '@shared/contract/charity/aid';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fenFromInput } from './money';
import { useFundsAndDonors } from './use-charity-lists';

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Files an aid application for a resident found in the registry, with evidence files (hashed and stored). */
export function AidApplicationForm({ onClose, onFiled }: { onClose: () => void; onFiled: () => void }) {
  const { t } = useTranslation();
  const { fundOptions } = useFundsAndDonors();
  const [residentId, setResidentId] = useState<string | null>(null);
  const [hits, setHits] = useState<{ value: string; label: string }[]>([]);
  const [kind, setKind] = useState<string>(aidKinds[1]);
  const [fundCode, setFundCode] = useState('GEN');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [amountError, setAmountError] = useState<string | null>(null);

  async function search(q: string) {
    if (q.trim().length < 1) return;
    try {
      const found = await api.call('residents.search', { q, limit: 20, includeArchived: false });
      setHits(
        found
          .filter((h) => h.type === 'resident')
          .map((h) => ({ value: h.id, label: `${h.name} ${'idMasked' in h ? h.idMasked : ''} ${'address' in h ? h.address : ''}` })),
      );
    } catch (err) {
      setError(err);
    }
  }
  async function submit() {
    const money = amount.trim() ? fenFromInput(amount) : { fen: 0, error: null };
    if (money.fen === null) return setAmountError(translatedOr(t, `errors.${money.error}`, `errors.${money.error}`));
    setAmountError(null);
    if (!residentId) return setError(null);
    try {
      const app: AidApplication = await api.call('charity.fileApplication', {
        residentId,
        kind: kind as AidApplication['kind'],
        fundCode,
        amountFen: money.fen ?? 0,
        reason,
      });
      for (const f of files)
        await api.call('charity.addEvidence', {
          applicationId: app.id,
          fileName: f.name,
          mime: f.type || 'application/octet-stream',
          base64: await base64Of(f),
        });
      onFiled();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('charity.aid.file')} size="lg">
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <Stack gap="xs">
          <Select
            label={t('charity.aid.recipient')}
            placeholder={t('charity.aid.searchResident')}
            searchable
            data={hits}
            value={residentId}
            onChange={setResidentId}
            onSearchChange={(q) => void search(q)}
            filter={({ options }) => options}
            nothingFoundMessage={t('charity.aid.noResident')}
            data-autofocus
          />
          <Group grow>
            <Select label={t('charity.aid.kind')} data={[...aidKinds]} value={kind} onChange={(v) => v && setKind(v)} allowDeselect={false} />
            <Select label={t('charity.fields.fund')} data={fundOptions} value={fundCode} onChange={(v) => v && setFundCode(v)} allowDeselect={false} />
            <TextInput label={t('charity.fields.amountYuan')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={amountError} />
          </Group>
          <Textarea label={t('charity.aid.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          <FileInput label={t('charity.aid.evidence')} description={t('charity.aid.evidenceHint')} multiple value={files} onChange={setFiles} clearable />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!residentId}>
              {t('charity.aid.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
