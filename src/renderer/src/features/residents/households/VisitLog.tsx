import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconCheck, IconFlag, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '@shared/contract/residents';
import { checklistKeys, outcomeColour } from './visit-labels';
import { checklistLabel, outcomeLabel } from '../common/terms';

/** 走访记录: newest first; each visit's outcome, which of the 四清 were done, notes and any follow-up. */
export function VisitLog({ visits }: { visits: Visit[] }) {
  const { t } = useTranslation();
  if (visits.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('residents.visits.none')}
      </Text>
    );
  }
  const ordered = [...visits].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn) || b.createdAt.localeCompare(a.createdAt));
  return (
    <Timeline bulletSize={20} lineWidth={2} active={ordered.length} color="teal">
      {ordered.map((v) => (
        <Timeline.Item
          key={v.id}
          color={outcomeColour[v.outcome]}
          title={
            <Group gap="xs">
              <Text fw={600} size="sm">
                {v.visitedOn}
              </Text>
              <Badge size="sm" variant="light" color={outcomeColour[v.outcome]}>
                {outcomeLabel(t, v.outcome)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('residents.visits.by', { name: v.visitorName })}
              </Text>
            </Group>
          }
        >
          <Stack gap={4} mt={4}>
            <Group gap={6}>
              {checklistKeys.map((k) => (
                <Badge
                  key={k}
                  size="xs"
                  variant={v.checklist[k] ? 'light' : 'outline'}
                  color={v.checklist[k] ? 'teal' : 'gray'}
                  leftSection={v.checklist[k] ? <IconCheck size={10} /> : <IconX size={10} />}
                >
                  {checklistLabel(t, k)}
                </Badge>
              ))}
            </Group>
            {v.notes && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {v.notes}
              </Text>
            )}
            {v.followUp && (
              <Group gap={4} c="orange.8">
                <IconFlag size={14} aria-hidden />
                <Text size="sm" fw={500}>
                  {t('residents.visits.followUpNeeded')}
                  {v.followUpNote ? t('residents.visits.followUpNote', { note: v.followUpNote }) : ''}
                </Text>
              </Group>
            )}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
