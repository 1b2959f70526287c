import { useEffect, useState } from 'react';
import type { OnRefused } from './states';
import { useTranslation } from 'react-i18next';
import { checkRequired, Form, TextAreaField, useSubmission } from './form';

interface Props {
  label: string;
  hint: string;
  submitLabel: string;
  // The reason as typed; the caller trims it if its API wants that.
  send: (reason: string) => Promise<unknown>;
  onSuccess: () => void;
  // See useSubmission.
  onRefused?: OnRefused;
  id?: string;
  // Opened by a button that then goes away: the focus goes to the reason, not to the page's start.
  focusOnOpen?: boolean;
}

// A step that needs a reason in words (cancel, withdraw, terminate, return): one required text and a button.
export function ReasonForm({ label, hint, submitLabel, send, onSuccess, onRefused, id, focusOnOpen }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (focusOnOpen) document.getElementById('reason')?.focus();
  }, [focusOnOpen]);
  const labels = { reason: label };
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: string) => checkRequired(t, [{ field: 'reason', label, value: v }]),
    send,
    onSuccess,
    onRefused,
  });
  return (
    <Form {...formProps} onSubmit={() => submit(reason)} submitLabel={submitLabel} id={id}>
      <TextAreaField field="reason" label={label} hint={hint} value={reason} onChange={setReason} errors={errors} />
    </Form>
  );
}
