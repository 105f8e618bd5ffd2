import { useState } from 'react';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '@shared/contract/residents';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useTags } from '../common/use-catalog';
import { TagModal } from './TagModal';
import { colourLabel } from '../common/terms';

export function TagsTab() {
  const { t } = useTranslation();
  const tags = useTags();
  const [editing, setEditing] = useState<Tag | 'new' | null>(null);
  const ordered = [...(tags.data ?? [])].sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t('residents.places.tagsIntro')}
        </Text>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          {t('residents.places.newTag')}
        </Button>
      </Group>
      <ErrorAlert error={tags.error} />
      <Table fz="sm" verticalSpacing={6} striped aria-label={t('residents.places.tags')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('residents.places.tagName')}</Table.Th>
            <Table.Th>{t('residents.places.tagColour')}</Table.Th>
            <Table.Th>{t('residents.places.tagSort')}</Table.Th>
            <Table.Th>{t('residents.places.residentCount')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((tag) => (
            <Table.Tr key={tag.id}>
              <Table.Td>
                <Badge color={tag.colour} variant="light" radius="sm">
                  {tag.name}
                </Badge>
              </Table.Td>
              <Table.Td>{colourLabel(t, tag.colour)}</Table.Td>
              <Table.Td>{tag.sort}</Table.Td>
              <Table.Td>{tag.residentCount}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(tag)} aria-label={t('residents.places.editTag', { name: tag.name })}>
                  {t('residents.places.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <TagModal tag={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => void tags.reload()} />}
    </>
  );
}
