import { useEffect, useRef } from 'react';
import { useForm as useMantineForm, type FormErrors as MantineFormErrors, type UseFormReturnType } from '@mantine/form';

export type FormErrors = Record<string, string | null | undefined>;

export interface UseFormInput<V> {
  mode: 'uncontrolled';
  initialValues: V;
  /** Returns errors by dotted path (`community.communityName`); an empty object means valid. */
  validate?: (values: V) => FormErrors;
}

/**
 * @mantine/form's `useForm`, plus one habit a keyboard user needs: after a refused submit — by the
 * form's own checks or by the server's field errors — focus lands on the first field to fix.
 */
// `Record<string, any>` is @mantine/form's own constraint: form values are often interfaces, which a
// `Record<string, unknown>` would refuse.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- @mantine/form's constraint, as said above
type FormValues = Record<string, any>;

export function useForm<V extends FormValues>(input: UseFormInput<V>) {
  const form = useMantineForm<V>({ mode: 'uncontrolled', initialValues: input.initialValues, validate: input.validate as (values: V) => MantineFormErrors });
  const focusPending = useRef(false);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    firstFieldToFix(Object.keys(form.errors).filter((k) => form.errors[k]))?.focus();
  }, [form.errors]);

  const wrapped: Form<V> = {
    ...form,
    // Errors here are always translated strings (or i18n codes), never other React nodes.
    errors: form.errors as Record<string, string | undefined>,
    setErrors(errors) {
      focusPending.current = true;
      form.setErrors(errors);
    },
    onSubmit(handler, onInvalid) {
      return form.onSubmit(handler, (errors, values, event) => {
        focusPending.current = true;
        onInvalid?.(errors, values, event);
      });
    },
  };
  return wrapped;
}

export type Form<V extends FormValues> = Omit<UseFormReturnType<V>, 'errors'> & { errors: Record<string, string | undefined> };

/** What `getInputProps` hands to an input. */
export type InputProps = ReturnType<UseFormReturnType<FormValues>['getInputProps']>;

/**
 * The first field on the page, in reading order, that has an error: inputs wired by getInputProps carry
 * `data-path`; others (custom pickers) are found by their invalid marking.
 */
function firstFieldToFix(paths: string[]): HTMLElement | null {
  if (paths.length === 0) return null;
  const wanted = new Set(paths);
  for (const el of document.querySelectorAll<HTMLElement>('form [data-path]')) {
    if (wanted.has(el.dataset.path ?? '')) return el;
  }
  return document.querySelector<HTMLElement>('form [aria-invalid="true"], form input[data-invalid="true"]');
}
