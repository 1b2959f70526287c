import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { useAnnounce } from '../../components/announcer';
import { BusyButton } from '../../components/busy-button';
import { FileChoice, fileBinder } from '../../components/file-choice';
import { DateTimeField, RadioField } from '../../components/fields';
import { type FieldError, fieldBinder, Form, TextField, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { fileProblem, UPLOAD_MAX_MEGABYTES } from '../../components/upload-limits';
import { Loaded, ProblemNotice, RefusedNotice, type OnRefused } from '../../components/states';
import { Heading, Paragraph, RadioButton } from '../../components/suomifi';
import { formatDate, formatNumber } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import {
  type Credential,
  type TrainingType,
  uploadCredential,
  useMyCredentials,
  useRefreshCredentials,
  withdrawCredential,
} from './certificates-api';
import './certificates.css';

export function CertificatesPage() {
  const { t } = useTranslation();
  const query = useMyCredentials();
  // A withdrawal refused because the certificate was decided or withdrawn meanwhile refreshes the list, and its
  // button (or its whole item) goes: the refusal stays above the list.
  const [refused, setRefused] = useState<{ id: string; error: unknown }>();
  const stillPending = (id: string) => query.data?.some((c) => c.id === id && c.status === 'pending');
  return (
    <div className="content-narrow">
      <Page title={t('certificates.title')}>
        <Paragraph mb="m">{t('certificates.intro')}</Paragraph>
        <Section
          headingId="certificates-list-heading"
          heading={t('certificates.list.heading')}
          className="certificates-section"
        >
          {refused && !stillPending(refused.id) && <RefusedNotice error={refused.error} />}
          <Loaded query={query} empty={t('certificates.list.empty')}>
            {(credentials) => (
              <ul className="certificate-list">
                {credentials.map((c) => (
                  <CertificateItem
                    key={c.id}
                    credential={c}
                    onRefused={(error) => setRefused(error === undefined ? undefined : { id: c.id, error })}
                  />
                ))}
              </ul>
            )}
          </Loaded>
        </Section>
        <UploadForm />
      </Page>
    </div>
  );
}

function CertificateItem({ credential, onRefused }: { credential: Credential; onRefused: OnRefused }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const refresh = useRefreshCredentials();
  const withdraw = useMutation({
    mutationFn: () => withdrawCredential(credential.id),
    onMutate: () => onRefused(undefined),
    onError: onRefused,
    onSuccess: async () => {
      await refresh();
      announce(t('certificates.withdrawn'));
    },
  });
  const name = t(`certificates.type.${credential.type}`);
  return (
    <li className="certificate">
      <Heading variant="h3" mb="xxs">
        {name}
      </Heading>
      <Paragraph>
        {t('certificates.list.provider', {
          provider: credential.provider,
          date: formatDate(language, `${credential.completedOn}T12:00:00Z`),
        })}
      </Paragraph>
      <Paragraph>{t('certificates.list.file', { name: credential.file.name })}</Paragraph>
      <p className={`certificate__status certificate__status--${credential.status}`}>
        {t(`certificates.status.${credential.status}`)}
      </p>
      {credential.status === 'rejected' && credential.rejectionReason && (
        <Paragraph>{t('certificates.list.reason', { reason: credential.rejectionReason })}</Paragraph>
      )}
      {credential.status === 'pending' && (
        <BusyButton
          variant="secondaryNoBorder"
          aria-label={t('certificates.withdrawNamed', { name, file: credential.file.name })}
          busy={withdraw.isPending}
          onClick={() => withdraw.mutate()}
        >
          {t('certificates.withdraw')}
        </BusyButton>
      )}
      {withdraw.isError && credential.status === 'pending' && <ProblemNotice error={withdraw.error} />}
    </li>
  );
}

function UploadForm() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const refresh = useRefreshCredentials();
  const [values, setValues] = useState({
    type: 'kokemusasiantuntija' as TrainingType,
    provider: '',
    completedOn: '',
    file: null as File | null,
  });
  // One key for one certificate: a send after a lost answer repeats it, a send after a success is a new one.
  const [uploadKey, setUploadKey] = useState(newIdempotencyKey);
  const labels = {
    type: t('certificates.fields.type'),
    provider: t('certificates.fields.provider'),
    completedOn: t('certificates.fields.completedOn'),
    file: t('certificates.fields.file'),
  };
  const limits = t('certificates.fields.limits', { size: formatNumber(language, UPLOAD_MAX_MEGABYTES) });
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: typeof values) => {
      const found: FieldError[] = [];
      if (!v.provider.trim()) found.push({ field: 'provider', text: t('forms.required', { field: labels.provider }) });
      if (!v.completedOn)
        found.push({ field: 'completedOn', text: t('forms.required', { field: labels.completedOn }) });
      const fileText = v.file ? fileProblem(t, v.file, labels.file) : t('certificates.errors.noFile');
      if (fileText) found.push({ field: 'file', text: fileText });
      return found;
    },
    send: (v: typeof values) =>
      uploadCredential(
        { type: v.type, provider: v.provider.trim(), completedOn: v.completedOn, file: v.file as File },
        uploadKey,
      ),
    onSuccess: async () => {
      setUploadKey(newIdempotencyKey());
      await refresh();
      setValues({ type: values.type, provider: '', completedOn: '', file: null });
      announce(t('certificates.uploaded'));
    },
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  const bindFile = fileBinder(values, setValues, labels, errors);
  return (
    <Section headingId="upload-heading" heading={t('certificates.upload.heading')} className="certificates-section">
      <Paragraph mb="m">{t('certificates.upload.intro')}</Paragraph>
      <Form
        {...formProps}
        id="upload-form"
        onSubmit={() => submit(values)}
        submitLabel={t('certificates.upload.submit')}
      >
        <RadioField {...bind('type')}>
          {(['kokemusasiantuntija', 'kokemustoimija', 'other'] as const).map((type) => (
            <RadioButton key={type} value={type} hintText={t(`certificates.typeHint.${type}`)}>
              {t(`certificates.type.${type}`)}
            </RadioButton>
          ))}
        </RadioField>
        <TextField {...bind('provider')} hint={t('certificates.fields.providerHint')} />
        <DateTimeField {...bind('completedOn')} type="date" />
        <FileChoice
          {...bindFile('file')}
          limits={limits}
          chooseLabel={t('certificates.fields.chooseFile')}
          photoLabel={t('certificates.fields.takePhoto')}
          chosen={
            values.file &&
            t('certificates.fields.chosen', {
              name: values.file.name,
              size: formatNumber(language, values.file.size / 1024 / 1024, 1),
            })
          }
        />
      </Form>
    </Section>
  );
}
