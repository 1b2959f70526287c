import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAnnounce } from '../../components/announcer';
import { checkRequired, Form, TextField, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { Loading, Outcome, ProblemNotice, ReadFailure, RefusedNotice, type OnRefused } from '../../components/states';
import { Paragraph } from '../../components/suomifi';
import { ContractTasks } from '../../components/work-facts';
import { Section } from '../../components/section';
import { formatCents, formatDateRange, formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { type Contract, useContract, usePdfUrl, useSign } from './contracts-api';

// Browsers without a PDF viewer (most phones) get the download link alone rather than an empty box.
const PDF_IN_PAGE = navigator.pdfViewerEnabled !== false;

// The key terms as text, for screen readers and small screens: the PDF below is the binding document.
function KeyTerms({ contract }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const fee = contract.fee;
  return (
    <Section headingId="terms-heading" heading={t('contracts.keyTerms')}>
      <dl className="facts">
        <div>
          <dt>{t('contracts.parties')}</dt>
          <dd>
            {t('contracts.partiesText', {
              organisation: language === 'sv' ? contract.organisation.nameSv : contract.organisation.nameFi,
              expert: contract.expertName,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('contracts.termLabel')}</dt>
          <dd>{formatDateRange(language, contract.validFrom, contract.validUntil)}</dd>
        </div>
        <div>
          <dt>{t('contracts.tasks')}</dt>
          <dd>
            <ContractTasks tasks={contract.assignments} />
          </dd>
        </div>
        {fee && (
          <div>
            <dt>{t('contracts.fee')}</dt>
            <dd>
              {t(fee.basis === 'hourly' ? 'contracts.feeHourly' : 'contracts.feePerEvent', {
                rate: formatCents(language, fee.rateCents),
              })}{' '}
              {t('contracts.feeExpected', { amount: formatCents(language, fee.expectedCents) })}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('contracts.confidentiality')}</dt>
          <dd>{t('contracts.confidentialityText')}</dd>
        </div>
        <div>
          <dt>{t('contracts.state')}</dt>
          <dd>{t(`contracts.status.${contract.status}`)}</dd>
        </div>
      </dl>
      {contract.language !== language && (
        <Paragraph mb="m">{t(`contracts.bindingLanguage.${contract.language}`)}</Paragraph>
      )}
    </Section>
  );
}

function Document({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const { url, error } = usePdfUrl(contract);
  const name = t('contracts.name', { number: contract.number });
  if (!contract.pdfSha256)
    return (
      <Paragraph mb="m">
        {contract.status === 'draft' ? t('contracts.notApprovedYet') : t('contracts.pdfNotReady')}
      </Paragraph>
    );
  return (
    <Section headingId="document-heading" heading={t('contracts.document')}>
      {error !== undefined && <ProblemNotice error={error} />}
      {!url && error === undefined && <Loading />}
      {url && (
        <>
          {PDF_IN_PAGE ? (
            <object data={url} type="application/pdf" className="pdf-frame" title={name} aria-label={name}>
              <Paragraph>{t('contracts.noPdfViewer')}</Paragraph>
            </object>
          ) : (
            <Paragraph mb="s">{t('contracts.noPdfViewer')}</Paragraph>
          )}
          <ul className="link-row">
            <li>
              <a href={url} download={`${contract.number}.pdf`} className="download-link">
                {contract.signedCopyReady ? t('contracts.downloadSigned') : t('contracts.download')}
              </a>
            </li>
          </ul>
        </>
      )}
    </Section>
  );
}

function SignedNotice({ contract, focus }: { contract: Contract; focus: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Outcome focus={focus}>
      <Paragraph>
        {t('contracts.signedAt', {
          at: contract.signature ? formatDateTime(i18n.language as Language, contract.signature.at) : '',
        })}
      </Paragraph>
    </Outcome>
  );
}

function SignForm({
  contract,
  onSigned,
  onRefused,
}: {
  contract: Contract;
  onSigned: () => void;
  onRefused: OnRefused;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [password, setPassword] = useState('');
  const labels = { password: t('fields.password') };
  const sign = useSign(contract);
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: string) => checkRequired(t, [{ field: 'password', label: labels.password, value: v }]),
    send: (v: string) => sign.send(v),
    onSuccess: (signed) => {
      announce(t('contracts.signed'));
      onSigned();
      sign.done(signed);
    },
    onRefused,
  });
  return (
    <Section headingId="sign-heading" heading={t('contracts.signTitle')}>
      <Paragraph mb="m">{t('contracts.signIntro')}</Paragraph>
      <Form {...formProps} onSubmit={() => submit(password)} submitLabel={t('contracts.signSubmit')}>
        <TextField
          field="password"
          label={labels.password}
          type="password"
          autoComplete="current-password"
          hint={t('contracts.passwordHint')}
          value={password}
          onChange={setPassword}
          errors={errors}
        />
      </Form>
    </Section>
  );
}

export function ContractPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contract = useContract(id);
  const [justSigned, setJustSigned] = useState(false);
  // A refusal (the contract signed, cancelled or replaced meanwhile) refreshes it, and the form goes with its
  // approved state: the refusal stays here.
  const [signRefused, setSignRefused] = useState<unknown>();
  const title = contract.data ? t('contracts.name', { number: contract.data.number }) : t('contracts.contractTitle');
  return (
    <Page title={title}>
      {contract.isPending && <Loading />}
      <ReadFailure query={contract} />
      {contract.data && (
        <>
          {contract.data.status === 'signed' && <SignedNotice contract={contract.data} focus={justSigned} />}
          <KeyTerms contract={contract.data} />
          <Document contract={contract.data} />
          {contract.data.status === 'approved' && contract.data.pdfSha256 ? (
            <SignForm contract={contract.data} onSigned={() => setJustSigned(true)} onRefused={setSignRefused} />
          ) : (
            signRefused !== undefined && <RefusedNotice error={signRefused} />
          )}
          <ul className="link-row">
            <li>
              <AppLink to="/contracts">{t('contracts.backToList')}</AppLink>
            </li>
          </ul>
        </>
      )}
    </Page>
  );
}
