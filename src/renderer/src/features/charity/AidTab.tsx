import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, SegmentedControl, Stack, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { aidStatuses } from '@shared/contract/charity/common';
import type { AidApplication } from '@shared/contract/charity/aid';
import { api } from '../../api/client';
import { useSession } from '../../app/session-context';
import { DataTable, type Column } from '../../components/list/DataTable';
import { useKeysetList } from '../../components/list/use-keyset-list';
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
  // A new status filter starts again at page 1.
  const list = useKeysetList(`charity.aid:${status}`, (cursor) =>
    api.call('charity.listApplications', { status: status === 'all' ? undefined : (status as AidApplication['status']), cursor, limit: 50 }),
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

  const columns: Column<AidApplication>[] = [
    { key: 'number', title: t('charity.aid.number'), nowrap: true, mono: true, render: (a) => a.number },
    { key: 'recipient', title: t('charity.aid.recipient'), nowrap: true, render: (a) => a.recipientName },
    { key: 'kind', title: t('charity.aid.kind'), nowrap: true, render: (a) => a.kind },
    { key: 'fund', title: t('charity.fields.fund'), nowrap: true, mono: true, render: (a) => a.fundCode },
    {
      key: 'amount',
      title: t('charity.fields.amount'),
      numeric: true,
      mono: true,
      nowrap: true,
      render: (a) => (a.amountFen > 0 || a.items.length === 0 ? yuan(a.amountFen) : ''),
    },
    {
      key: 'items',
      title: t('charity.aid.items'),
      render: (a) => a.items.map((i) => `${i.item}×${i.quantity}${i.unit}`).join(t('common.listSeparator')),
    },
    {
      key: 'status',
      title: t('charity.aid.status'),
      nowrap: true,
      render: (a) => (
        <Badge color={statusColour[a.status]} variant="light">
          {t(`charity.aidStatus.${a.status}`)}
        </Badge>
      ),
    },
    { key: 'filedBy', title: t('charity.aid.filedBy'), nowrap: true, render: (a) => a.createdByName },
    {
      key: 'actions',
      title: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
      render: (a) => {
        const next = nextStep(a);
        return (
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
        );
      },
    },
  ];

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
      <Card withBorder padding={0}>
        <DataTable
          label={t('charity.aid.tableLabel')}
          columns={columns}
          rows={list.data?.rows}
          rowKey={(a) => a.id}
          rowTestId={(a) => `aid-${a.number}`}
          loading={list.loading}
          error={list.error}
          empty={t('charity.aid.none')}
          total={list.total}
          pager={list.pager}
          minWidth={960}
        />
      </Card>
      {filing && <AidApplicationForm onClose={() => setFiling(false)} onFiled={() => (setFiling(false), void list.reload())} />}
      {evidenceOf && (
        <Modal
          opened
          onClose={() => setEvidenceOf(null)}
          title={t('charity.aid.evidenceTitle', { number: evidenceOf.number, name: evidenceOf.recipientName })}
          size="lg"
        >
          <EvidenceFiles evidence={evidenceOf.evidence} />
        </Modal>
      )}
      {step && <AidStepModal app={step.app} step={step.step} onClose={() => setStep(null)} onDone={() => (setStep(null), void list.reload())} />}
    </Stack>
  );
}
