import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { getPath, setPath } from './paths';

export type FormErrors = Record<string, string | null | undefined>;

export interface UseFormInput<V> {
  mode: 'uncontrolled';
  initialValues: V;
  /** Returns errors by dotted path (`community.communityName`); an empty object means valid. */
  validate?: (values: V) => FormErrors;
}

export interface InputProps {
  // Loosely typed on purpose, as in @mantine/form: one helper feeds text, select, date and number inputs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  defaultValue?: any;
  defaultChecked?: boolean;
  onChange: (eventOrValue: unknown) => void;
  error?: string;
}

/**
 * A small, uncontrolled form store with the same shape as @mantine/form's `useForm` (which is not among
 * this project's packages): inputs keep their own state and report changes here, so typing does not
 * re-render the form. `key(path)` changes when values are replaced, which remounts the inputs with them.
 */
export function useForm<V extends object>(input: UseFormInput<V>) {
  const values = useRef<V>(structuredClone(input.initialValues));
  const initial = useRef(input.initialValues);
  const validateRef = useRef(input.validate);
  validateRef.current = input.validate;
  const [errors, setErrorsState] = useState<Record<string, string>>({});
  const [version, setVersion] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const formElement = useRef<HTMLFormElement | null>(null);
  const focusPending = useRef(false);

  const setErrors = useCallback((next: FormErrors) => {
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(next)) if (v) clean[k] = v;
    focusPending.current = Object.keys(clean).length > 0;
    setErrorsState(clean);
  }, []);

  // After a refused submit (here or by the server) the keyboard user lands on the first field to fix.
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    formElement.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const setFieldError = useCallback((path: string, error: string | null) => {
    setErrorsState((prev) => {
      const next = { ...prev };
      if (error) next[path] = error;
      else delete next[path];
      return next;
    });
  }, []);

  const validate = useCallback((): boolean => {
    const found = validateRef.current?.(values.current) ?? {};
    setErrors(found);
    return !Object.values(found).some(Boolean);
  }, [setErrors]);

  const getValues = useCallback(() => values.current, []);

  const setFieldValue = useCallback((path: string, value: unknown) => {
    values.current = setPath(values.current, path, value);
  }, []);

  const setValues = useCallback((next: Partial<V>) => {
    values.current = { ...values.current, ...structuredClone(next) };
    setVersion((n) => n + 1);
  }, []);

  const reset = useCallback(() => {
    values.current = structuredClone(initial.current);
    setErrorsState({});
    setVersion((n) => n + 1);
  }, []);

  const getInputProps = useCallback(
    (path: string, options: { type?: 'input' | 'checkbox' } = {}): InputProps => {
      const current = getPath(values.current, path);
      const onChange = (eventOrValue: unknown) => {
        values.current = setPath(values.current, path, valueOf(eventOrValue, options.type));
        // As in @mantine/form: editing a field clears its error.
        setFieldError(path, null);
      };
      const error = errors[path];
      return options.type === 'checkbox' ? { defaultChecked: Boolean(current), onChange, error } : { defaultValue: current, onChange, error };
    },
    [errors, setFieldError],
  );

  const key = useCallback((path: string) => `${path}#${version}`, [version]);

  const onSubmit = useCallback(
    (handler: (values: V) => unknown) => (event?: FormEvent) => {
      event?.preventDefault();
      if (event?.currentTarget instanceof HTMLFormElement) formElement.current = event.currentTarget;
      if (!validate()) return;
      const out = handler(values.current);
      if (out instanceof Promise) {
        setSubmitting(true);
        void out.finally(() => setSubmitting(false));
      }
    },
    [validate],
  );

  return useMemo(
    () => ({ errors, submitting, getValues, setValues, setFieldValue, setErrors, setFieldError, validate, reset, getInputProps, key, onSubmit }),
    [errors, submitting, getValues, setValues, setFieldValue, setErrors, setFieldError, validate, reset, getInputProps, key, onSubmit],
  );
}

export type Form<V extends object> = ReturnType<typeof useForm<V>>;

function valueOf(eventOrValue: unknown, type?: 'input' | 'checkbox'): unknown {
  if (eventOrValue && typeof eventOrValue === 'object' && 'currentTarget' in eventOrValue) {
    const target = (eventOrValue as { currentTarget: HTMLInputElement }).currentTarget;
    return type === 'checkbox' ? target.checked : target.value;
  }
  return eventOrValue;
}
