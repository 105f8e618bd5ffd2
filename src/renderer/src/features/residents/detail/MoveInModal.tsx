import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { PlacementModal } from './PlacementModal';

/** 迁入: an archived person comes back (or arrives), to a house and household, from a date. */
export function MoveInModal({ resident, onClose, onDone }: { resident: ResidentDetail; onClose: () => void; onDone: (r: ResidentDetail) => void }) {
  const { t } = useTranslation();
  return (
    <PlacementModal
      resident={resident}
      title={t('residents.actions.moveInTitle', { name: resident.name })}
      explain={t('residents.actions.moveInExplain')}
      confirmLabel={t('residents.actions.moveIn')}
      dateLabel={t('residents.actions.moveInDate')}
      initial={{ houseId: resident.houseId, householdId: resident.household?.id ?? null, relationToHead: resident.household?.relationToHead || null }}
      current={resident.household}
      required={['on']}
      submit={(p) =>
        api.call('residents.moveIn', { id: resident.id, on: p.on!, houseId: p.houseId, householdId: p.householdId, relationToHead: p.relationToHead ?? '' })
      }
      onClose={onClose}
      onDone={onDone}
    />
  );
}
