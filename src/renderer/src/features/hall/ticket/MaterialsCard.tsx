import { Alert, Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '@shared/contract/hall';
import { useHallToday } from '../../../components/today';
import { materialFormLabel } from '../labels';

/**
 * 收件材料 as received at the counter (and since, by 补正), then what is still owed: the 容缺 items with
 * their 补正期限 and the pledge, or the items the 一次性告知书 listed.
 */
export function MaterialsCard({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const today = useHallToday();
  const hasMaterials = ticket.materials.length > 0;
  if (!hasMaterials && ticket.deficientItems.length === 0 && ticket.missingItems.length === 0) return null;
  const late = ticket.supplementBy !== null && !ticket.supplementedOn && ticket.supplementBy < today;
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="md" mb="sm">
        {t('hall.counter.materials')}
      </Title>
      <Stack gap="sm">
        {hasMaterials && (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={4} fz="sm" aria-label={t('hall.counter.materials')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('hall.materials.name')}</Table.Th>
                  <Table.Th className="linli-nowrap">{t('hall.materials.form')}</Table.Th>
                  <Table.Th className="linli-nowrap" ta="right">
                    {t('hall.materials.copies')}
                  </Table.Th>
                  <Table.Th className="linli-nowrap">{t('hall.materials.requirement')}</Table.Th>
                  <Table.Th className="linli-nowrap">{t('hall.materials.received')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ticket.materials.map((m) => (
                  <Table.Tr key={m.name}>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td className="linli-nowrap">{materialFormLabel(t, m.form)}</Table.Td>
                    <Table.Td className="linli-num">{m.copies}</Table.Td>
                    <Table.Td className="linli-nowrap" c={m.required ? undefined : 'dimmed'}>
                      {m.required ? t('hall.materials.required') : t('hall.materials.optional')}
                    </Table.Td>
                    <Table.Td className="linli-nowrap">
                      {m.received ? (
                        <Group gap={4} c="green.7" wrap="nowrap">
                          <IconCheck size={16} aria-hidden />
                          <Text size="sm">{t('hall.materials.in')}</Text>
                        </Group>
                      ) : (
                        <Group gap={4} c={m.required ? 'orange.7' : 'dimmed'} wrap="nowrap">
                          <IconX size={16} aria-hidden />
                          <Text size="sm">{t('hall.materials.notIn')}</Text>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {ticket.deficientItems.length > 0 && (
          <Alert
            color={ticket.supplementedOn ? 'green' : late ? 'red' : 'orange'}
            variant="light"
            title={
              ticket.supplementedOn
                ? t('hall.detail.deficientDone', { date: ticket.supplementedOn })
                : t(late ? 'hall.detail.deficientLate' : 'hall.detail.deficientOwed', { date: ticket.supplementBy ?? '' })
            }
          >
            <List size="sm">
              {ticket.deficientItems.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
            <Badge mt="xs" variant="outline" color={ticket.pledgeSigned ? 'green' : 'red'}>
              {ticket.pledgeSigned ? t('hall.detail.pledgeSigned') : t('hall.detail.pledgeMissing')}
            </Badge>
          </Alert>
        )}
        {ticket.missingItems.length > 0 && (
          <Alert color={ticket.status === 'notified' ? 'orange' : 'gray'} variant="light" title={t('hall.counter.missingSummary')}>
            <List size="sm">
              {ticket.missingItems.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
