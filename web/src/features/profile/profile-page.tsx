import { useMutation, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { CheckboxesField, RadioField, SelectField } from '../../components/fields';
import { type FieldError, fieldBinder, Form, TextAreaField, TextField, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { BusyButton } from '../../components/busy-button';
import { Section } from '../../components/section';
import { failedToLoad } from '../../components/query-state';
import {
  LoadError,
  Loading,
  ProblemNotice,
  RefreshFailed,
  RefusedNotice,
  useKeptRefusal,
} from '../../components/states';
import { Heading, InlineAlert, Paragraph, RadioButton } from '../../components/suomifi';
import { useServerDraft } from '../../components/server-draft';
import { TASK_TYPES } from '../../components/task-types';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { languageName, WORK_LANGUAGES } from '../../i18n/language-names';
import { type Language, LANGUAGES } from '../../i18n/languages';
import {
  type Expert,
  type ProfileChange,
  pause,
  resume,
  setTopics,
  updateProfile,
  useMyProfile,
  useStoreProfile,
  useTopics,
} from './profile-api';
import './profile.css';
import { type Municipality, municipalityOptions, useMunicipalities } from '../../api/municipalities';

export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useMyProfile();
  const municipalities = useMunicipalities();
  const topics = useTopics();
  const queries: UseQueryResult<unknown>[] = [profile, municipalities, topics];
  // A read again that fails keeps the forms, and what was typed in them, under a notice.
  const failed = queries.find((query) => failedToLoad(query));
  return (
    <div className="content-narrow">
      <Page title={t('profile.title')}>
        <Paragraph mb="m">{t('profile.intro')}</Paragraph>
        {failed ? (
          <LoadError error={failed.error} onRetry={() => queries.forEach((query) => void query.refetch())} />
        ) : !profile.data || !municipalities.data || !topics.data ? (
          <Loading />
        ) : (
          <>
            {queries.map((query, i) => (
              <RefreshFailed key={i} query={query} />
            ))}
            <DetailsForm expert={profile.data} municipalities={municipalities.data} />
            <TopicsForm expert={profile.data} vocabulary={topics.data} />
            <PauseSection expert={profile.data} />
          </>
        )}
      </Page>
    </div>
  );
}

// Whole numbers as typed ("12", " 1 500 "); empty means none.
const parseWhole = (text: string): number | null | undefined => {
  const clean = text.replace(/[\s\u00a0]/g, '');
  if (!clean) return null;
  return /^\d+$/.test(clean) ? Number(clean) : undefined;
};

function DetailsForm({ expert, municipalities }: { expert: Expert; municipalities: Municipality[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const store = useStoreProfile();
  const { values, setValues, changedPart, reset } = useServerDraft({
    preferredLanguage: expert.preferredLanguage,
    languages: expert.languages,
    homeMunicipality: expert.homeMunicipality ?? '',
    travelMunicipalities: expert.travelMunicipalities,
    worksRemotely: expert.worksRemotely ? ['yes'] : [],
    taskTypes: expert.taskTypes as string[],
    maxPerWeek: expert.maxPerWeek === null ? '' : String(expert.maxPerWeek),
    maxPerMonth: expert.maxPerMonth === null ? '' : String(expert.maxPerMonth),
    yearlyEarningsCeiling:
      expert.yearlyEarningsCeilingCents === null ? '' : String(Math.round(expert.yearlyEarningsCeilingCents / 100)),
  });
  const labels = {
    preferredLanguage: t('profile.fields.preferredLanguage'),
    languages: t('profile.fields.languages'),
    homeMunicipality: t('profile.fields.homeMunicipality'),
    travelMunicipalities: t('profile.fields.travelMunicipalities'),
    taskTypes: t('profile.fields.taskTypes'),
    maxPerWeek: t('profile.fields.maxPerWeek'),
    maxPerMonth: t('profile.fields.maxPerMonth'),
    yearlyEarningsCeilingCents: t('profile.fields.yearlyEarningsCeiling'),
  };
  // A code saved earlier that is not in the list is still shown.
  const languageOptions = [...WORK_LANGUAGES, ...values.languages.filter((l) => !WORK_LANGUAGES.includes(l))].map(
    (code) => ({ value: code, label: languageName(t, language, code) }),
  );
  const byName = municipalityOptions(language, municipalities);

  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: typeof values) => {
      const found: FieldError[] = [];
      const whole = (field: 'maxPerWeek' | 'maxPerMonth' | 'yearlyEarningsCeilingCents', text: string) => {
        if (parseWhole(text) === undefined)
          found.push({ field, text: t('profile.errors.wholeNumber', { field: labels[field] }) });
      };
      whole('maxPerWeek', v.maxPerWeek);
      whole('maxPerMonth', v.maxPerMonth);
      whole('yearlyEarningsCeilingCents', v.yearlyEarningsCeiling);
      return found;
    },
    send: (v: typeof values) => {
      const ceiling = parseWhole(v.yearlyEarningsCeiling);
      const body: ProfileChange = {
        preferredLanguage: v.preferredLanguage,
        languages: v.languages,
        homeMunicipality: v.homeMunicipality || null,
        travelMunicipalities: v.travelMunicipalities,
        worksRemotely: v.worksRemotely.length > 0,
        taskTypes: v.taskTypes as Expert['taskTypes'],
        maxPerWeek: parseWhole(v.maxPerWeek) ?? null,
        maxPerMonth: parseWhole(v.maxPerMonth) ?? null,
        yearlyEarningsCeilingCents: ceiling ? ceiling * 100 : null,
      };
      // Only what was changed here: a change saved meanwhile in another tab to another field stays.
      return updateProfile(changedPart(body, { yearlyEarningsCeilingCents: ['yearlyEarningsCeiling'] }));
    },
    onSuccess: (expert) => {
      store(expert);
      reset();
      announce(t('profile.saved'));
    },
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <Section headingId="details-heading" heading={t('profile.details.heading')} className="profile-section">
      <Form {...formProps} id="details-form" onSubmit={() => submit(values)} submitLabel={t('profile.details.submit')}>
        <RadioField {...bind('preferredLanguage')} hint={t('profile.fields.preferredLanguageHint')}>
          {LANGUAGES.map((l) => (
            <RadioButton key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </RadioButton>
          ))}
        </RadioField>
        <CheckboxesField {...bind('languages')} hint={t('profile.fields.languagesHint')} options={languageOptions} />
        <SelectField
          {...bind('homeMunicipality')}
          optional
          options={[{ value: '', label: t('profile.fields.noMunicipality') }, ...byName]}
        />
        <CheckboxesField
          {...bind('travelMunicipalities')}
          hint={t('profile.fields.travelMunicipalitiesHint')}
          options={byName}
        />
        <CheckboxesField
          {...bind('worksRemotely')}
          label={t('profile.fields.remoteGroup')}
          options={[{ value: 'yes', label: t('profile.fields.worksRemotely') }]}
        />
        <CheckboxesField
          {...bind('taskTypes')}
          hint={t('profile.fields.taskTypesHint')}
          options={TASK_TYPES.map((code) => ({ value: code, label: t(`profile.taskType.${code}`) }))}
        />
        <Heading variant="h3" mb="s">
          {t('profile.limits.heading')}
        </Heading>
        <Paragraph mb="s">{t('profile.limits.intro')}</Paragraph>
        <TextField {...bind('maxPerWeek')} hint={t('profile.fields.maxPerWeekHint')} optional />
        <TextField {...bind('maxPerMonth')} hint={t('profile.fields.maxPerMonthHint')} optional />
        <TextField
          {...bind('yearlyEarningsCeiling', 'yearlyEarningsCeilingCents')}
          hint={t('profile.fields.yearlyEarningsCeilingHint', { example: formatNumber(language, 5000) })}
          optional
        />
      </Form>
    </Section>
  );
}

type Vocabulary = {
  topics: { code: string; nameFi: string; nameSv: string; nameEn: string }[];
  consentVersion: string;
  consentText: Record<Language, string>;
};

function TopicsForm({ expert, vocabulary }: { expert: Expert; vocabulary: Vocabulary }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const store = useStoreProfile();
  const [values, setValues] = useState({ topics: expert.topics, consent: [] as string[] });
  const labels = { topics: t('profile.fields.topics'), consent: t('profile.topics.consentLabel') };
  const nameOf = (topic: Vocabulary['topics'][number]) =>
    language === 'sv' ? topic.nameSv : language === 'en' ? topic.nameEn : topic.nameFi;
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: typeof values) =>
      v.topics.length > 0 && v.consent.length === 0
        ? [{ field: 'consent', text: t('profile.topics.consentRequired') }]
        : [],
    send: (v: typeof values) => setTopics(v.topics, vocabulary.consentVersion),
    onSuccess: (result) => {
      store(result);
      setValues((v) => ({ ...v, consent: [] }));
      announce(t('profile.topics.saved'));
    },
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <Section headingId="topics-heading" heading={t('profile.topics.heading')} className="profile-section">
      <Paragraph mb="s">{t('profile.topics.intro')}</Paragraph>
      {expert.topics.length > 0 && expert.topicsConsentAt && (
        <Paragraph mb="s">
          {t('profile.topics.consentGiven', { at: formatDateTime(language, expert.topicsConsentAt) })}
        </Paragraph>
      )}
      <Form {...formProps} id="topics-form" onSubmit={() => submit(values)} submitLabel={t('profile.topics.submit')}>
        <CheckboxesField
          {...bind('topics')}
          hint={t('profile.topics.hint')}
          options={vocabulary.topics.map((topic) => ({ value: topic.code, label: nameOf(topic) }))}
        />
        <div className="consent-text">
          <Heading variant="h3" mb="xs">
            {t('profile.topics.consentHeading')}
          </Heading>
          <Paragraph>{vocabulary.consentText[language]}</Paragraph>
        </div>
        <CheckboxesField
          {...bind('consent')}
          label={t('profile.topics.consentGroup')}
          options={[{ value: vocabulary.consentVersion, label: labels.consent }]}
        />
      </Form>
    </Section>
  );
}

function PauseSection({ expert }: { expert: Expert }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const store = useStoreProfile();
  const [reason, setReason] = useState('');
  const labels = { reason: t('profile.pause.reason') };
  // A pause or resume refused because the status changed meanwhile (another tab, a coordinator) refreshes the
  // profile, and the part that was refused goes with the old status: the refusal stays here.
  const refusal = useKeptRefusal(expert.status);
  const pausing = useSubmission({
    labels,
    send: (text: string) => pause(text.trim() || null),
    onSuccess: (result) => {
      store(result);
      setReason('');
      announce(t('profile.pause.paused'));
    },
    onRefused: refusal.keep,
  });
  const resuming = useMutation({
    mutationFn: resume,
    onMutate: () => refusal.keep(undefined),
    onError: refusal.keep,
    onSuccess: (result) => {
      store(result);
      announce(t('profile.pause.resumed'));
    },
  });
  const paused = expert.status === 'paused';
  return (
    <Section headingId="pause-heading" heading={t('profile.pause.heading')} className="profile-section">
      <InlineAlert status="neutral" mb="s">
        {t(`profile.pause.status.${expert.status}`)}
      </InlineAlert>
      {refusal.gone !== undefined && <RefusedNotice error={refusal.gone} />}
      {paused ? (
        <>
          {expert.pauseReason && (
            <Paragraph mb="s">{t('profile.pause.yourReason', { reason: expert.pauseReason })}</Paragraph>
          )}
          <Paragraph mb="s">{t('profile.pause.resumeIntro')}</Paragraph>
          <BusyButton busy={resuming.isPending} onClick={() => resuming.mutate()}>
            {t('profile.pause.resume')}
          </BusyButton>
          {resuming.isError && <ProblemNotice error={resuming.error} />}
        </>
      ) : expert.status === 'active' ? (
        <>
          <Paragraph mb="s">{t('profile.pause.intro')}</Paragraph>
          <Form
            {...pausing.formProps}
            id="pause-form"
            onSubmit={() => pausing.submit(reason)}
            submitLabel={t('profile.pause.pause')}
          >
            <TextAreaField
              field="reason"
              label={labels.reason}
              hint={t('profile.pause.reasonHint')}
              optional
              errors={pausing.errors}
              value={reason}
              onChange={setReason}
            />
          </Form>
        </>
      ) : null}
    </Section>
  );
}
