import { useState } from 'react';
import { Badge, Button, Group, Modal, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { aidStatuses } from '@shared/contract/charity/common';
import type { AidApplication } from '@shared/contract/charity/aid';
import { api } from '../../api/client';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { yuan } from './money';
import { AidApplicationForm } from './AidApplicationForm';
import { AidStepModal, type AidStep } from './AidStepModal';
import { EvidenceFiles } from './EvidenceFiles';

const statusColour: Record<AidApplication['status'], string> = {
  submitted: 'gray',
  reviewed: 'blue',
  approved: 'teal',
  rejected: 'red',
  paid: 'green',
  acknowledged: 'green',
};

/** Aid applications and their queue: file → review (home visit) → approval by another person → payment → acknowledgement. */
export function AidTab() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [status, setStatus] = useState<string>('all');
  const list = useLoad(
    () => api.call('charity.listApplications', { status: status === 'all' ? undefined : (status as AidApplication['status']), limit: 200 }),
    [status],
  );
  const [filing, setFiling] = useState(false);
  const [step, setStep] = useState<{ app: AidApplication; step: AidStep } | null>(null);
  const [evidenceOf, setEvidenceOf] = useState<AidApplication | null>(null);

  function nextStep(a: AidApplication): AidStep | null {
    if (a.status === 'submitted' && can('charity.apply')) return 'review';
    if (a.status === 'reviewed' && can('charity.approve')) return 'decide';
    if (a.status === 'approved' && can('charity.record')) return 'pay';
    if (a.status === 'paid' && can('charity.record')) return 'acknowledge';
    return null;
  }

  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={[{ value: 'all', label: t('charity.aid.all') }, ...aidStatuses.map((s) => ({ value: s, label: t(`charity.aidStatus.${s}`) }))]}
        />
        {can('charity.apply') && <Button onClick={() => setFiling(true)}>{t('charity.aid.file')}</Button>}
      </Group>
      <ErrorAlert error={list.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('charity.aid.number')}</Table.Th>
            <Table.Th>{t('charity.aid.recipient')}</Table.Th>
            <Table.Th>{t('charity.aid.kind')}</Table.Th>
            <Table.Th>{t('charity.fields.fund')}</Table.Th>
            <Table.Th ta="right">{t('charity.fields.amount')}</Table.Th>
            <Table.Th>{t('charity.aid.status')}</Table.Th>
            <Table.Th>{t('charity.aid.filedBy')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.rows ?? []).map((a) => {
            const next = nextStep(a);
            return (
              <Table.Tr key={a.id} data-testid={`aid-${a.number}`}>
                <Table.Td className="linli-mono">{a.number}</Table.Td>
                <Table.Td>{a.recipientName}</Table.Td>
                <Table.Td>{a.kind}</Table.Td>
                <Table.Td>{a.fundCode}</Table.Td>
                <Table.Td ta="right" className="linli-mono">
                  {yuan(a.amountFen)}
                  {a.items.length > 0 && ` + ${a.items.map((i) => `${i.item}×${i.quantity}${i.unit}`).join(t('common.listSeparator'))}`}
                </Table.Td>
                <Table.Td>
                  <Badge color={statusColour[a.status]} variant="light">
                    {t(`charity.aidStatus.${a.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{a.createdByName}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {next && (
                      <Button size="compact-sm" variant="light" onClick={() => setStep({ app: a, step: next })}>
                        {t(`charity.aid.steps.${next}`)}
                      </Button>
                    )}
                    {a.evidence.length > 0 && can('charity.apply') && (
                      <Button size="compact-sm" variant="subtle" onClick={() => setEvidenceOf(a)}>
                        {t('charity.aid.evidenceCount', { count: a.evidence.length })}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {list.data?.rows.length === 0 && <Text c="dimmed">{t('charity.aid.none')}</Text>}
      {filing && <AidApplicationForm onClose={() => setFiling(false)} onFiled={() => (setFiling(false), void list.reload())} />}
      {evidenceOf && (
        <Modal opened onClose={() => setEvidenceOf(null)} title={t('charity.aid.evidenceTitle', { number: evidenceOf.number, name: evidenceOf.recipientName })} size="lg">
          <EvidenceFiles evidence={evidenceOf.evidence} />
        </Modal>
      )}
      {step && <AidStepModal app={step.app} step={step.step} onClose={() => setStep(null)} onDone={() => (setStep(null), void list.reload())} />}
    </Stack>
  );
}
