import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '@shared/contract/residents';
import { useSignedIn } from '../../../app/session-context';
import { applyServerErrors } from '../../../components/form/server-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DateField } from '../../../components/DateField';
import { HousePicker } from '../common/HousePicker';
import { HouseholdPicker } from '../common/HouseholdPicker';
import { RelationSelect } from '../common/RelationSelect';
import { todayIn } from '../../../components/today';
import { usePlacementPicks } from '../common/use-placement-picks';

/** Named as the contract's inputs name them, so a server field error lands on the field that caused it. */
export interface Placement {
  on: string | null;
  houseId: string | null;
  householdId: string | null;
  relationToHead: string | null;
}

interface PlacementModalProps {
  resident: ResidentDetail;
  title: string;
  explain: string;
  confirmLabel: string;
  /** Where the pickers start. */
  initial: Omit<Placement, 'on'>;
  /** 迁入 asks from which date (today unless told otherwise); 变更户 has no date and leaves this out. */
  dateLabel?: string;
  /** The household the person is in now, offered even when it sits at another house. */
  current?: { id: string; number: string } | null;
  /** What must be filled before the call is made; the server checks again. */
  required: (keyof Placement)[];
  /** Makes the call; a thrown error stays in the modal. */
  submit: (placement: Placement) => Promise<ResidentDetail>;
  onClose: () => void;
  onDone: (resident: ResidentDetail) => void;
}

type PlacementErrors = Partial<Record<keyof Placement, string | null | undefined>>;

/**
 * 迁入 and 变更户: a house, a household there (or found anywhere by its 户号, which brings the house along)
 * and the relation to its head, and for 迁入 a date.
 */
export function PlacementModal({
  resident,
  title,
  explain,
  confirmLabel,
  initial,
  dateLabel,
  current,
  required,
  submit,
  onClose,
  onDone,
}: PlacementModalProps) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const [on, setOn] = useState<string | null>(dateLabel ? todayIn(settings.timeZone) : null);
  const { houseId, setHouseId, building, householdId, setHouseholdId, followHousehold } = usePlacementPicks({
    houseId: initial.houseId,
    buildingId: resident.buildingId,
    householdId: initial.householdId,
  });
  const [relationToHead, setRelation] = useState(initial.relationToHead);
  const [errors, setErrors] = useState<PlacementErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    const placement: Placement = { on, houseId, householdId, relationToHead };
    const missing = required.filter((field) => !placement[field]);
    if (missing.length > 0) return setErrors(Object.fromEntries(missing.map((field) => [field, t('errors.contract.required')])));
    setBusy(true);
    setError(null);
    try {
      onDone(await submit(placement));
      onClose();
    } catch (err) {
      if (!applyServerErrors(t, { setErrors }, err)) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text size="sm">{explain}</Text>
        {dateLabel && <DateField label={dateLabel} value={on} onChange={setOn} error={errors.on} data-autofocus />}
        <HousePicker key={building ?? ''} value={houseId} initialBuildingId={building} onChange={setHouseId} error={errors.houseId ?? undefined} />
        <HouseholdPicker
          houseId={houseId}
          value={householdId}
          onChange={setHouseholdId}
          onElsewhere={followHousehold}
          current={current}
          error={errors.householdId ?? undefined}
        />
        <RelationSelect value={relationToHead} onChange={setRelation} error={errors.relationToHead} />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
