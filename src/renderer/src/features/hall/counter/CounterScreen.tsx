import { useEffect, useRef, useState } from 'react';
import { Card, Grid, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { registerInput, ticketKinds, type HallService, type RegisterOutcome, type TicketKind, type TicketView } from '@shared/contract/hall';
import { api, ApiError } from '../../../api/client';
import { PageHeader } from '../../../components/PageHeader';
import { schemaErrors } from '../../../components/form/schema-errors';
import { translateError, translateFieldError } from '../../../i18n/errors';
import { kindLabel } from '../labels';
import { ApplicantFields, noApplicant, type Applicant } from './ApplicantFields';
import { DeficientModal } from './DeficientModal';
import { MaterialsChecklist } from './MaterialsChecklist';
import { NotifyModal } from './NotifyModal';
import { OutcomePanel } from './OutcomePanel';
import { ResultPanel } from './ResultPanel';
import { ServiceSelect } from './ServiceSelect';
import { missingRequired, outcomeChoices, withReceipts } from './outcomes';
import { useDueDate } from './use-due-date';

type Errors = Record<string, string | undefined>;

/** The register input's fields drawn on the form, where a field error can sit. */
const formFields = new Set(['serviceId', 'residentId', 'applicantName', 'applicantIdNumber', 'applicantPhone', 'summary', 'result']);

/**
 * 窗口受理 (#/hall), the clerk's screen all day: kind, service (by code, name or pinyin initials),
 * applicant, what they ask, the materials on the counter, and the outcome those materials allow.
 * Keyboard first: Tab walks the form top to bottom, Alt+1/2/3 switch 办理/咨询/投诉, Ctrl+Enter presses
 * 受理 or 答复办结 when it may be pressed. After registering, the result and its documents to print.
 */
export function CounterScreen() {
  const { t } = useTranslation();
  const serviceRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<TicketKind>('application');
  const [service, setService] = useState<HallService | null>(null);
  const [applicant, setApplicant] = useState<Applicant>(noApplicant);
  const [summary, setSummary] = useState('');
  const [answer, setAnswer] = useState('');
  const [received, setReceived] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<RegisterOutcome | null>(null);
  const [asking, setAsking] = useState<'accept_deficient' | 'notify' | null>(null);
  const [result, setResult] = useState<TicketView | null>(null);
  const { today, due } = useDueDate(kind, service);
  useEffect(() => serviceRef.current?.focus(), []);

  const materials = kind === 'application' && service ? withReceipts(service.materials, received) : [];
  const missing = missingRequired(materials);
  const choices = outcomeChoices(kind, service !== null, materials);

  function chooseService(next: HallService | null) {
    setService(next);
    setReceived(new Set());
    setErrors((e) => ({ ...e, serviceId: undefined }));
  }

  function startNext() {
    setService(null);
    setApplicant(noApplicant);
    setSummary('');
    setAnswer('');
    setReceived(new Set());
    setErrors({});
    setFailure(null);
    setResult(null);
    // The form is drawn again first; then the clerk types the next service at once.
    setTimeout(() => serviceRef.current?.focus(), 0);
  }

  function inputFor(outcome: RegisterOutcome, supplementBy: string | null) {
    return {
      kind,
      serviceId: service?.id ?? null,
      outcome,
      residentId: applicant.mode === 'resident' ? applicant.residentId : null,
      applicantName: applicant.name,
      applicantIdNumber: applicant.mode === 'walkin' ? applicant.idNumber : '',
      applicantPhone: applicant.phone,
      summary,
      received: materials.map((m) => ({ name: m.name, received: m.received })),
      supplementBy,
      pledgeSigned: outcome === 'accept_deficient',
      handlerName: '',
      result: outcome === 'answer' ? answer : '',
    };
  }

  /** The form's own checks, the contract's schema first, then what the schema cannot know. */
  function check(outcome: RegisterOutcome): Errors {
    const found: Errors = {};
    for (const [path, message] of Object.entries(schemaErrors(t, registerInput, inputFor(outcome, null)))) if (message) found[path] = message;
    if (kind === 'application' && !service) found.serviceId = t('hall.counter.serviceRequired');
    if (outcome === 'answer' && !answer.trim()) found.result = t('hall.counter.answerRequired');
    return found;
  }

  async function register(outcome: RegisterOutcome, supplementBy: string | null = null) {
    setFailure(null);
    setBusy(outcome);
    try {
      setResult(await api.call('hall.register', inputFor(outcome, supplementBy)));
      setAsking(null);
    } catch (err) {
      // A field the form shows gets its error beside it; anything else (the pledge's date) is said by the action.
      const fields = Object.entries(err instanceof ApiError ? (err.payload.fields ?? {}) : {});
      const params = err instanceof ApiError ? (err.payload.params ?? {}) : {};
      const onForm = fields.filter(([k]) => formFields.has(k));
      if (onForm.length > 0) {
        setErrors(Object.fromEntries(onForm.map(([k, v]) => [k, translateFieldError(t, v, params)])));
        setAsking(null);
      } else setFailure(fields.length > 0 ? fields.map(([, v]) => translateFieldError(t, v, params)).join(' ') : translateError(t, err));
    } finally {
      setBusy(null);
    }
  }

  function choose(outcome: RegisterOutcome) {
    const found = check(outcome);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (found.serviceId) serviceRef.current?.focus();
      return;
    }
    if (outcome === 'accept_deficient' || outcome === 'notify') setAsking(outcome);
    else void register(outcome);
  }

  // Ctrl+Enter presses the first plain outcome (受理, 答复办结) when it may be pressed; the others ask more first.
  const primary = choices.find((c) => (c.outcome === 'accept' || c.outcome === 'answer') && c.enabled);
  useHotkeys(
    [
      ['mod+Enter', () => !result && !asking && !busy && primary && choose(primary.outcome)],
      ...ticketKinds.map((k, i): [string, () => void] => [`alt+${i + 1}`, () => !result && setKind(k)]),
    ],
    [],
  );

  if (result) {
    return (
      <Stack gap="md" maw={1400}>
        <PageHeader title={t('hall.counter.title')} description={t('hall.counter.intro')} />
        <ResultPanel ticket={result} onNext={startNext} />
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={1400}>
      <PageHeader title={t('hall.counter.title')} description={t('hall.counter.intro')} />
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder padding="md">
            <Stack gap="md">
              <div>
                <Text size="sm" fw={500} mb={4} id="hall-kind-label">
                  {t('hall.fields.kind')}
                </Text>
                <SegmentedControl
                  value={kind}
                  onChange={(k) => (setKind(k as TicketKind), setErrors({}), setFailure(null))}
                  data={ticketKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
                  aria-labelledby="hall-kind-label"
                />
              </div>
              <ServiceSelect
                ref={serviceRef}
                label={kind === 'application' ? t('hall.fields.service') : t('hall.counter.serviceOptional')}
                required={kind === 'application'}
                value={service}
                onChange={chooseService}
                error={errors.serviceId}
              />
              <ApplicantFields value={applicant} onChange={setApplicant} errors={errors} />
              <Textarea
                label={t(kind === 'complaint' ? 'hall.counter.complaintSummary' : 'hall.fields.summary')}
                value={summary}
                onChange={(e) => setSummary(e.currentTarget.value)}
                error={errors.summary}
                autosize
                minRows={2}
                maxRows={6}
              />
              {kind === 'enquiry' && (
                <Textarea
                  label={t('hall.counter.answer')}
                  value={answer}
                  onChange={(e) => setAnswer(e.currentTarget.value)}
                  description={t('hall.counter.answerHint')}
                  error={errors.result}
                  autosize
                  minRows={3}
                  maxRows={10}
                />
              )}
              {kind === 'application' && service && <MaterialsChecklist materials={materials} onChange={setReceived} />}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 56px) + 16px)' }}>
          <OutcomePanel kind={kind} service={service} due={due} choices={choices} busy={busy} error={asking ? null : failure} onChoose={choose} />
        </Grid.Col>
      </Grid>
      {asking === 'accept_deficient' && (
        <DeficientModal
          missing={missing}
          today={today}
          dueOn={due?.dueOn ?? null}
          busy={busy !== null}
          error={failure}
          onClose={() => (setAsking(null), setFailure(null))}
          onConfirm={(by) => void register('accept_deficient', by)}
        />
      )}
      {asking === 'notify' && (
        <NotifyModal
          missing={missing}
          busy={busy !== null}
          error={failure}
          onClose={() => (setAsking(null), setFailure(null))}
          onConfirm={() => void register('notify')}
        />
      )}
    </Stack>
  );
}
