import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useCompounds } from '../common/use-catalog';
import { EditableListTab } from './EditableListTab';
import { NameModal } from './NameModal';

export function CompoundsTab() {
  const { t } = useTranslation();
  const compounds = useCompounds();
  return (
    <EditableListTab
      intro={t('residents.places.compoundsIntro')}
      addLabel={t('residents.places.newCompound')}
      tableLabel={t('residents.places.compounds')}
      columns={[{ header: t('residents.place.compound'), cell: (c) => c.name, td: { fw: 600 } }]}
      rows={compounds.data}
      error={compounds.error}
      editLabel={(c) => t('residents.places.renameCompound', { name: c.name })}
      actionsTh={{ w: 120 }}
      modal={(current, close) => (
        <NameModal
          title={current ? t('residents.places.renameCompound', { name: current.name }) : t('residents.places.newCompound')}
          label={t('residents.places.compoundName')}
          initial={current?.name ?? ''}
          onClose={close}
          onSave={async (name) => {
            await api.call('residents.saveCompound', { id: current?.id, name });
            await compounds.reload();
          }}
        />
      )}
    />
  );
}
