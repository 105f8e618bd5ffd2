import { Group, Rating, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isBadRating, type RatingLevel } from '@shared/contract/hall';
import { ratingLabel } from '../labels';

/** A 好差评 level as five stars and its words; 差评 (the bottom two) in red. */
export function RatingStars({ level, size = 'sm', withLabel = true }: { level: RatingLevel; size?: 'xs' | 'sm' | 'md'; withLabel?: boolean }) {
  const { t } = useTranslation();
  const label = ratingLabel(t, level);
  return (
    <Group gap={4} wrap="nowrap" aria-label={label}>
      <Rating value={level} readOnly size={size} color={isBadRating(level) ? 'red' : 'yellow'} aria-hidden />
      {withLabel && (
        <Text size="xs" c={isBadRating(level) ? 'red' : 'dimmed'} className="linli-nowrap">
          {label}
        </Text>
      )}
    </Group>
  );
}
