import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/problem';
import { useAnnounce } from '../../components/announcer';
import { fieldBinder, Form, TextAreaField, useSubmission } from '../../components/form';
import { AppLink } from '../../components/router-link';
import { Outcome, ProblemNotice, RefusedNotice, type OnRefused, LoadedPage } from '../../components/states';
import { Button, Heading, InlineAlert, Paragraph } from '../../components/suomifi';
import { WorkFacts } from '../../components/work-facts';
import { Section } from '../../components/section';
import { formatCents, formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { type Accepted, isWaiting, type Offer, useAcceptOffer, useDeclineOffer, useOffers } from './offers-api';

function AcceptedNotice({ result }: { result: Accepted }) {
  const { t } = useTranslation();
  return (
    <Outcome>
      <Paragraph mb="s">{t('offers.accepted')}</Paragraph>
      <Paragraph mb="s">{t('offers.contractNext')}</Paragraph>
      <ul className="link-row">
        <li>
          <AppLink to={result.contract ? `/contracts/${result.contract.id}` : '/contracts'}>
            {t('offers.toContract')}
          </AppLink>
        </li>
        <li>
          <AppLink to={`/assignments/${result.id}`}>{t('offers.toAssignment')}</AppLink>
        </li>
      </ul>
    </Outcome>
  );
}

// A decline that found the offer closed meanwhile (its order filled or cancelled, its time run out, withdrawn, or
// answered in another tab): nothing is left to decline, so it is no failure of the form. The page says that the offer
// was already closed and why, and neither thanks for the decline nor for the interest (as a refused accept does).
const closedReasons = ['accepted', 'declined', 'expired', 'withdrawn', 'requestCancelled'] as const;
type ClosedReason = (typeof closedReasons)[number] | 'filled' | 'other';

function closedReason(error: unknown): ClosedReason | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'REQUEST_ALREADY_FILLED') return 'filled';
  if (error.code !== 'OFFER_NOT_OPEN') return undefined;
  return closedReasons.find((r) => r === error.reason) ?? 'other';
}

// The offer's state as the refusal names it, until the refetch after it brings the offer as it now is.
const closedStatus: Record<ClosedReason, Offer['status'] | undefined> = {
  accepted: 'accepted',
  declined: 'declined',
  expired: 'expired',
  withdrawn: 'withdrawn',
  requestCancelled: 'withdrawn',
  filled: 'withdrawn',
  other: undefined,
};

type DeclineOutcome = { closed: ClosedReason } | { closed?: undefined };

function DeclineForm({
  offer,
  onDone,
  onRefused,
}: {
  offer: Offer;
  onDone: (outcome: DeclineOutcome) => void;
  onRefused: OnRefused;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [values, setValues] = useState({ reason: '' });
  const labels = { reason: t('offers.decline.reason') };
  const decline = useDeclineOffer(offer.id);
  const { submit, formProps, errors } = useSubmission({
    labels,
    send: (v: typeof values): Promise<DeclineOutcome> =>
      decline.send(v.reason).then(
        () => ({}),
        (error: unknown) => {
          const closed = closedReason(error);
          if (closed) return { closed };
          throw error;
        },
      ),
    onRefused,
    onSuccess: (outcome) => {
      if (!outcome.closed) announce(t('offers.declined'));
      onDone(outcome);
      void decline.done();
    },
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <Section headingId="decline-heading" heading={t('offers.decline.title')}>
      <Form {...formProps} onSubmit={() => submit(values)} submitLabel={t('offers.decline.submit')}>
        <TextAreaField {...bind('reason')} hint={t('offers.decline.reasonHint')} optional />
      </Form>
    </Section>
  );
}

function OfferDetails({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const accept = useAcceptOffer(offer.id);
  const [needsAck, setNeedsAck] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [declined, setDeclined] = useState(false);
  const [closed, setClosed] = useState<ClosedReason>();
  const open = isWaiting(offer) && !accept.isSuccess && !declined && !closed;
  // A refusal (the offer withdrawn, expired or answered meanwhile) refreshes the offers, and the answer's buttons and
  // form go with its open state: the refusal stays here.
  const [refused, setRefused] = useState<unknown>();

  // A ref, not isPending: a second click in the same frame comes before React has rendered the first.
  const busy = useRef(false);
  const doAccept = (acknowledge: boolean) => {
    if (busy.current) return;
    busy.current = true;
    setRefused(undefined);
    accept.mutate(acknowledge, {
      onSettled: () => {
        busy.current = false;
      },
      onSuccess: () => announce(t('offers.accepted')),
      onError: (error) => {
        if (isApiError(error) && error.code === 'EARNINGS_CEILING_ACK_REQUIRED') setNeedsAck(true);
        else setRefused(error);
      },
    });
  };
  const failure =
    accept.isError && !(isApiError(accept.error) && accept.error.code === 'EARNINGS_CEILING_ACK_REQUIRED')
      ? accept.error
      : undefined;

  return (
    <>
      {offer.description && <Paragraph mb="m">{offer.description}</Paragraph>}
      <WorkFacts work={offer}>
        {offer.expectedFeeCents !== undefined && offer.expectedFeeCents !== null && (
          <div>
            <dt>{t('offers.fee')}</dt>
            <dd>{t('offers.feeEstimate', { amount: formatCents(language, offer.expectedFeeCents) })}</dd>
          </div>
        )}
        {/* Answered: the deadline has nothing left to ask. */}
        {open && (
          <div>
            <dt>{t('offers.deadline')}</dt>
            <dd>{formatDateTime(language, offer.deadline)}</dd>
          </div>
        )}
        {!open && (
          <div>
            <dt>{t('offers.state')}</dt>
            <dd>
              {t(
                `offers.status.${accept.isSuccess ? 'accepted' : declined ? 'declined' : offer.status === 'offered' ? ((closed && closedStatus[closed]) ?? 'expired') : offer.status}`,
              )}
            </dd>
          </div>
        )}
      </WorkFacts>
      {/* Booked directly by the coordinator (agreed by phone, say), which withdrew the offer: it leads to the work. */}
      {offer.status === 'withdrawn' && offer.assignmentId && (
        <InlineAlert status="neutral" my="m">
          <Paragraph mb="s">{t('offers.bookedDirectly')}</Paragraph>
          <AppLink to={`/assignments/${offer.assignmentId}`}>{t('offers.toAssignment')}</AppLink>
        </InlineAlert>
      )}
      {accept.data && <AcceptedNotice result={accept.data} />}
      {declined && (
        <Outcome>
          <Paragraph>{t('offers.declined')}</Paragraph>
        </Outcome>
      )}
      {closed && (
        <Outcome>
          <Paragraph mb={closed === 'accepted' && offer.assignmentId ? 's' : undefined}>
            {t(`offers.alreadyClosed.${closed}`)}
          </Paragraph>
          {closed === 'accepted' && offer.assignmentId && (
            <AppLink to={`/assignments/${offer.assignmentId}`}>{t('offers.toAssignment')}</AppLink>
          )}
        </Outcome>
      )}
      {!open && refused !== undefined && <RefusedNotice error={refused} />}
      {open && (
        <>
          {failure !== undefined && <ProblemNotice error={failure} />}
          {needsAck ? (
            <Outcome>
              <Heading variant="h2" mb="s">
                {t('offers.ceiling.title')}
              </Heading>
              <Paragraph mb="s">{t('offers.ceiling.body')}</Paragraph>
              <div className="actions">
                <Button
                  onClick={() => doAccept(true)}
                  aria-disabled={accept.isPending}
                  loading={accept.isPending || undefined}
                  ariaLoadingText={t('forms.sending')}
                >
                  {t('offers.ceiling.accept')}
                </Button>
                <Button variant="secondary" onClick={() => setDeclining(true)}>
                  {t('offers.decline.open')}
                </Button>
              </div>
            </Outcome>
          ) : (
            <div className="actions">
              <Button
                onClick={() => doAccept(false)}
                aria-disabled={accept.isPending}
                loading={accept.isPending || undefined}
                ariaLoadingText={t('forms.sending')}
              >
                {t('offers.accept')}
              </Button>
              <Button variant="secondary" onClick={() => setDeclining(true)} aria-expanded={declining}>
                {t('offers.decline.open')}
              </Button>
            </div>
          )}
          {declining && (
            <DeclineForm
              offer={offer}
              onDone={(outcome) => (outcome.closed ? setClosed(outcome.closed) : setDeclined(true))}
              onRefused={setRefused}
            />
          )}
        </>
      )}
      <ul className="link-row">
        <li>
          <AppLink to="/offers">{t('offers.backToList')}</AppLink>
        </li>
      </ul>
    </>
  );
}

export function OfferPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const offers = useOffers();
  const find = (list: Offer[] | undefined) => list?.find((o) => o.id === id);
  return (
    <LoadedPage query={offers} title={(list) => find(list)?.title ?? t('offers.offerTitle')}>
      {(list) => {
        const offer = find(list);
        // Keyed by the offer: its answer's state (accepted, declined, found closed) is of this offer only, when the
        // page goes from one offer to another.
        return offer ? <OfferDetails key={offer.id} offer={offer} /> : <Paragraph>{t('offers.notFound')}</Paragraph>;
      }}
    </LoadedPage>
  );
}
