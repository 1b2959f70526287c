import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAnnounce } from '../../../components/announcer';
import { checkRequired, Form, TextAreaField, useSubmission } from '../../../components/form';
import { Page } from '../../../components/page';
import { AppLink } from '../../../components/router-link';
import { LoadError, Loading, ProblemNotice } from '../../../components/states';
import { Button, Heading, Paragraph } from '../../../components/suomifi';
import { formatSpan } from '../../../components/work-facts';
import { formatCents, formatDate, formatDateTime } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import { useBlobUrl } from '../shared/blob-url';
import '../shared/coordinator.css';
import { FilePreview } from '../shared/file-preview';
import { useAction } from '../shared/use-action';
import {
  approveContract,
  type Contract,
  contractPdf,
  reviseContract,
  terminateContract,
  useContract,
  useRefreshContracts,
} from './contracts-api';

function Facts({ contract: c }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const rows: [string, React.ReactNode][] = [
    [t('coordinator.columns.state'), t(`coordinator.contractStatus.${c.status}`)],
    [t('coordinator.columns.expert'), <AppLink to={`/coordinator/experts/${c.expertId}`}>{c.expertName}</AppLink>],
    [t('coordinator.contracts.orderer'), language === 'sv' ? c.organisation.nameSv : c.organisation.nameFi],
    [t('coordinator.columns.term'), `${formatDate(language, c.validFrom)}–${formatDate(language, c.validUntil)}`],
    [t('coordinator.contracts.language'), t(`coordinator.languages.${c.language}`)],
    [
      t('coordinator.contracts.tasks'),
      <ul className="plain-list">
        {c.assignments.map((a) => (
          <li key={a.id}>
            {a.title} ({t(`taskTypes.${a.taskType}`)}), {formatSpan(language, a.startsAt, a.endsAt)}
          </li>
        ))}
      </ul>,
    ],
  ];
  if (c.fee)
    rows.push([
      t('coordinator.contracts.fee'),
      t(c.fee.basis === 'hourly' ? 'coordinator.contracts.feeHourly' : 'coordinator.contracts.feePerEvent', {
        rate: formatCents(language, c.fee.rateCents),
        total: formatCents(language, c.fee.expectedCents),
      }),
    ]);
  if (c.approvedAt) rows.push([t('coordinator.contracts.approvedAt'), formatDateTime(language, c.approvedAt)]);
  if (c.signature) rows.push([t('coordinator.contracts.signedAt'), formatDateTime(language, c.signature.at)]);
  if (c.terminationReason) rows.push([t('coordinator.contracts.terminationReason'), c.terminationReason]);
  return (
    <dl className="facts">
      {rows.map(([dt, dd]) => (
        <div key={dt}>
          <dt>{dt}</dt>
          <dd>{dd}</dd>
        </div>
      ))}
    </dl>
  );
}

function Document({ contract: c }: { contract: Contract }) {
  const { t } = useTranslation();
  const { url, error } = useBlobUrl(
    ['coordinator', 'contract-pdf', c.id, c.pdfSha256],
    () => contractPdf(c.id),
    'application/pdf',
    c.pdfSha256 !== null,
  );
  if (!c.pdfSha256)
    return (
      <Paragraph mb="m">
        {c.status === 'draft' ? t('coordinator.contracts.pdfAfterApproval') : t('coordinator.contracts.pdfNotReady')}
      </Paragraph>
    );
  const name = t('coordinator.contractName', { number: c.number, version: c.version });
  return (
    <FilePreview
      url={url}
      error={error}
      mediaType="application/pdf"
      name={`${c.number}-${c.version}.pdf`}
      label={name}
    />
  );
}

function Terminate({ contract: c, onDone }: { contract: Contract; onDone: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [reason, setReason] = useState('');
  const labels = { reason: t('coordinator.contracts.terminationReason') };
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: string) => checkRequired(t, [{ field: 'reason', label: labels.reason, value: v }]),
    send: (v: string) => terminateContract(c.id, v.trim()),
    onSuccess: () => {
      announce(t('coordinator.contracts.terminated'));
      onDone();
    },
  });
  return (
    <Form {...formProps} onSubmit={() => submit(reason)} submitLabel={t('coordinator.contracts.terminateSubmit')}>
      <TextAreaField
        field="reason"
        label={labels.reason}
        hint={t('coordinator.contracts.terminationHint')}
        value={reason}
        onChange={setReason}
        errors={errors}
      />
    </Form>
  );
}

// One contract as the coordinator handles it: its terms, its PDF, and approve, a new version or an early end.
export function ContractPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contract = useContract(id);
  const refresh = useRefreshContracts();
  const announce = useAnnounce();
  const [terminating, setTerminating] = useState(false);
  const approve = useAction(
    () => approveContract(id),
    () => {
      announce(t('coordinator.contracts.approved'));
      void refresh();
    },
  );
  const revise = useAction(
    () => reviseContract(id, {}),
    (draft) => {
      announce(t('coordinator.contracts.revised', { version: draft.version }));
      void refresh();
    },
  );
  const c = contract.data;
  return (
    <Page
      title={
        c
          ? t('coordinator.contractName', { number: c.number, version: c.version })
          : t('coordinator.contracts.contract')
      }
    >
      {contract.isPending && <Loading />}
      {contract.isError && <LoadError error={contract.error} onRetry={() => void contract.refetch()} />}
      {c && (
        <>
          <Facts contract={c} />
          {approve.error !== undefined && <ProblemNotice error={approve.error} />}
          {revise.error !== undefined && <ProblemNotice error={revise.error} />}
          <div className="actions">
            {c.status === 'draft' && (
              <Button
                onClick={() => approve.run(undefined as void)}
                aria-disabled={approve.pending}
                loading={approve.pending || undefined}
                ariaLoadingText={t('forms.sending')}
              >
                {t('coordinator.contracts.approve')}
              </Button>
            )}
            {c.status === 'signed' && (
              <Button variant="secondary" onClick={() => revise.run(undefined as void)} aria-disabled={revise.pending}>
                {t('coordinator.contracts.revise')}
              </Button>
            )}
            {(c.status === 'approved' || c.status === 'signed') && !terminating && (
              <Button variant="secondary" onClick={() => setTerminating(true)}>
                {t('coordinator.contracts.terminate')}
              </Button>
            )}
          </div>
          {terminating && <Terminate contract={c} onDone={() => void refresh().then(() => setTerminating(false))} />}
          {c.supersededById && (
            <Paragraph mb="s">
              <AppLink to={`/coordinator/contracts/${c.supersededById}`}>
                {t('coordinator.contracts.newerVersion')}
              </AppLink>
            </Paragraph>
          )}
          {c.supersedesId && (
            <Paragraph mb="s">
              <AppLink to={`/coordinator/contracts/${c.supersedesId}`}>
                {t('coordinator.contracts.olderVersion')}
              </AppLink>
            </Paragraph>
          )}
          <section className="section" aria-labelledby="document-heading">
            <Heading variant="h2" id="document-heading" mb="s">
              {t('coordinator.contracts.document')}
            </Heading>
            <Document contract={c} />
          </section>
          <ul className="link-row">
            <li>
              <AppLink to="/coordinator/contracts">{t('coordinator.contracts.backToList')}</AppLink>
            </li>
          </ul>
        </>
      )}
    </Page>
  );
}
