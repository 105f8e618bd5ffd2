import { Badge, Button, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HallService } from '@shared/contract/hall';
import { ExportButton } from '../../../components/report-job/ExportButton';
import { materialFormLabel, timeLimitLabel } from '../labels';

/**
 * One service's 办事指南 as the counter tells it once (一次性告知): basis, conditions, every material
 * (name, form, copies, issuer), time limit, fee, place and contact; printed as the published guide.
 */
export function ServiceGuideModal({ service, onClose, onEdit }: { service: HallService; onClose: () => void; onEdit?: () => void }) {
  const { t } = useTranslation();
  const facts: [string, string][] = [
    [t('hall.catalogue.fields.code'), service.code],
    [t('hall.catalogue.fields.category'), service.category],
    [t('hall.catalogue.fields.department'), service.department],
    [t('hall.catalogue.fields.timeLimit'), timeLimitLabel(t, service.timeLimitDays)],
    [t('hall.catalogue.fields.fee'), service.fee],
    [t('hall.catalogue.fields.place'), service.place],
    [t('hall.catalogue.fields.contact'), service.contact],
  ];
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('hall.catalogue.guideTitle', { name: service.name })}
      size={900}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        {service.archived && (
          <Badge color="gray" variant="light">
            {t('hall.catalogue.archived')}
          </Badge>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
          {facts.map(([label, value]) => (
            <Text size="sm" key={label}>
              <Text span c="dimmed">
                {t('common.labelColon', { label })}
              </Text>
              {value || t('common.notSet')}
            </Text>
          ))}
        </SimpleGrid>
        <Section title={t('hall.catalogue.fields.legalBasis')} text={service.legalBasis} />
        <Section title={t('hall.catalogue.fields.conditions')} text={service.conditions} />
        <Stack gap={4}>
          <Title order={4} fz="sm">
            {t('hall.catalogue.materials.title')}
          </Title>
          {service.materials.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('hall.catalogue.materials.noneListed')}
            </Text>
          ) : (
            <Table striped fz="sm" aria-label={t('hall.catalogue.materials.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={32}>#</Table.Th>
                  <Table.Th>{t('hall.catalogue.materials.name')}</Table.Th>
                  <Table.Th>{t('hall.catalogue.materials.form')}</Table.Th>
                  <Table.Th>{t('hall.catalogue.materials.copies')}</Table.Th>
                  <Table.Th>{t('hall.catalogue.materials.issuer')}</Table.Th>
                  <Table.Th>{t('hall.catalogue.materials.required')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {service.materials.map((m, i) => (
                  <Table.Tr key={`${i}-${m.name}`}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td>{materialFormLabel(t, m.form)}</Table.Td>
                    <Table.Td>{m.copies}</Table.Td>
                    <Table.Td>{m.issuer || t('hall.catalogue.materials.ownIssuer')}</Table.Td>
                    <Table.Td>{m.required ? t('hall.catalogue.materials.mustHave') : t('hall.catalogue.materials.ifAny')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
        <Group justify="flex-end">
          {onEdit && (
            <Button variant="default" onClick={onEdit}>
              {t('common.edit')}
            </Button>
          )}
          <ExportButton report="hall_service_guide" params={{ service: service.id }} formats={['pdf', 'docx']} label={t('hall.catalogue.printGuide')} />
        </Group>
      </Stack>
    </Modal>
  );
}

function Section({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Title order={4} fz="sm">
        {title}
      </Title>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={text ? undefined : 'dimmed'}>
        {text || t('common.notSet')}
      </Text>
    </Stack>
  );
}
