import { Group, Stack, Text, Timeline } from '@mantine/core';
import {
  IconArrowRight,
  IconEdit,
  IconHome,
  IconHomeMove,
  IconLogin,
  IconLogout,
  IconPlus,
  IconTag,
  IconTagOff,
  IconArchive,
  IconRestore,
  IconFileImport,
  IconCross,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ResidentEvent } from '@shared/contract/residents';
import { useSignedIn } from '../../../app/session-context';
import { formatDateTimeShort } from '../../../i18n/format';
import { eventKindLabel } from '../common/terms';
import { changesOf, detailLines, fieldName, isReference, valueText } from './timeline-text';

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

const icons: Record<ResidentEvent['kind'], Icon> = {
  created: IconPlus,
  updated: IconEdit,
  moved_in: IconLogin,
  moved_out: IconLogout,
  died: IconCross,
  household_changed: IconHomeMove,
  archived: IconArchive,
  restored: IconRestore,
  tagged: IconTag,
  untagged: IconTagOff,
  imported: IconFileImport,
};

const colours: Partial<Record<ResidentEvent['kind'], string>> = {
  moved_out: 'orange',
  died: 'gray',
  archived: 'gray',
  moved_in: 'teal',
  created: 'indigo',
  imported: 'indigo',
};

/** 历史: who did what and when, newest first. Field changes read 字段：旧 → 新 (sensitive values arrive masked). */
export function ResidentTimeline({ events }: { events: ResidentEvent[] }) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const ordered = [...events].sort((a, b) => b.at.localeCompare(a.at));
  if (ordered.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('residents.timeline.none')}
      </Text>
    );
  }
  return (
    <Timeline active={ordered.length} bulletSize={26} lineWidth={2} color="indigo">
      {ordered.map((e) => {
        const Icon = icons[e.kind] ?? IconHome;
        const changes = changesOf(e);
        return (
          <Timeline.Item
            key={e.id}
            bullet={<Icon size={14} />}
            color={colours[e.kind]}
            title={
              <Text fw={600} size="sm">
                {eventKindLabel(t, e.kind)}
                {e.onDate ? t('residents.timeline.onDate', { date: e.onDate }) : ''}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {t('residents.timeline.by', { who: e.actorName ?? t('residents.timeline.system'), at: formatDateTimeShort(e.at, settings.timeZone) })}
            </Text>
            {changes.length > 0 && (
              <Stack gap={2} mt={4}>
                {changes.map((c, i) => (
                  <Group key={`${c.field}-${i}`} gap={6} wrap="wrap">
                    <Text size="sm" fw={500}>
                      {t('common.labelColon', { label: fieldName(t, c.field) })}
                    </Text>
                    {isReference(c.field) ? (
                      <Text size="sm">{t('residents.timeline.changed')}</Text>
                    ) : (
                      <>
                        <Text size="sm" c="dimmed" td={isEmpty(c.from) ? undefined : 'line-through'}>
                          {valueText(t, c.field, c.from)}
                        </Text>
                        <IconArrowRight size={12} aria-label={t('residents.timeline.changedTo')} />
                        <Text size="sm">{valueText(t, c.field, c.to)}</Text>
                      </>
                    )}
                  </Group>
                ))}
              </Stack>
            )}
            {detailLines(t, e).map((line) => (
              <Text size="sm" key={line} mt={2}>
                {line}
              </Text>
            ))}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
