import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { fieldBinder, Form, TextAreaField, TextField, checkRequired, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { ExternalLink, InlineAlert, Paragraph } from '../../components/suomifi';
import { formatDate } from '../../i18n/format';
import type { Language } from '../../i18n/languages';

// When this statement was last reviewed; change it with the text.
const PREPARED_ON = '2026-12-03T12:00:00Z';

const ENFORCEMENT_WEB: Record<Language, string> = {
  fi: 'https://www.saavutettavuusvaatimukset.fi/',
  sv: 'https://www.tillganglighetskrav.fi/',
  en: 'https://www.webaccessibility.fi/',
};

export function AccessibilityPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const [values, setValues] = useState({ message: '', name: '', email: '', page: '' });
  const labels = {
    message: t('accessibility.message'),
    name: t('fields.name'),
    email: t('fields.email'),
    page: t('accessibility.page'),
  };
  const { submit, formProps, errors, done } = useSubmission({
    labels,
    validate: (v: typeof values) =>
      checkRequired(t, [
        { field: 'message', label: labels.message, value: v.message },
        ...(v.email.trim() ? [{ field: 'email', label: labels.email, value: v.email, email: true }] : []),
      ]),
    send: (v: typeof values) =>
      call(
        api.POST('/api/accessibility-feedback', {
          body: {
            message: v.message.trim(),
            ...(v.name.trim() ? { name: v.name.trim() } : {}),
            ...(v.email.trim() ? { email: v.email.trim() } : {}),
            ...(v.page.trim() ? { page: v.page.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => announce(t('accessibility.sent')),
  });

  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <div className="statement content-narrow">
      <Page title={t('accessibility.title')}>
        <Paragraph mb="l">{t('accessibility.intro')}</Paragraph>
        <Section headingId="a11y-status" heading={t('accessibility.statusHeading')}>
          <Paragraph>{t('accessibility.status')}</Paragraph>
        </Section>
        <Section headingId="a11y-gaps" heading={t('accessibility.gapsHeading')}>
          <ul>
            <li>{t('accessibility.gapPdf')}</li>
            <li>{t('accessibility.gapLanguage')}</li>
          </ul>
        </Section>
        <Section headingId="a11y-assessment" heading={t('accessibility.assessmentHeading')}>
          <Paragraph>{t('accessibility.assessment', { date: formatDate(language, PREPARED_ON) })}</Paragraph>
        </Section>
        <Section headingId="a11y-feedback" heading={t('accessibility.feedbackHeading')}>
          <Paragraph mb="m">{t('accessibility.feedbackIntro')}</Paragraph>
          {done ? (
            <InlineAlert status="neutral">{t('accessibility.sent')}</InlineAlert>
          ) : (
            <Form {...formProps} onSubmit={() => submit(values)} submitLabel={t('accessibility.submit')}>
              <TextAreaField {...bind('message')} hint={t('accessibility.messageHint')} />
              <TextField {...bind('page')} optional />
              <TextField {...bind('name')} optional autoComplete="name" />
              <TextField {...bind('email')} optional type="email" autoComplete="email" />
            </Form>
          )}
        </Section>
        <Section headingId="a11y-enforcement" heading={t('accessibility.enforcementHeading')}>
          <Paragraph mb="s">{t('accessibility.enforcement')}</Paragraph>
          <Paragraph>{t('accessibility.enforcementContact')}</Paragraph>
          <Paragraph>
            <ExternalLink href={ENFORCEMENT_WEB[language]} toNewWindow={false}>
              {t('accessibility.enforcementWeb')}
            </ExternalLink>
          </Paragraph>
          <Paragraph>{t('accessibility.enforcementEmail')}</Paragraph>
          <Paragraph>{t('accessibility.enforcementPhone')}</Paragraph>
        </Section>
      </Page>
    </div>
  );
}
