import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../components/announcer';
import { checkRequired, Form, TextAreaField, useSubmission } from '../../../components/form';
import { ProblemNotice, RefusedNotice } from '../../../components/states';
import { Button, Heading, Paragraph } from '../../../components/suomifi';
import { formatDate, formatDateTime } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import { useBlobUrl } from '../shared/blob-url';
import { FilePreview } from '../shared/file-preview';
import { useAction } from '../shared/use-action';
import { type Credential, credentialFile, rejectCredential, verifyCredential } from './experts-api';

// One certificate: what it claims, the file itself in the page, and the decision while it is pending.
export function CredentialCard({
  credential: c,
  onDecided,
}: {
  credential: Credential;
  onDecided: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  // Only the failure of the decision tried last is shown: a verification that failed (the network) and a rejection
  // that then succeeded leave no old failure beside the result, nor the other way round.
  const [tried, setTried] = useState<'verify' | 'reject'>();
  const { url, error } = useBlobUrl(
    ['coordinator', 'credential-file', c.id, c.file.sha256],
    () => credentialFile(c.id),
    c.file.mediaType,
  );
  const title = t(`coordinator.trainingTypes.${c.type}`);
  const verify = useAction(
    () => verifyCredential(c.id),
    () => {
      announce(t('coordinator.expert.verified'));
      void onDecided();
    },
  );
  const field = `reason-${c.id}`;
  const labels = { [field]: t('coordinator.expert.rejectReason') };
  const reject = useSubmission({
    labels,
    validate: (v: string) => checkRequired(t, [{ field, label: labels[field], value: v }]),
    send: (v: string) => rejectCredential(c.id, v.trim()),
    onSuccess: () => {
      announce(t('coordinator.expert.rejected'));
      void onDecided();
    },
  });
  const failure = tried === 'verify' ? verify.error : reject.formProps.failure;
  return (
    <article className="section" aria-labelledby={`credential-${c.id}`}>
      <Heading variant="h3" id={`credential-${c.id}`} mb="xs">
        {title}
      </Heading>
      <Paragraph mb="s">
        {t('coordinator.expert.credentialFacts', {
          provider: c.provider,
          date: formatDate(language, c.completedOn),
          uploaded: formatDateTime(language, c.createdAt),
        })}
        {' · '}
        <strong>{t(`coordinator.credentialStates.${c.status}`)}</strong>
      </Paragraph>
      {c.rejectionReason && (
        <Paragraph mb="s">{t('coordinator.expert.reasonGiven', { reason: c.rejectionReason })}</Paragraph>
      )}
      <FilePreview
        url={url}
        error={error}
        mediaType={c.file.mediaType}
        name={c.file.name}
        label={t('coordinator.expert.certificateOf', { title, name: c.file.name })}
      />
      {c.status === 'pending' ? (
        <>
          {tried === 'verify' && verify.error !== undefined && <ProblemNotice error={verify.error} />}
          <div className="actions">
            <Button
              onClick={() => {
                setTried('verify');
                verify.run(undefined as void);
              }}
              aria-disabled={verify.pending}
              loading={verify.pending || undefined}
              ariaLoadingText={t('forms.sending')}
            >
              {t('coordinator.expert.verify')}
            </Button>
            {!rejecting && (
              <Button
                variant="secondary"
                onClick={() => {
                  // Another decision begun: a verification's earlier failure is no longer the news.
                  setTried('reject');
                  setRejecting(true);
                  // The button goes: the focus goes on to the reason, not to the start of the page.
                  requestAnimationFrame(() => document.getElementById(field)?.focus());
                }}
              >
                {t('coordinator.expert.reject')}
              </Button>
            )}
          </div>
          {rejecting && (
            <Form
              {...reject.formProps}
              onSubmit={() => {
                setTried('reject');
                reject.submit(reason);
              }}
              submitLabel={t('coordinator.expert.rejectSubmit')}
            >
              <TextAreaField
                field={field}
                label={labels[field]}
                hint={t('coordinator.expert.rejectHint')}
                value={reason}
                onChange={setReason}
                errors={reject.errors}
              />
            </Form>
          )}
        </>
      ) : (
        // Decided meanwhile (another coordinator): the refetch takes the buttons and the form, the refusal stays.
        failure !== undefined && <RefusedNotice error={failure} />
      )}
    </article>
  );
}
