import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Textarea, TextInput } from 'suomifi-ui-components';
import { isApiError } from '../api/problem';
import { useUnsavedMarks } from './leave-guard';
import { BusyButton } from './busy-button';
import { ProblemNotice, type OnRefused } from './states';
import { ErrorSummary } from './suomifi';

// Forms: a label on every control, errors beside their field and in a summary that takes the focus and links
// to the fields, what was typed kept when sending fails, and a second press while sending does nothing.

export interface FieldError {
  field: string;
  text: string;
}

// Required and well-formed fields, checked before sending; the API checks them again.
export function checkRequired(
  t: TFunction,
  fields: { field: string; label: string; value: string; email?: boolean }[],
): FieldError[] {
  return fields.flatMap(({ field, label, value, email }) => {
    if (!value.trim()) return [{ field, text: t('forms.required', { field: label }) }];
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()))
      return [{ field, text: t('forms.invalidEmail', { field: label }) }];
    return [];
  });
}

// The API's field errors in the person's words, for the fields this form has (their ids begin with `prefix`):
// a refusal of one value under a code of its own (a wrong password, an address taken) in its own words at the
// field, the others by the field's code.
export function fieldErrorsOf(t: TFunction, error: unknown, labels: Record<string, string>, prefix = ''): FieldError[] {
  if (!isApiError(error)) return [];
  return error.fields
    .map((f) => ({ ...f, field: prefix + f.field }))
    .filter((f) => f.field in labels)
    .map((f) => ({
      field: f.field,
      text:
        t(`errors.atField.${error.code}`, { field: labels[f.field], defaultValue: '' }) ||
        t(`errors.field.${f.code}`, { field: labels[f.field], defaultValue: '' }) ||
        t('errors.fieldGeneric', { field: labels[f.field] }),
    }));
}

interface FormProps {
  onSubmit: () => void;
  pending: boolean;
  // Errors by field (shown in the summary and beside each field), and a failure of the whole request.
  errors: FieldError[];
  failure?: unknown;
  // Changes with every attempt, so that the summary takes the focus again after each one.
  attempt: number;
  submitLabel: string;
  children: ReactNode;
  id?: string;
  // Something typed or chosen in it (useSubmission's: leaving the page first asks, until it is sent).
  onEdit?: () => void;
}

export function Form({ onSubmit, pending, errors, failure, attempt, submitLabel, children, id, onEdit }: FormProps) {
  const { t } = useTranslation();
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const failureBox = useRef<HTMLDivElement>(null);
  const showFailure = failure !== undefined && errors.length === 0;
  useEffect(() => {
    if (attempt === 0) return;
    if (errors.length > 0) summaryHeading.current?.focus();
    else if (showFailure) failureBox.current?.focus();
  }, [attempt, errors.length, showFailure]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    onSubmit();
  };
  return (
    <form noValidate onSubmit={submit} onInput={onEdit} id={id} className="form">
      {errors.length > 0 && (
        <ErrorSummary
          headingRef={summaryHeading}
          headingText={t('forms.errorSummary', { count: errors.length })}
          headingVariant="h2"
          items={errors.map((e) => ({ inputId: e.field, text: e.text }))}
          mb="m"
        />
      )}
      {showFailure && (
        <div ref={failureBox} tabIndex={-1} className="form-failure">
          <ProblemNotice error={failure} />
        </div>
      )}
      {children}
      <BusyButton type="submit" busy={pending} mt="m">
        {submitLabel}
      </BusyButton>
    </form>
  );
}

const errorOf = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)?.text;

// Ties a field to its value in the form's state, its label and its error: <TextField {...bind('title')} />.
// The second argument names the field where the API (and so the label and the error) calls it otherwise.
// `setValues` is the state's setter, or a parent's onChange for fields whose values it holds.
export function fieldBinder<V extends object>(
  values: V,
  setValues: (update: (values: V) => V) => void,
  labels: Record<string, string>,
  errors: FieldError[],
) {
  return <K extends keyof V & string>(key: K, field: string = key) => ({
    field,
    label: labels[field],
    errors,
    value: values[key],
    onChange: (value: V[K]) => setValues((v) => ({ ...v, [key]: value })),
  });
}

interface TextFieldProps {
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldError[];
  type?: 'text' | 'email' | 'password' | 'tel' | 'url';
  autoComplete?: string;
  hint?: string;
  optional?: boolean;
}

export function TextField({
  field,
  label,
  value,
  onChange,
  errors,
  type = 'text',
  autoComplete,
  hint,
  optional,
}: TextFieldProps) {
  const { t } = useTranslation();
  const error = errorOf(errors, field);
  return (
    <TextInput
      id={field}
      name={field}
      labelText={label}
      value={value}
      onChange={(v) => onChange(v === undefined ? '' : String(v))}
      type={type}
      autoComplete={autoComplete}
      hintText={hint}
      optionalText={optional ? t('forms.optional') : undefined}
      status={error ? 'error' : 'default'}
      statusText={error}
      fullWidth
      mb="m"
    />
  );
}

export function TextAreaField({
  field,
  label,
  value,
  onChange,
  errors,
  hint,
  optional,
}: Omit<TextFieldProps, 'type' | 'autoComplete'>) {
  const { t } = useTranslation();
  const error = errorOf(errors, field);
  return (
    <Textarea
      id={field}
      name={field}
      labelText={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hintText={hint}
      optionalText={optional ? t('forms.optional') : undefined}
      status={error ? 'error' : 'default'}
      statusText={error}
      fullWidth
      resize="vertical"
      mb="m"
    />
  );
}

interface SubmissionOptions<V, R> {
  send: (values: V) => Promise<R>;
  // Errors found before sending (required fields, two passwords that differ).
  validate?: (values: V) => FieldError[];
  // The form's fields and their labels: the API's field errors for these are shown beside them.
  labels: Record<string, string>;
  onSuccess?: (result: R, values: V) => void;
  // Where a page has two forms with the same fields, each form's ids (and its labels' keys) begin with its own
  // prefix, so that no id is there twice; the API's field errors are found under it.
  fieldPrefix?: string;
  // Where a refusal can make the form's own part of the page go (the refetch after it changed the state), the page
  // keeps the failure: undefined when a send begins, the error when it fails.
  onRefused?: OnRefused;
}

// One send at a time; the values stay in the form whatever happens, so a failure loses nothing typed.
export function useSubmission<V, R>({
  send,
  validate,
  labels,
  onSuccess,
  fieldPrefix,
  onRefused,
}: SubmissionOptions<V, R>) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ errors: FieldError[]; failure?: unknown; attempt: number }>({
    errors: [],
    attempt: 0,
  });
  const mutation = useMutation({ mutationFn: send });
  const unsaved = useUnsavedMarks();
  // Synchronous, unlike the state: a second click before React renders again finds it set.
  const inFlight = useRef(false);
  const submit = (values: V) => {
    if (inFlight.current) return;
    const found = validate?.(values) ?? [];
    if (found.length > 0) {
      setState((s) => ({ errors: found, attempt: s.attempt + 1 }));
      return;
    }
    setState((s) => ({ errors: [], attempt: s.attempt }));
    inFlight.current = true;
    onRefused?.(undefined);
    mutation.mutate(values, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: (result) => {
        unsaved.settled();
        onSuccess?.(result, values);
      },
      onError: (error) => {
        setState((s) => ({
          errors: fieldErrorsOf(t, error, labels, fieldPrefix),
          failure: error,
          attempt: s.attempt + 1,
        }));
        onRefused?.(error);
      },
    });
  };
  return {
    submit,
    pending: mutation.isPending,
    done: mutation.isSuccess,
    result: mutation.data,
    formProps: {
      pending: mutation.isPending,
      errors: state.errors,
      failure: state.failure,
      attempt: state.attempt,
      onEdit: unsaved.edited,
    },
    errors: state.errors,
  };
}
