import { translatedOr } from '../../i18n/labels';
import { useState } from 'react';
import { Button, Card, Group, Select, Stack, TextInput, Title, Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Donation } from '@shared/contract/charity/donations';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fenFromInput, yuan } from './money';
import { type useFundsAndDonors } from './use-charity-lists';
import { useHallToday } from '../../components/today';

/** One in-kind donation (物资): item × quantity × unit value, with the basis of the valuation. */
export function GoodsDonationForm({ lists }: { lists: ReturnType<typeof useFundsAndDonors> }) {
  const today = useHallToday();
  const { t } = useTranslation();
  const [item, setItem] = useState('');
  const [unit, setUnit] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unitValue, setUnitValue] = useState('');
  const [basis, setBasis] = useState('');
  const [donorId, setDonorId] = useState<string | null>(null);
  const [fundCode, setFundCode] = useState('GEN');
  const [receivedOn, setReceivedOn] = useState(today);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Donation | null>(null);
  const [valueError, setValueError] = useState<string | null>(null);
  async function submit() {
    const money = fenFromInput(unitValue);
    if (money.fen === null) return setValueError(translatedOr(t, `errors.${money.error}`, `errors.${money.error}`));
    setValueError(null);
    try {
      const d = await api.call('charity.recordDonation', {
        kind: 'goods',
        donorId,
        fundCode,
        receivedOn,
        items: [{ item, unit, quantity: Number(quantity), unitValueFen: money.fen, valuationBasis: basis }],
      });
      setSaved(d);
      setError(null);
      setItem('');
      setQuantity('');
      setUnitValue('');
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <Title order={4} fz="md" mb="xs">
        {t('charity.entry.goodsTitle')}
      </Title>
      <Stack gap="xs">
        <Group grow>
          <TextInput label={t('charity.fields.item')} value={item} onChange={(e) => setItem(e.currentTarget.value)} />
          <TextInput label={t('charity.fields.unit')} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} />
          <TextInput label={t('charity.fields.quantity')} value={quantity} onChange={(e) => setQuantity(e.currentTarget.value)} />
          <TextInput label={t('charity.fields.unitValue')} value={unitValue} onChange={(e) => setUnitValue(e.currentTarget.value)} error={valueError} />
        </Group>
        <Group grow>
          <TextInput label={t('charity.fields.valuationBasis')} value={basis} onChange={(e) => setBasis(e.currentTarget.value)} />
          <Select
            label={t('charity.fields.donor')}
            placeholder={t('charity.fields.anonymous')}
            data={lists.donorOptions}
            value={donorId}
            onChange={setDonorId}
            searchable
            clearable
          />
          <Select label={t('charity.fields.fund')} data={lists.fundOptions} value={fundCode} onChange={(v) => v && setFundCode(v)} allowDeselect={false} />
          <TextInput label={t('charity.fields.receivedOn')} value={receivedOn} onChange={(e) => setReceivedOn(e.currentTarget.value)} />
        </Group>
        <ErrorAlert error={error} onClose={() => setError(null)} />
        {saved && (
          <Alert color="green" role="status">
            {t('charity.entry.goodsSaved', { amount: yuan(saved.amountFen), receipt: saved.receiptNo ?? '—' })}
          </Alert>
        )}
        <Group>
          <Button type="submit">{t('charity.entry.recordGoods')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
