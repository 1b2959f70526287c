import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { Form, TextField, checkRequired, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { InlineAlert, Paragraph } from '../../components/suomifi';
import { requestPasswordReset } from './auth-api';

export function ForgottenPasswordPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const labels = { email: t('fields.email') };
  const { submit, formProps, errors, done } = useSubmission({
    labels,
    validate: (v: string) => checkRequired(t, [{ field: 'email', label: labels.email, value: v, email: true }]),
    send: (v: string) => requestPasswordReset(v.trim()),
    onSuccess: () => announce(t('forgotPassword.sent')),
  });

  return (
    <div className="content-narrow">
      <Page title={t('forgotPassword.title')}>
        {done ? (
          <InlineAlert status="neutral" mb="m">
            {t('forgotPassword.sent')}
          </InlineAlert>
        ) : (
          <>
            <Paragraph mb="m">{t('forgotPassword.intro')}</Paragraph>
            <Form {...formProps} onSubmit={() => submit(email)} submitLabel={t('forgotPassword.submit')}>
              <TextField
                field="email"
                label={labels.email}
                type="email"
                autoComplete="email"
                value={email}
                onChange={setEmail}
                errors={errors}
              />
            </Form>
          </>
        )}
        <ul className="link-row">
          <li>
            <AppLink to="/sign-in">{t('nav.signIn')}</AppLink>
          </li>
        </ul>
      </Page>
    </div>
  );
}
