import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { applyServerErrors } from '../../../components/form/server-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DateField } from '../common/DateField';
import { HousePicker } from '../common/HousePicker';
import { HouseholdPicker } from '../common/HouseholdPicker';
import { RelationSelect } from '../common/RelationSelect';
import { todayIn } from '../common/today';

/** 迁入: an archived person comes back (or arrives), to a house and household, from a date. */
export function MoveInModal({ resident, onClose, onDone }: { resident: ResidentDetail; onClose: () => void; onDone: (r: ResidentDetail) => void }) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const [on, setOn] = useState<string | null>(todayIn(settings.timeZone));
  const [houseId, setHouseId] = useState<string | null>(resident.houseId);
  const [householdId, setHouseholdId] = useState<string | null>(resident.household?.id ?? null);
  const [relation, setRelation] = useState<string | null>(resident.household?.relationToHead || null);
  const [errors, setErrors] = useState<Record<string, string | null | undefined>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!on) return setErrors({ on: t('errors.contract.required') });
    setBusy(true);
    setError(null);
    try {
      onDone(await api.call('residents.moveIn', { id: resident.id, on, houseId, householdId, relationToHead: relation ?? '' }));
      onClose();
    } catch (err) {
      if (!applyServerErrors(t, { setErrors }, err)) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('residents.actions.moveInTitle', { name: resident.name })} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text size="sm">{t('residents.actions.moveInExplain')}</Text>
        <DateField label={t('residents.actions.moveInDate')} value={on} onChange={setOn} error={errors.on} data-autofocus />
        <HousePicker value={houseId} initialBuildingId={resident.buildingId} onChange={setHouseId} error={errors.houseId ?? undefined} />
        <HouseholdPicker houseId={houseId} value={householdId} onChange={setHouseholdId} current={resident.household} error={errors.householdId ?? undefined} />
        <RelationSelect value={relation} onChange={setRelation} error={errors.relationToHead} />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            {t('residents.actions.moveIn')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
