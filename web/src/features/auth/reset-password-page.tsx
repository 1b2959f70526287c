import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { InlineAlert } from '../../components/suomifi';
import { confirmPasswordReset, takeTokenFromFragment } from './auth-api';
import { NewPasswordForm } from './new-password-form';

// The password reset link: /reset-password#token=…
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(takeTokenFromFragment);
  return (
    <div className="content-narrow">
      <Page title={t('resetPassword.title')}>
        {token ? (
          <NewPasswordForm
            intro={t('resetPassword.intro')}
            send={(password) => confirmPasswordReset(token, password)}
            submitLabel={t('resetPassword.submit')}
            doneText={t('resetPassword.done')}
          />
        ) : (
          <>
            <InlineAlert status="error" mb="m">
              {t('resetPassword.missingToken')}
            </InlineAlert>
            <AppLink to="/forgotten-password">{t('resetPassword.requestNew')}</AppLink>
          </>
        )}
      </Page>
    </div>
  );
}
