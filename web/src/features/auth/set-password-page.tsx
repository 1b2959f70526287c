import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { InlineAlert } from '../../components/suomifi';
import { acceptInvitation, takeTokenFromFragment } from './auth-api';
import { NewPasswordForm } from './new-password-form';

// The invitation link: /set-password#token=…
export function SetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(takeTokenFromFragment);
  return (
    <div className="content-narrow">
      <Page title={t('setPassword.title')}>
        {token ? (
          <NewPasswordForm
            intro={t('setPassword.intro')}
            send={(password) => acceptInvitation(token, password)}
            submitLabel={t('setPassword.submit')}
            doneText={t('setPassword.done')}
          />
        ) : (
          <InlineAlert status="error">{t('setPassword.missingToken')}</InlineAlert>
        )}
      </Page>
    </div>
  );
}
