import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { applyServerErrors } from '../../../components/form/server-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HousePicker } from '../common/HousePicker';
import { HouseholdPicker } from '../common/HouseholdPicker';
import { RelationSelect } from '../common/RelationSelect';

/** 变更户: the household is found through its house; the relation to the new head is asked again. */
export function ChangeHouseholdModal({ resident, onClose, onDone }: { resident: ResidentDetail; onClose: () => void; onDone: (r: ResidentDetail) => void }) {
  const { t } = useTranslation();
  const [houseId, setHouseId] = useState<string | null>(resident.houseId);
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [relation, setRelation] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string | null | undefined>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const missing = { householdId: householdId ? null : t('errors.contract.required'), relationToHead: relation ? null : t('errors.contract.required') };
    if (missing.householdId || missing.relationToHead) return setErrors(missing);
    setBusy(true);
    setError(null);
    try {
      onDone(await api.call('residents.changeHousehold', { id: resident.id, householdId: householdId!, relationToHead: relation! }));
      onClose();
    } catch (err) {
      if (!applyServerErrors(t, { setErrors }, err)) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('residents.actions.changeHouseholdTitle', { name: resident.name })} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text size="sm">{resident.household ? t('residents.actions.changeHouseholdFrom', { number: resident.household.number, relation: resident.household.relationToHead || t('residents.common.unknown') }) : t('residents.actions.changeHouseholdNone')}</Text>
        <HousePicker value={houseId} initialBuildingId={resident.buildingId} onChange={setHouseId} />
        <HouseholdPicker houseId={houseId} value={householdId} onChange={setHouseholdId} error={errors.householdId ?? undefined} />
        <RelationSelect value={relation} onChange={setRelation} error={errors.relationToHead} />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            {t('residents.actions.changeHousehold')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
