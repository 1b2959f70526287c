import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CheckboxesField, DateTimeField } from '../../../components/fields';
import { useAnnounce } from '../../../components/announcer';
import { Facts } from '../../../components/facts';
import { checkRequired, type FieldError, fieldBinder, Form, useSubmission } from '../../../components/form';
import { ReasonForm } from '../../../components/reason-form';
import { Page } from '../../../components/page';
import { AppLink } from '../../../components/router-link';
import {
  Loading,
  ProblemNotice,
  ReadFailure,
  RefusedNotice,
  type OnRefused,
  useKeptRefusal,
} from '../../../components/states';
import { failedToLoad } from '../../../components/query-state';
import { Button, Paragraph } from '../../../components/suomifi';
import { ContractTasks, formatSpan } from '../../../components/work-facts';
import { Section } from '../../../components/section';
import { formatCents, formatDateRange, formatDateTime } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import { useBlobUrl } from '../shared/blob-url';
import '../shared/coordinator.css';
import { FilePreview } from '../shared/file-preview';
import { useAction } from '../shared/use-action';
import {
  approveContract,
  type Contract,
  contractPdf,
  contractPreviewPdf,
  createContract,
  reviseContract,
  terminateContract,
  useContract,
  useRefreshContracts,
  useSeriesCandidates,
} from './contracts-api';

function Terms({ contract: c }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const rows: [string, React.ReactNode][] = [
    [t('coordinator.columns.state'), t(`coordinator.contractStatus.${c.status}`)],
    [t('coordinator.columns.expert'), <AppLink to={`/coordinator/experts/${c.expertId}`}>{c.expertName}</AppLink>],
    [t('coordinator.contracts.orderer'), language === 'sv' ? c.organisation.nameSv : c.organisation.nameFi],
    [t('coordinator.columns.term'), formatDateRange(language, c.validFrom, c.validUntil)],
    [t('coordinator.contracts.language'), t(`coordinator.languages.${c.language}`)],
    [t('coordinator.contracts.tasks'), <ContractTasks tasks={c.assignments} />],
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
  return <Facts rows={rows} />;
}

function Document({ contract: c }: { contract: Contract }) {
  const { t } = useTranslation();
  const draft = c.status === 'draft';
  const { url, error } = useBlobUrl(
    ['coordinator', 'contract-pdf', c.id, draft ? `draft-${c.createdAt}` : c.pdfSha256],
    () => (draft ? contractPreviewPdf(c.id) : contractPdf(c.id)),
    'application/pdf',
    draft || c.pdfSha256 !== null,
  );
  const name = t('coordinator.contractName', { number: c.number, version: c.version });
  if (draft)
    return (
      <>
        <Paragraph mb="s">{t('coordinator.contracts.previewNote')}</Paragraph>
        <FilePreview
          url={url}
          error={error}
          mediaType="application/pdf"
          name={`${c.number}-${c.version}-draft.pdf`}
          label={t('coordinator.contracts.previewLabel', { name })}
        />
      </>
    );
  if (!c.pdfSha256) return <Paragraph mb="m">{t('coordinator.contracts.pdfNotReady')}</Paragraph>;
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
  const draft = c.status === 'draft';
  return (
    <ReasonForm
      focusOnOpen
      label={draft ? t('coordinator.contracts.withdrawReason') : t('coordinator.contracts.terminationReason')}
      hint={t('coordinator.contracts.terminationHint')}
      submitLabel={draft ? t('coordinator.contracts.withdraw') : t('coordinator.contracts.terminateSubmit')}
      send={(reason) => terminateContract(c.id, reason.trim())}
      onSuccess={() => {
        announce(draft ? t('coordinator.contracts.withdrawn') : t('coordinator.contracts.terminated'));
        onDone();
      }}
    />
  );
}

// A new version of a signed contract, with its term changed if need be; the draft opens for approval.
function Revise({ contract: c, onRefused }: { contract: Contract; onRefused: OnRefused }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const refresh = useRefreshContracts();
  const [term, setTerm] = useState({ validFrom: c.validFrom, validUntil: c.validUntil });
  const labels = {
    validFrom: t('coordinator.contracts.validFrom'),
    validUntil: t('coordinator.contracts.validUntil'),
  };
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: typeof term) => termErrors(t, v, labels),
    send: (v: typeof term) => reviseContract(c.id, v),
    onSuccess: (draft) => {
      announce(t('coordinator.contracts.revised', { version: draft.version }));
      void refresh();
      void navigate(`/coordinator/contracts/${draft.id}`);
    },
    onRefused,
  });
  return (
    <Section
      headingId="revise-heading"
      heading={t('coordinator.contracts.reviseHeading')}
      className="section content-narrow"
    >
      <Paragraph mb="s">{t('coordinator.contracts.reviseIntro')}</Paragraph>
      <Form {...formProps} onSubmit={() => submit(term)} submitLabel={t('coordinator.contracts.revise')}>
        <TermFields term={term} onChange={setTerm} labels={labels} errors={errors} />
      </Form>
    </Section>
  );
}

function termErrors(
  t: ReturnType<typeof useTranslation>['t'],
  v: { validFrom: string; validUntil: string },
  labels: { validFrom: string; validUntil: string },
): FieldError[] {
  const found = checkRequired(t, [
    { field: 'validFrom', label: labels.validFrom, value: v.validFrom },
    { field: 'validUntil', label: labels.validUntil, value: v.validUntil },
  ]);
  if (found.length === 0 && v.validUntil < v.validFrom)
    found.push({ field: 'validUntil', text: t('coordinator.contracts.termReversed') });
  return found;
}

function TermFields({
  term,
  onChange,
  labels,
  errors,
}: {
  term: { validFrom: string; validUntil: string };
  onChange: (term: { validFrom: string; validUntil: string }) => void;
  labels: { validFrom: string; validUntil: string };
  errors: FieldError[];
}) {
  const { t } = useTranslation();
  const bind = fieldBinder(term, (update) => onChange(update(term)), labels, errors);
  return (
    <>
      <DateTimeField {...bind('validFrom')} type="date" />
      <DateTimeField {...bind('validUntil')} type="date" hint={t('coordinator.contracts.termHint')} />
    </>
  );
}

// A series: this draft and the expert's other drafts from the same orderer become one contract, for recurring work.
function Series({ contract: c, onRefused }: { contract: Contract; onRefused: OnRefused }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const navigate = useNavigate();
  const refresh = useRefreshContracts();
  const candidates = useSeriesCandidates(c.expertId, c.organisation.id, true);
  const others = (candidates.data?.items ?? []).filter((o) => o.id !== c.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const picked = others.filter((o) => chosen.includes(o.id));
  const span = [c, ...picked];
  const defaultTerm = {
    validFrom: span.map((o) => o.validFrom).sort()[0],
    validUntil: span
      .map((o) => o.validUntil)
      .sort()
      .reverse()[0],
  };
  const [term, setTerm] = useState<{ validFrom: string; validUntil: string } | null>(null);
  const shown = term ?? defaultTerm;
  const labels = {
    assignmentIds: t('coordinator.contracts.seriesChoose'),
    validFrom: t('coordinator.contracts.validFrom'),
    validUntil: t('coordinator.contracts.validUntil'),
  };
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: { ids: string[]; term: typeof shown }) => [
      ...(v.ids.length === 0 ? [{ field: 'assignmentIds', text: t('coordinator.contracts.seriesPickOne') }] : []),
      ...termErrors(t, v.term, labels),
    ],
    send: (v: { ids: string[]; term: typeof shown }) =>
      createContract({
        expertId: c.expertId,
        assignmentIds: [c, ...others.filter((o) => v.ids.includes(o.id))].flatMap((o) =>
          o.assignments.map((a) => a.id),
        ),
        ...v.term,
      }),
    onSuccess: (made) => {
      announce(t('coordinator.contracts.seriesMade', { number: made.number }));
      void refresh();
      void navigate(`/coordinator/contracts/${made.id}`);
    },
    onRefused,
  });
  return (
    <Section
      headingId="series-heading"
      heading={t('coordinator.contracts.seriesHeading')}
      className="section content-narrow"
    >
      <Paragraph mb="s">{t('coordinator.contracts.seriesIntro')}</Paragraph>
      <ReadFailure query={candidates} />
      {candidates.isPending ? (
        <Loading />
      ) : failedToLoad(candidates) ? null : others.length === 0 ? (
        <Paragraph mb="s">{t('coordinator.contracts.seriesNone')}</Paragraph>
      ) : (
        <Form
          {...formProps}
          onSubmit={() => submit({ ids: chosen, term: shown })}
          submitLabel={t('coordinator.contracts.seriesSubmit')}
        >
          <CheckboxesField
            field="assignmentIds"
            label={labels.assignmentIds}
            errors={errors}
            value={chosen}
            onChange={(ids) => {
              setChosen(ids);
              setTerm(null);
            }}
            options={others.map((o) => ({
              value: o.id,
              label: t('coordinator.contracts.seriesOption', {
                name: t('coordinator.contractName', { number: o.number, version: o.version }),
                tasks: o.assignments.map((a) => `${a.title}, ${formatSpan(language, a.startsAt, a.endsAt)}`).join('; '),
              }),
            }))}
          />
          <TermFields term={shown} onChange={setTerm} labels={labels} errors={errors} />
        </Form>
      )}
    </Section>
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
  const c = contract.data;
  // A refused series or new version (the contract changed meanwhile) refreshes it, and the form goes with the status
  // it was refused in: the refusal stays here.
  const refusal = useKeptRefusal(c?.status ?? '');
  return (
    <Page
      title={
        c
          ? t('coordinator.contractName', { number: c.number, version: c.version })
          : t('coordinator.contracts.contract')
      }
    >
      {contract.isPending && <Loading />}
      <ReadFailure query={contract} />
      {c && (
        <>
          <Terms contract={c} />
          {/* Approved meanwhile, the button is gone: the refusal takes its focus. */}
          {approve.error !== undefined &&
            (c.status === 'draft' ? <ProblemNotice error={approve.error} /> : <RefusedNotice error={approve.error} />)}
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
            {(c.status === 'draft' || c.status === 'approved' || c.status === 'signed') && !terminating && (
              <Button variant="secondary" onClick={() => setTerminating(true)}>
                {c.status === 'draft' ? t('coordinator.contracts.withdraw') : t('coordinator.contracts.terminate')}
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
          <Section headingId="document-heading" heading={t('coordinator.contracts.document')}>
            <Document contract={c} />
          </Section>
          {c.status === 'draft' && <Series key={c.id} contract={c} onRefused={refusal.keep} />}
          {c.status === 'signed' && <Revise key={c.id} contract={c} onRefused={refusal.keep} />}
          {refusal.gone !== undefined && <RefusedNotice error={refusal.gone} />}
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
