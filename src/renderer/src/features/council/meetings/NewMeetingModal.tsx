import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '@shared/contract/council';
import { api } from '../../../api/client';
import { navigate } from '../../../app/router';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';

/**
 * 新建会议 (or, given a meeting being prepared, its particulars changed): body, title, date, time, place, chair
 * and recorder; the page opens on the meeting.
 */
export function NewMeetingModal({ onClose, meeting, onSaved }: { onClose: () => void; meeting?: Meeting; onSaved?: () => void }) {
  const { t } = useTranslation();
  const bodies = useLoad(() => api.call('council.listBodies', {}), [], { live: false });
  const [v, setV] = useState({
    bodyId: meeting?.bodyId ?? (null as string | null),
    title: meeting?.title ?? '',
    heldOn: meeting?.heldOn ?? (null as string | null),
    startTime: meeting?.startTime ?? '',
    place: meeting?.place ?? '',
    chairName: meeting?.chairName ?? '',
    recorderName: meeting?.recorderName ?? '',
    convener: meeting?.convener ?? '',
  });
  // 组织法 第10条: a 居民会议 convened because at least 1/5 of residents (or households) asked.
  const [request, setRequest] = useState({
    on: !!meeting?.request,
    count: meeting?.request?.count ?? 0,
    base: meeting?.request?.base ?? 0,
    note: meeting?.request?.note ?? '',
  });
  const isAssembly = bodies.data?.find((b) => b.id === v.bodyId)?.kind === 'resident_assembly';
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof v>) => setV({ ...v, ...patch });

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const asked = isAssembly && request.on ? { count: request.count, base: request.base, note: request.note } : null;
      const m = await api.call('council.saveMeeting', { ...v, id: meeting?.id, bodyId: v.bodyId ?? '', heldOn: v.heldOn ?? '', request: asked });
      onClose();
      onSaved?.();
      if (!meeting) navigate('council', 'meeting', m.id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t(meeting ? 'council.meetings.edit' : 'council.meetings.new')} size="lg">
      <Stack gap="sm">
        <ErrorAlert error={error ?? bodies.error} />
        <Select
          label={t('council.meetings.body')}
          data={(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
          value={v.bodyId}
          onChange={(x) => set({ bodyId: x })}
          required
          searchable
          disabled={!!meeting}
        />
        <TextInput label={t('council.meetings.title')} value={v.title} onChange={(e) => set({ title: e.currentTarget.value })} required />
        <Group grow>
          <DateField label={t('council.meetings.date')} defaultValue={v.heldOn} onChange={(x) => set({ heldOn: x })} />
          <TextInput label={t('council.meetings.time')} placeholder="14:30" value={v.startTime} onChange={(e) => set({ startTime: e.currentTarget.value })} />
        </Group>
        <TextInput label={t('council.meetings.place')} value={v.place} onChange={(e) => set({ place: e.currentTarget.value })} />
        <TextInput label={t('council.meetings.convener')} value={v.convener} onChange={(e) => set({ convener: e.currentTarget.value })} />
        {isAssembly && (
          <>
            <Switch label={t('council.meetings.onRequest')} checked={request.on} onChange={(e) => setRequest({ ...request, on: e.currentTarget.checked })} />
            {request.on && (
              <Group grow>
                <NumberInput
                  label={t('council.meetings.requestCount')}
                  value={request.count}
                  onChange={(n) => setRequest({ ...request, count: Number(n) || 0 })}
                  min={0}
                  allowDecimal={false}
                />
                <NumberInput
                  label={t('council.meetings.requestBase')}
                  value={request.base}
                  onChange={(n) => setRequest({ ...request, base: Number(n) || 0 })}
                  min={0}
                  allowDecimal={false}
                />
                <TextInput
                  label={t('council.meetings.requestNote')}
                  value={request.note}
                  onChange={(e) => setRequest({ ...request, note: e.currentTarget.value })}
                />
              </Group>
            )}
          </>
        )}
        <Group grow>
          <TextInput label={t('council.meetings.chair')} value={v.chairName} onChange={(e) => set({ chairName: e.currentTarget.value })} />
          <TextInput label={t('council.meetings.recorder')} value={v.recorderName} onChange={(e) => set({ recorderName: e.currentTarget.value })} />
        </Group>
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
