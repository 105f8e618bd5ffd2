import { useState } from 'react';
import { SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegisterKind } from '@shared/contract/council';
import { EntryRegister } from './EntryRegister';
import { IssuesRegister } from './IssuesRegister';

type Register = 'issues' | RegisterKind;

/** 登记簿: the 议事事项清单, the 居民公约, the yearly plan and the 居民议事日 calendar. */
export function RegistersPage() {
  const { t } = useTranslation();
  const [register, setRegister] = useState<Register>('issues');
  return (
    <Stack gap="md">
      <SegmentedControl
        value={register}
        onChange={(v) => setRegister(v as Register)}
        data={(['issues', 'convention', 'plan', 'deliberation_day'] as const).map((r) => ({ value: r, label: t(`council.registers.${r}`) }))}
        w="fit-content"
      />
      {register === 'issues' ? <IssuesRegister /> : <EntryRegister key={register} kind={register} />}
    </Stack>
  );
}
