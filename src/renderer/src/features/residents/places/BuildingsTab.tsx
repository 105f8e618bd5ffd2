import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { buildingHref } from '../common/hrefs';
import { useBuildings } from '../common/use-catalog';
import { BuildingModal } from './BuildingModal';
import { EditableListTab } from './EditableListTab';

export function BuildingsTab() {
  const { t } = useTranslation();
  const buildings = useBuildings({}, true);
  return (
    <EditableListTab
      intro={t('residents.places.buildingsIntro')}
      addLabel={t('residents.places.newBuilding')}
      tableLabel={t('residents.places.buildings')}
      columns={[
        {
          header: t('residents.place.building'),
          cell: (b) => (
            <Anchor href={buildingHref(b.id)} size="sm" fw={600}>
              {b.label}
            </Anchor>
          ),
        },
        { header: t('residents.place.compound'), cell: (b) => b.compoundName },
        { header: t('residents.fields.grid'), cell: (b) => b.gridName },
        { header: t('residents.places.floors'), cell: (b) => b.floors },
      ]}
      rows={buildings.data}
      error={buildings.error}
      editLabel={(b) => t('residents.places.editBuilding', { name: b.label })}
      modal={(building, close) => <BuildingModal building={building} onClose={close} onSaved={buildings.reload} />}
    />
  );
}
