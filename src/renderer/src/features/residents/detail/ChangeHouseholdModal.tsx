import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { codeValueLabel } from '../common/code-values';
import { PlacementModal } from './PlacementModal';

/** 变更户: the household is found through its house or by its 户号; the relation to the new head is asked again. */
export function ChangeHouseholdModal({ resident, onClose, onDone }: { resident: ResidentDetail; onClose: () => void; onDone: (r: ResidentDetail) => void }) {
  const { t } = useTranslation();
  const from = resident.household
    ? t('residents.actions.changeHouseholdFrom', {
        number: resident.household.number,
        relation: codeValueLabel(t, 'relation_to_head', resident.household.relationToHead) || t('residents.common.unknown'),
      })
    : t('residents.actions.changeHouseholdNone');
  return (
    <PlacementModal
      resident={resident}
      title={t('residents.actions.changeHouseholdTitle', { name: resident.name })}
      explain={from}
      confirmLabel={t('residents.actions.changeHousehold')}
      initial={{ houseId: resident.houseId, householdId: null, relationToHead: null }}
      required={['householdId', 'relationToHead']}
      submit={(p) => api.call('residents.changeHousehold', { id: resident.id, householdId: p.householdId!, relationToHead: p.relationToHead! })}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
