import { useState } from 'react';
import { Button, Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingView, Motion, Tally, VoteChoice } from '@shared/contract/council';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAction } from './use-action';

/**
 * The count of one motion: for / against / abstain (举手, 无记名投票), or each voter's choice (唱名). A paper
 * ballot's count waits for a second user, who enters it again without seeing the first.
 */
export function VoteEntry({ motion, view, reload }: { motion: Motion; view: MeetingView; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const action = useAction(reload);
  const [tally, setTally] = useState<Tally>({ for: 0, against: 0, abstain: 0 });
  const recused = new Set(motion.recusals.map((r) => r.memberId));
  const voters = view.roll.filter((r) => r.status === 'present' && r.votes && !recused.has(r.memberId!));
  const [choices, setChoices] = useState<Record<string, VoteChoice>>({});
  const checking = motion.state === 'entered';

  const counts = (
    <Group gap="xs" align="flex-end">
      {(['for', 'against', 'abstain'] as const).map((k) => (
        <NumberInput
          key={k}
          label={t(`council.choices.${k}`)}
          value={tally[k]}
          onChange={(v) => setTally({ ...tally, [k]: typeof v === 'number' ? v : 0 })}
          min={0}
          w={90}
          allowDecimal={false}
        />
      ))}
      <Button
        onClick={() =>
          void action.run(() =>
            checking ? api.call('council.checkTally', { motionId: motion.id, tally }) : api.call('council.recordVote', { motionId: motion.id, tally }),
          )
        }
        loading={action.busy}
      >
        {t(checking ? 'council.votes.check' : 'council.votes.record')}
      </Button>
    </Group>
  );

  return (
    <Stack gap="xs" pl="md">
      <ErrorAlert error={action.error} onClose={action.clearError} />
      {checking && (
        <Text size="xs" c="dimmed">
          {t('council.votes.checkHint')}
        </Text>
      )}
      {motion.method === 'roll_call' && !checking ? (
        <>
          {voters.map((v) => (
            <Group key={v.memberId} gap="xs">
              <Text size="sm" w={90}>
                {v.name}
              </Text>
              <SegmentedControl
                size="xs"
                aria-label={t('council.votes.choiceOf', { name: v.name })}
                value={choices[v.memberId!] ?? ''}
                onChange={(c) => setChoices({ ...choices, [v.memberId!]: c as VoteChoice })}
                data={(['for', 'against', 'abstain'] as const).map((c) => ({ value: c, label: t(`council.choices.${c}`) }))}
              />
            </Group>
          ))}
          <Group justify="flex-end">
            <Button
              onClick={() =>
                void action.run(() =>
                  api.call('council.recordVote', {
                    motionId: motion.id,
                    rollCall: Object.entries(choices).map(([memberId, choice]) => ({ memberId, choice })),
                  }),
                )
              }
              loading={action.busy}
            >
              {t('council.votes.record')}
            </Button>
          </Group>
        </>
      ) : (
        counts
      )}
    </Stack>
  );
}
