import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { session } from '../../api/session';
import { Form, TextField, checkRequired, fieldBinder, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { InlineAlert, Paragraph } from '../../components/suomifi';

export function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const reason = (location.state as { reason?: string } | null)?.reason;
  const [values, setValues] = useState({ email: '', password: '' });
  const labels = { email: t('fields.email'), password: t('fields.password') };
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: typeof values) =>
      checkRequired(t, [
        { field: 'email', label: labels.email, value: v.email, email: true },
        { field: 'password', label: labels.password, value: v.password },
      ]),
    // Where the person goes next is decided by the page guard once the session says signed in.
    send: (v: typeof values) => session.signIn(v.email.trim(), v.password),
  });
  const bind = fieldBinder(values, setValues, labels, errors);

  return (
    <div className="content-narrow">
      <Page title={t('signIn.title')}>
        {reason === 'signedOut' && (
          <InlineAlert status="neutral" mb="m">
            {t('app.signedOut')}
          </InlineAlert>
        )}
        <Paragraph mb="m">{t('signIn.intro')}</Paragraph>
        <Form {...formProps} onSubmit={() => submit(values)} submitLabel={t('signIn.submit')}>
          <TextField {...bind('email')} type="email" autoComplete="username" />
          <TextField {...bind('password')} type="password" autoComplete="current-password" />
        </Form>
        <ul className="link-row">
          <li>
            <AppLink to="/forgotten-password">{t('signIn.forgot')}</AppLink>
          </li>
          <li>
            <AppLink to="/apply">{t('signIn.apply')}</AppLink>
          </li>
        </ul>
      </Page>
    </div>
  );
}
