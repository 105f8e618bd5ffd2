import { translatedOr } from '../../i18n/labels';
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { paymentMethods } from '@shared/contract/charity/common';
import type { AidApplication } from '@shared/contract/charity/aid';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { yuan } from './money';
import { EvidenceFiles } from './EvidenceFiles';
import { ResolutionPicker } from './ResolutionPicker';

export type AidStep = 'review' | 'decide' | 'pay' | 'acknowledge';

/** One step of an application: the home-visit review, the decision, the payment, the acknowledgement. */
export function AidStepModal({ app, step, onClose, onDone }: { app: AidApplication; step: AidStep; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [resolutionId, setResolutionId] = useState<string | null>(null);
  const [method, setMethod] = useState<string>(paymentMethods[0]);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  const review = () => run(() => api.call('charity.reviewApplication', { id: app.id, visitNote: text, councilResolutionId: resolutionId }));
  const decide = (approve: boolean) => run(() => api.call('charity.decideApplication', { id: app.id, approve, note: text }));
  const pay = () => run(() => api.call('charity.payApplication', { id: app.id, method: method as (typeof paymentMethods)[number] }));
  const acknowledge = () => run(() => api.call('charity.acknowledgeApplication', { id: app.id, acknowledgement: text }));

  return (
    <Modal opened onClose={onClose} title={t(`charity.aid.steps.${step}`) + ` · ${app.number} ${app.recipientName}`} size="lg">
      <Stack gap="xs">
        <Text size="sm">
          {app.kind} · {app.fundCode} · {yuan(app.amountFen)} · {app.reason}
        </Text>
        <EvidenceFiles evidence={app.evidence} />
        {step === 'review' && (
          <>
            <Textarea autoFocus label={t('charity.aid.visitNote')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
            <ResolutionPicker value={resolutionId} onChange={setResolutionId} />
          </>
        )}
        {step === 'decide' && <DecisionPanel id={app.id} note={text} setNote={setText} />}
        {step === 'pay' && (
          <Select label={t('charity.aid.paymentMethod')} data={[...paymentMethods]} value={method} onChange={(v) => v && setMethod(v)} allowDeselect={false} />
        )}
        {step === 'acknowledge' && (
          <Textarea autoFocus label={t('charity.aid.acknowledgement')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        )}
        <ErrorAlert error={error} onClose={() => setError(null)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {step === 'review' && <Button onClick={() => void review()}>{t('charity.aid.saveReview')}</Button>}
          {step === 'decide' && (
            <>
              <Button color="red" variant="light" onClick={() => void decide(false)}>
                {t('charity.aid.reject')}
              </Button>
              <Button color="green" onClick={() => void decide(true)}>
                {t('charity.aid.approve')}
              </Button>
            </>
          )}
          {step === 'pay' && <Button onClick={() => void pay()}>{t('charity.aid.pay')}</Button>}
          {step === 'acknowledge' && <Button onClick={() => void acknowledge()}>{t('charity.aid.saveAcknowledgement')}</Button>}
        </Group>
      </Stack>
    </Modal>
  );
}

/** What the approver must see: the fund's money, the household's other assistance and this year's earlier aid. */
function DecisionPanel({ id, note, setNote }: { id: string; note: string; setNote: (v: string) => void }) {
  const { t } = useTranslation();
  const { data, error } = useLoad(() => api.call('charity.aidReview', { id }), [id]);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Text c="dimmed">{t('common.loading')}</Text>;
  const short = data.fundBalanceFen < data.application.amountFen;
  return (
    <Stack gap="xs">
      {!data.canDecide && <Alert color="orange">{t('charity.aid.cannotDecide')}</Alert>}
      <SimpleGrid cols={3}>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('charity.aid.fundBalance')}
          </Text>
          <Text fw={700} c={short ? 'red' : undefined} data-testid="aid-fund-balance">
            {yuan(data.fundBalanceFen)}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('charity.aid.assistanceTags')}
          </Text>
          <Group gap={4}>
            {data.assistanceTags.length ? data.assistanceTags.map((x) => <Badge key={x}>{x}</Badge>) : <Text size="sm">{t('charity.aid.noTags')}</Text>}
          </Group>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('charity.aid.visit')}
          </Text>
          <Text size="sm">{data.application.visitNote}</Text>
          {data.application.councilResolutionNo && <Text size="sm">{data.application.councilResolutionNo}</Text>}
        </Stack>
      </SimpleGrid>
      {short && <Alert color="red">{t('charity.aid.overspend')}</Alert>}
      <Text size="sm" fw={600}>
        {t('charity.aid.earlier')}
      </Text>
      {data.earlierThisYear.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('charity.aid.noEarlier')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {data.earlierThisYear.map((e) => (
              <Table.Tr key={e.number}>
                <Table.Td>{e.number}</Table.Td>
                <Table.Td>{e.recipientName}</Table.Td>
                <Table.Td>{e.kind}</Table.Td>
                <Table.Td>{yuan(e.amountFen)}</Table.Td>
                <Table.Td>{translatedOr(t, `charity.aidStatus.${e.status}`, `charity.aidStatus.${e.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <TextInput label={t('charity.aid.decisionNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
    </Stack>
  );
}
