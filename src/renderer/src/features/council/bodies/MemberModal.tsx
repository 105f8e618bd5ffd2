import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Body, Member } from '@shared/contract/council';
import { api } from '../../../api/client';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ResidentPick } from './ResidentPick';

/** 添加成员: a name (or a resident of the registry), role, term and whether the member votes. */
export function MemberModal({ body, member, onClose, onSaved }: { body: Body; member?: Member; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    name: member?.name ?? '',
    role: member?.role ?? '',
    residentId: member?.residentId ?? null,
    termStart: member?.termStart ?? null,
    termEnd: member?.termEnd ?? null,
    votes: member?.votes ?? body.kind !== 'supervision',
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await api.call('council.saveMember', {
        id: member?.id,
        bodyId: body.id,
        name: v.name,
        role: v.role,
        residentId: v.residentId,
        termStart: v.termStart ?? '',
        termEnd: v.termEnd,
        votes: v.votes,
      });
      onSaved();
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={onClose} title={t(member ? 'council.bodies.editMember' : 'council.bodies.addMember')}>
      <Stack gap="sm">
        <ErrorAlert error={error} />
        {!member && <ResidentPick onPick={(r) => setV({ ...v, residentId: r?.id ?? null, name: r?.name ?? v.name })} />}
        <TextInput label={t('council.members.name')} value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} required />
        <TextInput label={t('council.members.role')} value={v.role} onChange={(e) => setV({ ...v, role: e.currentTarget.value })} />
        <Group grow>
          <DateField label={t('council.members.termStart')} defaultValue={v.termStart} onChange={(d) => setV({ ...v, termStart: d })} />
          <DateField label={t('council.members.termEnd')} defaultValue={v.termEnd} onChange={(d) => setV({ ...v, termEnd: d })} />
        </Group>
        <Checkbox
          label={t('council.members.votesLabel')}
          checked={v.votes}
          onChange={(e) => setV({ ...v, votes: e.currentTarget.checked })}
          disabled={body.kind === 'supervision'}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
