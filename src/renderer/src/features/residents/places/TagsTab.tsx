import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { colourLabel } from '../common/terms';
import { useTags } from '../common/use-catalog';
import { EditableListTab } from './EditableListTab';
import { TagModal } from './TagModal';

export function TagsTab() {
  const { t } = useTranslation();
  const tags = useTags();
  const ordered = [...(tags.data ?? [])].sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
  return (
    <EditableListTab
      intro={t('residents.places.tagsIntro')}
      addLabel={t('residents.places.newTag')}
      tableLabel={t('residents.places.tags')}
      columns={[
        {
          header: t('residents.places.tagName'),
          cell: (tag) => (
            <Badge color={tag.colour} variant="light" radius="sm">
              {tag.name}
            </Badge>
          ),
        },
        { header: t('residents.places.tagColour'), cell: (tag) => colourLabel(t, tag.colour) },
        { header: t('residents.places.tagSort'), cell: (tag) => tag.sort },
        { header: t('residents.places.residentCount'), cell: (tag) => tag.residentCount },
      ]}
      rows={tags.data && ordered}
      error={tags.error}
      editLabel={(tag) => t('residents.places.editTag', { name: tag.name })}
      modal={(tag, close) => <TagModal tag={tag} onClose={close} onSaved={() => void tags.reload()} />}
    />
  );
}
