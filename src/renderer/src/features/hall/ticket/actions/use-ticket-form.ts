import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TicketView } from '@shared/contract/hall';
import { schemaErrors } from '../../../../components/form/schema-errors';
import { applyServerErrors } from '../../../../components/form/server-errors';
import { useForm, type FormErrors } from '../../../../components/form/use-form';

// @mantine/form's own constraint on values (see components/form/use-form.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as said above
type Values = Record<string, any>;

/**
 * One ticket action's form: checked with the method's own schema before the call (so it says what the
 * server would, in the user's language), field errors from the server put on their fields, any other
 * refusal kept for the dialog to show, and the ticket as the server returned it handed on.
 */
export function useTicketForm<V extends Values>({
  ticketId,
  schema,
  initialValues,
  extraChecks,
  toInput = (v) => v,
  write,
  onDone,
}: {
  ticketId: string;
  schema: z.ZodType;
  initialValues: V;
  /** Checks the schema cannot make (an item picked, a date not in the future). */
  extraChecks?: (values: V) => FormErrors;
  /** The method's input from the form's values, where they differ (a level picked as text, sent as a number). */
  toInput?: (values: V) => Record<string, unknown>;
  write: (values: V) => Promise<TicketView>;
  onDone: (ticket: TicketView) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<V>({
    mode: 'uncontrolled',
    initialValues,
    validate: (v) => ({ ...schemaErrors(t, schema, { ...toInput(v), id: ticketId }), ...extraChecks?.(v) }),
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      onDone(await write(v));
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });
  return { form, submit, error };
}
