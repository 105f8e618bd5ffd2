import { useRef, useState } from 'react';
import { Button, Card, Checkbox, Group, Input, MultiSelect, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { docTypes, people, residentStatuses, type ResidentDetail, type ResidentStatus } from '@shared/contract/residents';
import { canBeLongTerm, parsePhone } from '@shared/values';
import { api, ApiError } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { navigate } from '../../../app/router';
import { useForm, type FormErrors } from '../../../components/form/use-form';
import { schemaErrors } from '../../../components/form/schema-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DateField } from '../../../components/DateField';
import { HousePicker } from '../common/HousePicker';
import { HouseholdPicker } from '../common/HouseholdPicker';
import { genderLabel, statusLabel } from '../common/labels';
import { residentsScreen } from '../common/hrefs';
import { daysBetween, todayIn } from '../../../components/today';
import { usePlacementPicks } from '../common/use-placement-picks';
import { docTypeLabel, isOtherDocument, isPermitHolder, isRegistered } from '../common/terms';
import { useCodeLists, useTags } from '../common/use-catalog';
import { CodeSelect } from './CodeSelect';
import { enterMovesOn } from './enter-moves-on';
import { ExistingAlert } from './ExistingAlert';
import { FormSection } from './FormSection';
import { emptyResident, fromDetail, toInput, type ResidentFormValues } from './form-values';
import { derivedFromId, idState } from './id-state';
import { IdCardExpiryField } from './IdCardExpiryField';
import { IdNumberField } from './IdNumberField';
import { PhoneField } from './PhoneField';
import { applyServerErrors } from '../../../components/form/server-errors';
import { UnplacedField } from './UnplacedField';
import { useIdOwner } from './use-id-owner';

/** Older than this from the number's birth date is far likelier a typo than a person: the clerk confirms. */
const ageToConfirm = 120;

/**
 * 新增居民 / 编辑居民. Keyboard first: 姓名 has the focus, Enter moves on, Enter on the last field (or
 * Ctrl+Enter anywhere) saves. The ID number is checked as it is typed; birth date and gender then come from
 * it. The server has the last word: its field errors land on the fields, and a possible duplicate person
 * is shown with a link and 仍然保存.
 */
export function ResidentForm({ existing, at = null }: { existing: ResidentDetail | null; at?: { houseId: string; buildingId: string } | null }) {
  const { t } = useTranslation();
  const { settings, can } = useSignedIn();
  const today = todayIn(settings.timeZone);
  const initial = existing ? fromDetail(existing) : emptyResident;
  const original = existing ? { id: existing.idMasked || null, phone: existing.phoneMasked || null } : { id: null, phone: null };
  const lists = useCodeLists();
  const tags = useTags();

  // Fields whose value changes what else the form shows are held here as well as in the form.
  const [idText, setIdText] = useState(initial.idNumber);
  const [phoneText, setPhoneText] = useState(initial.phone);
  const [docType, setDocType] = useState(initial.docType);
  const [status, setStatus] = useState<ResidentStatus>(initial.status);
  const [expiry, setExpiry] = useState({ on: initial.idCardExpiresOn, longTerm: initial.idCardLongTerm });
  const { houseId, setHouseId, building, householdId, setHouseholdId, followHousehold } = usePlacementPicks({
    houseId: existing?.houseId ?? at?.houseId ?? null,
    buildingId: existing?.buildingId ?? at?.buildingId ?? null,
    householdId: existing?.household?.id ?? null,
  });
  const [failure, setFailure] = useState<unknown>(null);
  const [savingAnyway, setSavingAnyway] = useState(false);
  const [unplaced, setUnplaced] = useState(!!existing && !existing.household && !!existing.unplacedReason);
  const [unplacedReason, setUnplacedReason] = useState(initial.unplacedReason);
  const [oldAgeConfirmed, setOldAgeConfirmed] = useState(false);

  const id = idState(docType, idText, original.id, today);
  const derived = derivedFromId(id);
  // A kept mainland number already decided birth date and gender when it was stored.
  const fromNumber =
    derived ?? (id.kind === 'kept' && !isOtherDocument(docType) && existing?.birthDate ? { birthDate: existing.birthDate, gender: existing.gender } : null);
  const owner = useIdOwner(docType, idText, id, existing?.id ?? null);
  // A newly typed number whose birth date makes the person older than 120: confirmed before saving.
  const ageFromNumber = derived ? Math.floor(daysBetween(derived.birthDate, today) / 365.25) : null;
  const oldAge = ageFromNumber !== null && ageFromNumber > ageToConfirm ? ageFromNumber : null;
  // What validation reads of the state beside the form, as it is when it runs.
  const beside = useRef({ houseId, householdId, unplaced, oldAge, oldAgeConfirmed });
  beside.current = { houseId, householdId, unplaced, oldAge, oldAgeConfirmed };

  const form = useForm<ResidentFormValues>({
    mode: 'uncontrolled',
    initialValues: initial,
    validate: (v) => {
      const errors: FormErrors = schemaErrors(t, people['residents.create'].input, toInput(v, { houseId, householdId }, false));
      const s = idState(v.docType, v.idNumber, original.id, today);
      if (s.kind === 'parsed' && !s.result.ok) errors.idNumber = t(`errors.${s.result.code}`);
      if (s.kind === 'empty' && !isOtherDocument(v.docType)) errors.idNumber = t('errors.id.empty');
      const phoneKept = original.phone && v.phone === original.phone;
      if (v.phone.trim() && !phoneKept && !parsePhone(v.phone).ok) errors.phone = t('errors.phone.format');
      const b = beside.current;
      if (b.oldAge !== null && !b.oldAgeConfirmed && !errors.idNumber) errors.oldAge = t('residents.form.oldAgeConfirmRequired');
      // A new resident is placed in a house and household, or deliberately not (暂不登记到户, with a reason).
      if (!existing && !b.unplaced) {
        if (!b.houseId) errors.houseId = t('residents.form.houseRequired');
        if (!b.householdId) errors.householdId = t('residents.form.householdRequired');
      }
      if (b.unplaced && !b.householdId && !v.unplacedReason.trim()) errors.unplacedReason = t('residents.form.unplacedReasonRequired');
      return errors;
    },
  });

  async function save(values: ResidentFormValues, acknowledgeSimilar: boolean) {
    setFailure(null);
    const withDerived = fromNumber ? { ...values, birthDate: fromNumber.birthDate, gender: fromNumber.gender } : values;
    const input = toInput(withDerived, { houseId, householdId }, acknowledgeSimilar);
    try {
      const saved = existing ? await api.call('residents.update', { ...input, id: existing.id }) : await api.call('residents.create', input);
      notifications.show({
        color: 'green',
        message: existing ? t('residents.form.updated', { name: saved.name }) : t('residents.form.created', { name: saved.name }),
      });
      navigate(residentsScreen, saved.id);
    } catch (err) {
      const existingPerson = err instanceof ApiError && (err.code === 'residents.similar_exists' || err.code === 'residents.duplicate_id');
      if (existingPerson) setFailure(err);
      if (!applyServerErrors(t, form, err) && !existingPerson) setFailure(err);
    }
  }

  /** The expiry date and 长期有效 change together (a long-term card has no date): held here and in the form. */
  function setCardExpiry(next: { on: string | null; longTerm: boolean }) {
    setExpiry(next);
    form.setFieldValue('idCardExpiresOn', next.on);
    form.setFieldValue('idCardLongTerm', next.longTerm);
  }

  const submit = form.onSubmit((v) => save(v, false));
  const code = (path: keyof ResidentFormValues) => {
    const props = form.getInputProps(path);
    return { ...props, onChange: (v: string | null) => props.onChange(v ?? '') };
  };

  return (
    <form onSubmit={submit} onKeyDown={enterMovesOn} noValidate>
      <Stack gap="md">
        <FormSection title={t('residents.form.identity')}>
          <TextInput label={t('residents.fields.name')} autoFocus data-autofocus maxLength={40} key={form.key('name')} {...form.getInputProps('name')} />
          <TextInput label={t('residents.fields.formerNames')} maxLength={80} key={form.key('formerNames')} {...form.getInputProps('formerNames')} />
          <Select
            label={t('residents.fields.docType')}
            data={docTypes.map((d) => ({ value: d, label: docTypeLabel(t, d) }))}
            allowDeselect={false}
            key={form.key('docType')}
            {...form.getInputProps('docType')}
            onChange={(v) => {
              form.setFieldValue('docType', v);
              setDocType(v as ResidentFormValues['docType']);
              if (!canBeLongTerm(v ?? '')) setCardExpiry({ ...expiry, longTerm: false });
            }}
            comboboxProps={{ withinPortal: true }}
          />
          <IdNumberField
            value={idText}
            onChange={(v) => {
              setIdText(v);
              form.getInputProps('idNumber').onChange(v);
            }}
            state={id}
            original={original.id}
            error={form.errors.idNumber}
            owner={owner}
          />
          {fromNumber ? (
            <Stack gap={2} justify="center">
              <Input.Label>{t('residents.form.birthAndGender')}</Input.Label>
              <Text size="sm">
                {fromNumber.birthDate} · {genderLabel(t, fromNumber.gender)}
              </Text>
              {oldAge !== null ? (
                <Checkbox
                  mt={4}
                  color="orange"
                  label={t('residents.form.oldAgeConfirm', { age: oldAge })}
                  description={t('residents.form.oldAgeHint')}
                  checked={oldAgeConfirmed}
                  data-path="oldAge"
                  onChange={(e) => setOldAgeConfirmed(e.currentTarget.checked)}
                  error={form.errors.oldAge}
                />
              ) : (
                <Text size="xs" c="dimmed">
                  {t('residents.form.fromIdNumber')}
                </Text>
              )}
            </Stack>
          ) : (
            <Group grow gap="sm" align="flex-start">
              <DateField label={t('residents.fields.birthDate')} maxDate={today} key={form.key('birthDate')} {...form.getInputProps('birthDate')} />
              <Select
                label={t('residents.fields.gender')}
                data={(['male', 'female'] as const).map((g) => ({ value: g, label: genderLabel(t, g) }))}
                clearable
                key={form.key('gender')}
                {...form.getInputProps('gender')}
                comboboxProps={{ withinPortal: true }}
              />
            </Group>
          )}
          <PhoneField
            value={phoneText}
            onChange={(v) => {
              setPhoneText(v);
              form.getInputProps('phone').onChange(v);
            }}
            original={original.phone}
            error={form.errors.phone}
          />
          <CodeSelect
            label={t('residents.fields.ethnicity')}
            lists={lists.data}
            list="ethnicity"
            current={initial.ethnicity}
            key={form.key('ethnicity')}
            {...code('ethnicity')}
          />
          <IdCardExpiryField
            date={{ value: expiry.on, onChange: (on) => setCardExpiry({ ...expiry, on }), error: form.errors.idCardExpiresOn as string | undefined }}
            longTerm={{
              checked: expiry.longTerm,
              onChange: (longTerm) => setCardExpiry({ on: longTerm ? null : expiry.on, longTerm }),
              error: form.errors.idCardLongTerm as string | undefined,
            }}
            canBeLongTerm={canBeLongTerm(docType)}
          />
        </FormSection>

        <FormSection title={t('residents.form.registration')}>
          <Select
            label={t('residents.fields.status')}

            data={residentStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
            allowDeselect={false}
            key={form.key('status')}
            {...form.getInputProps('status')}
            onChange={(v) => {
              form.setFieldValue('status', v);
              setStatus(v as ResidentStatus);
            }}
            comboboxProps={{ withinPortal: true }}
          />
          {!isRegistered(status) && (
            <CodeSelect
              label={t('residents.fields.residenceReason')}
              lists={lists.data}
              list="residence_reason"
              current={initial.residenceReason}
              key={form.key('residenceReason')}
              {...code('residenceReason')}
            />
          )}
          <DateField
            label={t('residents.fields.registeredOn')}
            clearable
            maxDate={today}
            key={form.key('registeredOn')}
            {...form.getInputProps('registeredOn')}
          />
          {isPermitHolder(status) && (
            <DateField label={t('residents.fields.permitExpiresOn')} clearable key={form.key('permitExpiresOn')} {...form.getInputProps('permitExpiresOn')} />
          )}
        </FormSection>

        <Card withBorder padding="md">
          <Stack gap="sm">
            <Text fw={600} size="md">
              {t('residents.form.address')}
            </Text>
            <HousePicker
              key={building ?? ''}
              value={houseId}
              initialBuildingId={building}
              onChange={(v) => {
                setHouseId(v);
                if (v !== houseId) setHouseholdId(null);
              }}
              error={form.errors.houseId}
            />
            {/* The household picker holds a 户号 with its head and size, and the 新建户 button: twice the room. */}
            <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr 1fr', gap: 'var(--mantine-spacing-md)', alignItems: 'start' }}>
              <HouseholdPicker
                houseId={houseId}
                value={householdId}
                onChange={(v) => {
                  setHouseholdId(v);
                  if (v) setUnplaced(false);
                }}
                onElsewhere={followHousehold}
                current={existing?.household ?? null}
                error={form.errors.householdId}
                canCreate={can('residents.write')}
                preselectOnly
              />
              <CodeSelect
                label={t('residents.fields.relationToHead')}
                lists={lists.data}
                list="relation_to_head"
                current={initial.relationToHead}
                key={form.key('relationToHead')}
                {...code('relationToHead')}
              />
              <DateField label={t('residents.fields.movedInOn')} clearable maxDate={today} key={form.key('movedInOn')} {...form.getInputProps('movedInOn')} />
            </div>
            {!householdId && (
              <UnplacedField
                checked={unplaced}
                onCheckedChange={(checked) => {
                  setUnplaced(checked);
                  if (!checked) form.clearFieldError('unplacedReason');
                  else form.setErrors({ ...form.errors, householdId: undefined, houseId: undefined });
                }}
                reason={{
                  value: unplacedReason,
                  onChange: (v) => {
                    setUnplacedReason(v);
                    form.setFieldValue('unplacedReason', v);
                  },
                  error: form.errors.unplacedReason,
                }}
              />
            )}
          </Stack>
        </Card>

        <FormSection title={t('residents.form.more')}>
          <CodeSelect
            label={t('residents.fields.education')}
            lists={lists.data}
            list="education"
            current={initial.education}
            key={form.key('education')}
            {...code('education')}
          />
          <CodeSelect
            label={t('residents.fields.maritalStatus')}
            lists={lists.data}
            list="marital_status"
            current={initial.maritalStatus}
            key={form.key('maritalStatus')}
            {...code('maritalStatus')}
          />
          <CodeSelect
            label={t('residents.fields.occupation')}
            lists={lists.data}
            list="occupation"
            current={initial.occupation}
            key={form.key('occupation')}
            {...code('occupation')}
          />
          <MultiSelect
            label={t('residents.fields.tags')}
            data={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))}
            searchable
            selectFirstOptionOnChange
            hidePickedOptions
            key={form.key('tagIds')}
            {...form.getInputProps('tagIds')}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={t('residents.fields.notes')}
            description={t('residents.form.notesHint')}
            autosize
            minRows={2}
            maxLength={2000}
            key={form.key('notes')}
            {...form.getInputProps('notes')}
            style={{ gridColumn: 'span 2' }}
          />
        </FormSection>

        {failure instanceof ApiError && (failure.code === 'residents.similar_exists' || failure.code === 'residents.duplicate_id') ? (
          <ExistingAlert
            error={failure}
            saving={savingAnyway}
            onSaveAnyway={() => {
              setSavingAnyway(true);
              void save(form.getValues(), true).finally(() => setSavingAnyway(false));
            }}
          />
        ) : (
          <ErrorAlert error={failure} />
        )}
        <Group justify="space-between" data-enter-skip>
          <Text size="xs" c="dimmed">
            {t('residents.form.keyboardHint')}
          </Text>
          <Group gap="xs">
            <Button variant="default" component="a" href={existing ? `#/${residentsScreen}/${existing.id}` : `#/${residentsScreen}`}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={form.submitting}>
              {existing ? t('common.save') : t('residents.form.create')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
