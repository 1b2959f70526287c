import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useUser } from '../../../api/use-session';
import { useAnnounce } from '../../../components/announcer';
import { ReasonForm } from '../../../components/reason-form';
import { Page } from '../../../components/page';
import { AppLink } from '../../../components/router-link';
import { Empty, Loading, Outcome, ProblemNotice, ReadFailure, RefusedNotice } from '../../../components/states';
import { Button, Heading, Paragraph } from '../../../components/suomifi';
import { Section } from '../../../components/section';
import { formatCents, formatDate, formatDateTime, formatNumber } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import { useBlobUrl } from '../shared/blob-url';
import '../shared/coordinator.css';
import { TableRegion } from '../../../components/table-region';
import { FilePreview } from '../shared/file-preview';
import { useAction } from '../shared/use-action';
import { approveClaim, type Claim, receiptFile, returnClaim, useClaim, useRefreshClaims } from './claims-api';

type Cost = Claim['costs'][number];

function Receipt({ claim, cost }: { claim: Claim; cost: Cost }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { url, error } = useBlobUrl(
    ['coordinator', 'receipt', cost.id, cost.receipt.sha256],
    () => receiptFile(claim.id, cost.id),
    cost.receipt.mediaType,
  );
  const label = t('coordinator.claims.receiptOf', {
    kind: t(`coordinator.costKind.${cost.kind}`),
    amount: formatCents(language, cost.amountCents),
  });
  return (
    <article className="section" aria-labelledby={`cost-${cost.id}`}>
      <Heading variant="h3" id={`cost-${cost.id}`} mb="xs">
        {label}
      </Heading>
      {cost.description && <Paragraph mb="s">{cost.description}</Paragraph>}
      <FilePreview url={url} error={error} mediaType={cost.receipt.mediaType} name={cost.receipt.name} label={label} />
    </article>
  );
}

function Amounts({ claim: c }: { claim: Claim }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const a = c.amounts;
  if (!a) return <Paragraph mb="m">{t('coordinator.claims.noAmounts')}</Paragraph>;
  const rows: [string, string][] = [
    [
      t(a.feeBasis === 'hourly' ? 'coordinator.claims.feeHourly' : 'coordinator.claims.feePerEvent', {
        rate: formatCents(language, a.rateCents),
        count: a.quarterHours,
      }),
      formatCents(language, a.grossFeeCents),
    ],
    [t('coordinator.claims.carTravel'), formatCents(language, a.carTravelCents)],
    [t('coordinator.claims.costs'), formatCents(language, a.costsCents)],
    [t('coordinator.claims.withholding'), `−${formatCents(language, a.withholdingCents)}`],
    [t('coordinator.claims.netPayable'), formatCents(language, a.netPayableCents)],
  ];
  return (
    <TableRegion boxed id="claim-amounts" caption={t('coordinator.claims.amountsCaption', { type: a.incomeType })}>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num">{value}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

// Four eyes: whether this claim needs two coordinators, and who approved it first.
function FourEyes({ claim: c, me, decidedHere }: { claim: Claim; me: string | null; decidedHere: boolean }) {
  const { t } = useTranslation();
  if (c.firstApprovedBy)
    return (
      <Outcome plain focus={decidedHere && c.firstApprovedBy === me}>
        <Paragraph mb="s">
          <strong>
            {c.firstApprovedBy === me
              ? t('coordinator.claims.secondNeededYou')
              : t('coordinator.claims.secondNeeded', { name: c.firstApprovedByName })}
          </strong>
        </Paragraph>
      </Outcome>
    );
  if (c.twoApprovalsNeeded) return <Paragraph mb="s">{t('coordinator.claims.fourEyesNote')}</Paragraph>;
  return null;
}

// One claim to decide: the work, hours, trips, receipts in the page and what it comes to; approve or return with a reason.
export function ClaimPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { id = '' } = useParams();
  const claim = useClaim(id);
  const refresh = useRefreshClaims();
  const announce = useAnnounce();
  const [returning, setReturning] = useState(false);
  // A refused approval or return (another coordinator decided meanwhile) refreshes the claim, and the decision's
  // buttons and form go with its submitted state: the refusal stays in their place.
  const [returnRefused, setReturnRefused] = useState<unknown>();
  // Only the failure of the decision tried last is shown: an approval that failed (the network) and a return that
  // then succeeded leave no old failure beside the result, nor the other way round.
  const [tried, setTried] = useState<'approve' | 'return'>();
  // A decision made here (an approval, the first of two, or a return): its outcome takes the focus once shown.
  const [decidedHere, setDecidedHere] = useState(false);
  const me = useUser()?.id ?? null;
  const approve = useAction(
    () => approveClaim(id),
    (decided) => {
      setDecidedHere(true);
      announce(t(decided.status === 'approved' ? 'coordinator.claims.approved' : 'coordinator.claims.firstApproved'));
      void refresh();
    },
  );
  const failure = tried === 'approve' ? approve.error : returnRefused;
  const c = claim.data;
  const hours = (minutes: number) => formatNumber(language, minutes / 60, 2);
  return (
    <Page
      title={
        c ? t('coordinator.claims.claimTitle', { title: c.title, name: c.expertName }) : t('coordinator.claims.claim')
      }
    >
      {claim.isPending && <Loading />}
      <ReadFailure query={claim} />
      {c && (
        <div className="two-columns wide-page">
          <div>
            <dl className="facts">
              <div>
                <dt>{t('coordinator.columns.state')}</dt>
                <dd>{t(`coordinator.claimStatus.${c.status}`)}</dd>
              </div>
              <div>
                <dt>{t('coordinator.columns.expert')}</dt>
                <dd>
                  <AppLink to={`/coordinator/experts/${c.expertId}`}>{c.expertName}</AppLink>
                </dd>
              </div>
              <div>
                <dt>{t('coordinator.columns.work')}</dt>
                <dd>
                  {c.title} ({t(`taskTypes.${c.taskType}`)}), {formatDate(language, c.workDate)}
                  {c.lateCancellation && ` – ${t('coordinator.claims.lateCancellation')}`}
                </dd>
              </div>
              <div>
                <dt>{t('coordinator.claims.hours')}</dt>
                <dd>
                  {t('coordinator.claims.hoursText', {
                    worked: hours(c.workedMinutes),
                    preparation: hours(c.preparationMinutes),
                  })}
                </dd>
              </div>
              <div>
                <dt>{t('coordinator.matching.costCentre')}</dt>
                <dd>{c.costCentre}</dd>
              </div>
              {c.note && (
                <div>
                  <dt>{t('coordinator.claims.note')}</dt>
                  <dd>{c.note}</dd>
                </div>
              )}
              {c.submittedAt && (
                <div>
                  <dt>{t('coordinator.claims.submitted')}</dt>
                  <dd>{formatDateTime(language, c.submittedAt)}</dd>
                </div>
              )}
              {c.firstApprovedBy && c.firstApprovedAt && (
                <div>
                  <dt>{t('coordinator.claims.firstApproval')}</dt>
                  <dd>
                    {t('coordinator.claims.firstApprovalText', {
                      name: c.firstApprovedByName,
                      at: formatDateTime(language, c.firstApprovedAt),
                    })}
                  </dd>
                </div>
              )}
              {c.returnReason && (
                <div>
                  <dt>{t('coordinator.claims.returnReason')}</dt>
                  <dd>{c.returnReason}</dd>
                </div>
              )}
            </dl>
            <Section headingId="trips-heading" heading={t('coordinator.claims.trips')}>
              {c.trips.length === 0 ? (
                <Empty text={t('coordinator.claims.noTrips')} />
              ) : (
                // The table's region by a name of its own: named "Trips" too, it was a second landmark of the
                // section's name, which a screen reader's list of landmarks cannot tell apart.
                <TableRegion boxed id="claim-trips" caption={t('coordinator.claims.tripsCaption')} captionHidden>
                  <thead>
                    <tr>
                      <th scope="col">{t('coordinator.claims.date')}</th>
                      <th scope="col">{t('coordinator.claims.route')}</th>
                      <th scope="col" className="num">
                        {t('coordinator.claims.km')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.trips.map((trip, i) => (
                      <tr key={i}>
                        <td>{formatDate(language, trip.date)}</td>
                        <td>
                          {trip.from} – {trip.to}
                        </td>
                        <td className="num">{formatNumber(language, trip.km, 1)}</td>
                      </tr>
                    ))}
                  </tbody>
                </TableRegion>
              )}
            </Section>
            <Section headingId="receipts-heading" heading={t('coordinator.claims.receipts')}>
              {c.costs.length === 0 ? (
                <Empty text={t('coordinator.claims.noReceipts')} />
              ) : (
                c.costs.map((cost) => <Receipt key={cost.id} claim={c} cost={cost} />)
              )}
            </Section>
          </div>
          <aside aria-labelledby="decision-heading">
            <Heading variant="h2" id="decision-heading" mb="s">
              {t('coordinator.claims.decision')}
            </Heading>
            <Amounts claim={c} />
            {c.status === 'submitted' ? (
              <>
                <FourEyes claim={c} me={me} decidedHere={decidedHere} />
                {tried === 'approve' && approve.error !== undefined && <ProblemNotice error={approve.error} />}
                <div className="actions">
                  {!(c.firstApprovedBy && c.firstApprovedBy === me) && (
                    <Button
                      onClick={() => {
                        setTried('approve');
                        approve.run(undefined as void);
                      }}
                      aria-disabled={approve.pending}
                      loading={approve.pending || undefined}
                      ariaLoadingText={t('forms.sending')}
                    >
                      {c.firstApprovedBy ? t('coordinator.claims.approveSecond') : t('coordinator.claims.approve')}
                    </Button>
                  )}
                  {!returning && (
                    <Button
                      variant="secondary"
                      onClick={() => {
                        // Another decision begun: an approval's earlier failure is no longer the news.
                        setTried('return');
                        setReturning(true);
                      }}
                    >
                      {t('coordinator.claims.return')}
                    </Button>
                  )}
                </div>
                {returning && (
                  <ReasonForm
                    focusOnOpen
                    label={t('coordinator.claims.returnReason')}
                    hint={t('coordinator.claims.returnHint')}
                    submitLabel={t('coordinator.claims.returnSubmit')}
                    send={(reason) => returnClaim(id, reason.trim())}
                    onSuccess={() => {
                      setReturning(false);
                      setDecidedHere(true);
                      announce(t('coordinator.claims.returned'));
                      void refresh();
                    }}
                    onRefused={(error) => {
                      setTried('return');
                      setReturnRefused(error);
                    }}
                  />
                )}
              </>
            ) : (
              <>
                {failure !== undefined && <RefusedNotice error={failure} />}
                <Outcome plain focus={decidedHere}>
                  <Paragraph mb="m">
                    {t('coordinator.claims.decided', { state: t(`coordinator.claimStatus.${c.status}`) })}
                  </Paragraph>
                </Outcome>
              </>
            )}
            <ul className="link-row">
              <li>
                <AppLink to="/coordinator/claims">{t('coordinator.claims.backToList')}</AppLink>
              </li>
            </ul>
          </aside>
        </div>
      )}
    </Page>
  );
}
