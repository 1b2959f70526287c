import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { fieldBinder, Form, TextField, checkRequired, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { InlineAlert, Paragraph, RadioButton, RadioButtonGroup } from '../../components/suomifi';
import { type Language, LANGUAGES } from '../../i18n/languages';

// The public application: POST /api/experts/applications answers alike whether or not the address is known,
// and mails a link to set a password when it is new.
export function ApplyPage() {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const [values, setValues] = useState({ name: '', email: '', language: i18n.language as Language });
  const labels = { name: t('fields.name'), email: t('fields.email'), language: t('fields.language') };
  const { submit, formProps, errors, done } = useSubmission({
    labels,
    validate: (v: typeof values) =>
      checkRequired(t, [
        { field: 'name', label: labels.name, value: v.name },
        { field: 'email', label: labels.email, value: v.email, email: true },
      ]),
    send: (v: typeof values) =>
      call(
        api.POST('/api/experts/applications', {
          body: { name: v.name.trim(), email: v.email.trim(), language: v.language },
        }),
      ),
    onSuccess: () => announce(t('apply.sent')),
  });

  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <div className="content-narrow">
      <Page title={t('apply.title')}>
        <Paragraph mb="m">{t('apply.intro')}</Paragraph>
        {done ? (
          <InlineAlert status="neutral">{t('apply.sent')}</InlineAlert>
        ) : (
          <>
            <Paragraph mb="m">{t('apply.steps')}</Paragraph>
            <Form {...formProps} onSubmit={() => submit(values)} submitLabel={t('apply.submit')}>
              <TextField {...bind('name')} autoComplete="name" />
              <TextField {...bind('email')} type="email" autoComplete="email" />
              <RadioButtonGroup
                labelText={labels.language}
                name="language"
                id="language"
                value={values.language}
                onChange={(language) => setValues((v) => ({ ...v, language: language as Language }))}
              >
                {LANGUAGES.map((language) => (
                  <RadioButton key={language} value={language} lang={language}>
                    {t(`language.${language}`)}
                  </RadioButton>
                ))}
              </RadioButtonGroup>
            </Form>
          </>
        )}
      </Page>
    </div>
  );
}
