import { Badge, Group, Text } from '@mantine/core';
import type { TagRef } from '@shared/contract/residents';

/** A resident's tags as the colours the hall gave them (低保 orange, 特困 red …), so a list reads at a glance. */
export function TagBadges({ tags, size = 'sm', empty }: { tags: TagRef[]; size?: 'xs' | 'sm' | 'md'; empty?: string }) {
  if (tags.length === 0) {
    return empty ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : null;
  }
  return (
    <Group gap={4} wrap="wrap">
      {tags.map((tag) => (
        <Badge key={tag.id} color={tag.colour} variant="light" size={size} radius="sm">
          {tag.name}
        </Badge>
      ))}
    </Group>
  );
}
