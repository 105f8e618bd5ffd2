import { Badge, Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { materialFormLabel } from '../labels';
import { missingRequired, type CheckedMaterial } from './outcomes';

/**
 * 收件材料: the chosen service's materials as its 办事指南 lists them, each ticked when it is on the counter.
 * 全部收齐 ticks them all at once, the usual case; what stays unticked and is required decides the outcome.
 */
export function MaterialsChecklist({ materials, onChange }: { materials: CheckedMaterial[]; onChange: (received: Set<string>) => void }) {
  const { t } = useTranslation();
  const received = new Set(materials.filter((m) => m.received).map((m) => m.name));
  const missing = missingRequired(materials);
  if (materials.length === 0) {
    return (
      <Text size="sm" c="dimmed" role="status">
        {t('hall.counter.noMaterials')}
      </Text>
    );
  }
  const toggle = (name: string, on: boolean) => {
    const next = new Set(received);
    if (on) next.add(name);
    else next.delete(name);
    onChange(next);
  };
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={500}>
          {t('hall.counter.materials')}
        </Text>
        <Group gap="xs">
          {missing.length > 0 ? (
            <Badge color="orange" variant="light">
              {t('hall.counter.missingCount', { n: missing.length })}
            </Badge>
          ) : (
            <Badge color="green" variant="light">
              {t('hall.counter.allRequiredIn')}
            </Badge>
          )}
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconChecks size={14} />}
            onClick={() => onChange(new Set(materials.map((m) => m.name)))}
            disabled={received.size === materials.length}
          >
            {t('hall.counter.allReceived')}
          </Button>
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing={4} fz="sm" aria-label={t('hall.counter.materials')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56} className="linli-nowrap">
                {t('hall.materials.received')}
              </Table.Th>
              <Table.Th>{t('hall.materials.name')}</Table.Th>
              <Table.Th className="linli-nowrap">{t('hall.materials.form')}</Table.Th>
              <Table.Th className="linli-nowrap" ta="right">
                {t('hall.materials.copies')}
              </Table.Th>
              <Table.Th>{t('hall.materials.issuer')}</Table.Th>
              <Table.Th className="linli-nowrap">{t('hall.materials.requirement')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {materials.map((m) => (
              <Table.Tr key={m.name} bg={m.required && !m.received ? 'orange.0' : undefined}>
                <Table.Td>
                  <Checkbox
                    checked={m.received}
                    onChange={(e) => toggle(m.name, e.currentTarget.checked)}
                    aria-label={t('hall.counter.receivedOf', { name: m.name })}
                  />
                </Table.Td>
                <Table.Td miw={140}>{m.name}</Table.Td>
                <Table.Td className="linli-nowrap">{materialFormLabel(t, m.form)}</Table.Td>
                <Table.Td className="linli-num">{m.copies}</Table.Td>
                <Table.Td c={m.issuer ? undefined : 'dimmed'}>{m.issuer || t('hall.materials.ownIssuer')}</Table.Td>
                <Table.Td className="linli-nowrap">
                  {m.required ? (
                    <Text size="sm">{t('hall.materials.required')}</Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('hall.materials.optional')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
