import { useState } from 'react';
import { Button, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '@shared/contract/hall';
import { supplementPending, ticketActions, type TicketAction } from './actions';
import { CompleteModal } from './actions/CompleteModal';
import { FollowUpModal } from './actions/FollowUpModal';
import { RateModal } from './actions/RateModal';
import { RefuseModal } from './actions/RefuseModal';
import { SupplementModal } from './actions/SupplementModal';
import { TransferModal } from './actions/TransferModal';
import { PrintButtons } from './PrintButtons';

const modals = {
  supplement: SupplementModal,
  transfer: TransferModal,
  complete: CompleteModal,
  refuse: RefuseModal,
  rate: RateModal,
  followUp: FollowUpModal,
} satisfies Record<TicketAction, unknown>;

const colour: Partial<Record<TicketAction, string>> = { complete: 'green', refuse: 'red', followUp: 'red' };

/** The ticket's action bar (for users who may act on tickets): what its state allows, then the documents to print. */
export function TicketActions({ ticket, onChanged }: { ticket: TicketView; onChanged: (t: TicketView) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<TicketAction | null>(null);
  const actions = ticketActions(ticket);
  const Modal = open ? modals[open] : null;
  return (
    <Group justify="space-between" gap="sm">
      <Group gap="xs">
        {actions.map((a) => (
          <Button key={a} variant={a === 'complete' ? 'filled' : 'light'} color={colour[a]} onClick={() => setOpen(a)}>
            {a === 'refuse' && ticket.status !== 'notified' ? t('hall.actions.refuseAccepted') : t(`hall.actions.${a}`)}
          </Button>
        ))}
        {!actions.includes('complete') && actions.includes('transfer') && supplementPending(ticket) && (
          // Said rather than hidden: the clerk sees why 办结 waits (the pledged materials first).
          <Tooltip label={t('hall.actions.completeAfterSupplement')} withArrow>
            <Button variant="filled" color="green" data-disabled onClick={(e) => e.preventDefault()}>
              {t('hall.actions.complete')}
            </Button>
          </Tooltip>
        )}
      </Group>
      <PrintButtons ticket={ticket} />
      {Modal && (
        <Modal
          ticket={ticket}
          onClose={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            onChanged(next);
          }}
        />
      )}
    </Group>
  );
}
