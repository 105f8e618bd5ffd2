import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cashMethods } from '@shared/contract/charity/common';
import type { Campaign, PledgeStatus } from '@shared/contract/charity/donations';
import { api } from '../../api/client';
import { translatedOr } from '../../i18n/labels';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fenFromInput, yuan } from './money';
import { useHallToday } from '../../components/today';

/**
 * Records one month's money of a pledge (爱心月月捐), opened by Enter on its row: the amount starts at the
 * pledged sum, so an envelope that matches is Enter, Enter. It posts at once with its receipt number.
 */
export function PledgePaymentModal({
  campaign,
  pledge,
  onClose,
  onRecorded,
}: {
  campaign: Campaign;
  pledge: PledgeStatus;
  onClose: () => void;
  onRecorded: (receiptNo: string | null) => void;
}) {
  const today = useHallToday();
  const { t } = useTranslation();
  const [amount, setAmount] = useState((pledge.monthlyFen / 100).toFixed(2));
  const [method, setMethod] = useState<string>(cashMethods[0]);
  const [receivedOn, setReceivedOn] = useState(today);
  const [amountError, setAmountError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function submit() {
    const money = fenFromInput(amount);
    if (money.fen === null) return setAmountError(translatedOr(t, `errors.${money.error}`, `errors.${money.error}`));
    setAmountError(null);
    setSaving(true);
    try {
      const donation = await api.call('charity.recordDonation', {
        kind: 'cash',
        method: method as (typeof cashMethods)[number],
        amountFen: money.fen,
        donorId: pledge.donorId,
        fundCode: campaign.fundCode,
        campaignId: campaign.id,
        pledgeId: pledge.pledgeId,
        receivedOn,
      });
      onRecorded(donation.receiptNo);
    } catch (err) {
      setError(err);
      setSaving(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      returnFocus={false}
      title={t('charity.campaigns.recordTitle', { name: pledge.donorName, monthly: yuan(pledge.monthlyFen) })}
    >
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <Stack gap="xs">
          <Group grow align="flex-start">
            <TextInput
              data-autofocus
              label={t('charity.fields.amountYuan')}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              onFocus={(e) => e.currentTarget.select()}
              error={amountError}
            />
            <Select label={t('charity.fields.method')} data={[...cashMethods]} value={method} onChange={(v) => v && setMethod(v)} allowDeselect={false} />
            <TextInput label={t('charity.fields.receivedOn')} value={receivedOn} onChange={(e) => setReceivedOn(e.currentTarget.value)} />
          </Group>
          <Text size="xs" c="dimmed">
            {t('charity.campaigns.recordHint')}
          </Text>
          <ErrorAlert error={error} onClose={() => setError(null)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('charity.campaigns.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
