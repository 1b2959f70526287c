import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { Form, TextField, checkRequired, fieldBinder, useSubmission } from '../../components/form';
import { AppLink } from '../../components/router-link';
import { Outcome } from '../../components/states';
import { Paragraph } from '../../components/suomifi';

// Choosing a password from a mailed link: an invitation or a password reset. `intro` asks for the password, and goes
// with the form: once the password is set, the outcome stands alone.
export function NewPasswordForm({
  intro,
  send,
  submitLabel,
  doneText,
}: {
  intro: string;
  send: (password: string) => Promise<unknown>;
  submitLabel: string;
  doneText: string;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [values, setValues] = useState({ password: '', again: '' });
  const labels = { password: t('fields.newPassword'), again: t('fields.newPasswordAgain') };
  const { submit, formProps, errors, done } = useSubmission({
    labels,
    validate: (v: typeof values) => {
      const missing = checkRequired(t, [
        { field: 'password', label: labels.password, value: v.password },
        { field: 'again', label: labels.again, value: v.again },
      ]);
      if (missing.length > 0) return missing;
      return v.password === v.again ? [] : [{ field: 'again', text: t('forms.mismatch') }];
    },
    send: (v: typeof values) => send(v.password),
    onSuccess: () => announce(doneText),
  });
  const bind = fieldBinder(values, setValues, labels, errors);

  if (done) {
    return (
      <>
        {/* The form is gone: the notice takes its focus, and the link to sign in is the next Tab. */}
        <Outcome>{doneText}</Outcome>
        <AppLink to="/sign-in">{t('nav.signIn')}</AppLink>
      </>
    );
  }
  return (
    <>
      <Paragraph mb="m">{intro}</Paragraph>
      <Form {...formProps} onSubmit={() => submit(values)} submitLabel={submitLabel}>
        <TextField {...bind('password')} type="password" autoComplete="new-password" hint={t('password.hint')} />
        <TextField {...bind('again')} type="password" autoComplete="new-password" />
      </Form>
    </>
  );
}
