import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type CeilingAmounts, isApiError } from '../../../api/problem';
import { useAnnounce } from '../../../components/announcer';
import { Facts } from '../../../components/facts';
import { fieldErrorsOf, type FieldError } from '../../../components/form';
import { Page } from '../../../components/page';
import { AppLink } from '../../../components/router-link';
import { Empty, LoadError, Loading, ProblemNotice, ReadFailure } from '../../../components/states';
import { Button, Checkbox, ErrorSummary, Heading, InlineAlert, Paragraph } from '../../../components/suomifi';
import { formatSpan, usePlace } from '../../../components/work-facts';
import { Section } from '../../../components/section';
import { formatCents, formatDateTime, formatNumber } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import { languageName } from '../../../i18n/language-names';
import { TableRegion } from '../../../components/table-region';
import '../shared/coordinator.css';
import { useAction } from '../shared/use-action';
import { useTopics } from '../experts/experts-api';
import {
  bookDirectly,
  type Candidate,
  type MatchingContext,
  type Order,
  sendOffers,
  useCandidates,
  useMatchFunnel,
  useMatchingContext,
  useOrder,
  useRefreshMatching,
} from './matching-api';
import { matchNotes, scoreParts } from './score';
import { CancelAssignment } from './cancel-assignment';

const OPEN = ['submitted', 'matching', 'partially_filled'];

// A datetime-local value in the browser's own time (the county's, for the coordinator).
// The decimals an hour count needs: 2, 0,5 or 0,25 (preparation is kept in minutes).
const decimals = (hours: number) => (Number.isInteger(hours) ? 0 : Number.isInteger(hours * 10) ? 1 : 2);

function localValue(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

// Two days to answer, but at the latest a day before the work; on the hour.
function defaultDeadline(startsAt: string): string {
  const at = new Date(Math.min(Date.now() + 48 * 3_600_000, new Date(startsAt).getTime() - 24 * 3_600_000));
  at.setMinutes(0, 0, 0);
  return localValue(at.getTime() > Date.now() ? at : new Date(Date.now() + 3_600_000));
}

// A topic's name in the page's language (its code while the list loads).
function useTopicName(): (code: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  const topics = useTopics();
  return (code) => {
    const x = topics.data?.topics.find((y) => y.code === code);
    return x ? (language === 'sv' ? x.nameSv : language === 'en' ? x.nameEn : x.nameFi) : code;
  };
}

function OrderDetails({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const place = usePlace();
  const topicName = useTopicName();
  const booked = order.assignments.filter((a) => a.status === 'accepted' || a.status === 'confirmed');
  // Cancelled here: kept in the list with their new state and the outcome, where the focus is.
  const [cancelledHere, setCancelledHere] = useState<Set<string>>(new Set());
  const [cancelling, setCancelling] = useState<string>();
  const listed = order.assignments.filter((a) => booked.includes(a) || cancelledHere.has(a.id));
  const rows: [string, string][] = [
    [t('coordinator.matching.task'), t(`taskTypes.${order.taskType}`)],
    [t('coordinator.columns.when'), formatSpan(language, order.startsAt, order.endsAt)],
    [t('coordinator.matching.place'), place(order)],
    [t('coordinator.columns.languages'), order.languages.map((l) => languageName(t, language, l)).join(', ')],
    // What the candidates must share with the order: without it, an empty list would leave the coordinator guessing.
    [
      t('coordinator.expert.topics'),
      order.topics.length > 0 ? order.topics.map(topicName).join(', ') : t('coordinator.matching.anyTopic'),
    ],
    [
      t('coordinator.matching.needed'),
      t('coordinator.today.bookedOf', { booked: booked.length, needed: order.expertsNeeded }),
    ],
    [
      t('coordinator.matching.preparation'),
      t('coordinator.matching.hours', {
        count: order.preparationHours,
        hours: formatNumber(language, order.preparationHours, decimals(order.preparationHours)),
      }),
    ],
    [t('coordinator.matching.state'), t(`coordinator.requestStatus.${order.status}`)],
    [t('coordinator.matching.costCentre'), order.costCentre],
  ];
  return (
    <Section headingId="order-heading" heading={t('coordinator.matching.order')}>
      <Facts rows={rows} />
      {order.description && <Paragraph mb="s">{order.description}</Paragraph>}
      {listed.length > 0 && (
        <>
          <Heading variant="h3" mb="xs">
            {t('coordinator.matching.bookedExperts')}
          </Heading>
          <ul className="plain-list booked-experts">
            {listed.map((a) => (
              <li key={a.id}>
                <AppLink to={`/coordinator/experts/${a.expert.id}`}>{a.expert.name}</AppLink> (
                {t(`coordinator.assignmentStatus.${a.status}`)})
                {new Date(a.endsAt).getTime() > Date.now() && (
                  <CancelAssignment
                    assignmentId={a.id}
                    name={a.expert.name}
                    open={cancelling === a.id}
                    onOpen={(open) => setCancelling(open ? a.id : undefined)}
                    onCancelled={() => setCancelledHere((s) => new Set(s).add(a.id))}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

function Offers({ context }: { context: MatchingContext }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <Section headingId="offers-heading" heading={t('coordinator.matching.offers')}>
      {context.offers.length === 0 ? (
        <Empty text={t('coordinator.matching.noOffers')} />
      ) : (
        <TableRegion boxed id="order-offers" caption={t('coordinator.matching.offersCaption')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('coordinator.columns.expert')}</th>
              <th scope="col">{t('coordinator.columns.state')}</th>
              <th scope="col">{t('coordinator.matching.offered')}</th>
              <th scope="col">{t('coordinator.columns.deadline')}</th>
              <th scope="col">{t('coordinator.matching.answer')}</th>
            </tr>
          </thead>
          <tbody>
            {context.offers.map((o) => (
              <tr key={o.id}>
                <td>
                  <AppLink to={`/coordinator/experts/${o.expertId}`}>{o.expertName}</AppLink>
                </td>
                <td>{t(`coordinator.offerStatus.${o.status}`)}</td>
                <td>{formatDateTime(language, o.offeredAt)}</td>
                <td>{formatDateTime(language, o.deadline)}</td>
                <td>
                  {o.answeredAt ? formatDateTime(language, o.answeredAt) : ''}
                  {o.declineReason ? ` – ${o.declineReason}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
    </Section>
  );
}

const stillNeeded = (order: Order) =>
  order.expertsNeeded - order.assignments.filter((a) => a.status === 'accepted' || a.status === 'confirmed').length;

// Fewer candidates than the order still needs: how many experts each condition leaves, one at a time, so that the
// coordinator sees which one empties the list (a topic nobody shares, times nobody has set) and whom to ask.
function Funnel({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const funnel = useMatchFunnel(order.id, true);
  if (!funnel.data) return null;
  return (
    <div className="match-funnel">
      <Heading variant="h3" mb="xs" id="funnel-heading">
        {t('coordinator.matching.funnel.heading')}
      </Heading>
      <Paragraph mb="xs">{t('coordinator.matching.funnel.intro')}</Paragraph>
      <ol aria-labelledby="funnel-heading">
        {funnel.data.steps.map((s) => (
          <li key={s.step}>
            {t(`coordinator.matching.funnel.step.${s.step}`)}: <strong>{formatNumber(language, s.experts)}</strong>
          </li>
        ))}
      </ol>
    </div>
  );
}

// A direct booking the API refused because it would take the expert's fees this year past the yearly earnings ceiling
// they set: the amounts in words, and booking anyway once the coordinator confirms that the expert agreed.
function CeilingConfirm({
  name,
  amounts,
  pending,
  onBook,
  onCancel,
}: {
  name: string;
  amounts: CeilingAmounts;
  pending: boolean;
  onBook: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [agreed, setAgreed] = useState(false);
  const [missing, setMissing] = useState(false);
  const start = useRef<HTMLDivElement>(null);
  // The button pressed is still there, but what it answered is here: read first.
  useEffect(() => start.current?.focus(), []);
  const euros = (cents: number) => formatCents(language, cents);
  return (
    <div ref={start} tabIndex={-1}>
      <InlineAlert status="warning" labelText={t('coordinator.matching.ceiling.title')} mb="m">
        <Paragraph mb="xs">
          {t('coordinator.matching.ceiling.body', {
            name,
            earned: euros(amounts.earnedCents),
            expected: euros(amounts.expectedCents),
            total: euros(amounts.earnedCents + amounts.expectedCents),
            ceiling: euros(amounts.ceilingCents),
          })}
        </Paragraph>
        <Paragraph mb="s">{t('coordinator.matching.ceiling.ask')}</Paragraph>
        <Checkbox
          id="ceiling-agreed"
          checked={agreed}
          onClick={({ checkboxState }) => {
            setAgreed(checkboxState);
            if (checkboxState) setMissing(false);
          }}
          status={missing ? 'error' : 'default'}
          statusText={missing ? t('coordinator.matching.ceiling.agreeFirst') : undefined}
          mb="s"
        >
          {t('coordinator.matching.ceiling.agreed', { name })}
        </Checkbox>
        <div className="actions">
          <Button
            onClick={() => {
              if (!agreed) {
                setMissing(true);
                document.getElementById('ceiling-agreed')?.focus();
                return;
              }
              onBook();
            }}
            aria-disabled={pending}
            loading={pending || undefined}
            ariaLoadingText={t('forms.sending')}
          >
            {t('coordinator.matching.ceiling.book')}
          </Button>
          <Button variant="secondaryNoBorder" onClick={onCancel}>
            {t('coordinator.matching.ceiling.cancel')}
          </Button>
        </div>
      </InlineAlert>
    </div>
  );
}

function Candidates({
  order,
  candidates,
  onDone,
}: {
  order: Order;
  candidates: Candidate[];
  onDone: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const topicName = useTopicName();
  const context = useMatchingContext(
    order.id,
    candidates.map((c) => c.expertId),
  );
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [deadline, setDeadline] = useState(() => defaultDeadline(order.startsAt));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const summary = useRef<HTMLHeadingElement>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt > 0 && errors.length > 0) summary.current?.focus();
  }, [attempt, errors.length]);

  const labels = { expertIds: t('coordinator.matching.choose'), deadline: t('coordinator.matching.deadline') };
  const send = useAction(
    (v: { ids: string[]; deadline: string }) => sendOffers(order.id, v.ids, new Date(v.deadline).toISOString()),
    (offers) => {
      setChosen(new Set());
      setFailure(undefined);
      announce(t('coordinator.matching.sent', { count: offers.length }));
      void onDone();
    },
  );
  useEffect(() => {
    if (send.error === undefined) return;
    const found = fieldErrorsOf(t, send.error, labels);
    setErrors(found);
    setFailure(found.length === 0 ? send.error : undefined);
    setAttempt((a) => a + 1);
  }, [send.error]);
  // A booking past the expert's yearly earnings ceiling, refused until the coordinator confirms that the expert agreed.
  const [crossing, setCrossing] = useState<{ expertId: string; name: string; amounts: CeilingAmounts }>();
  const lastBooked = useRef<string>(undefined);
  const book = useAction(
    (v: { expertId: string; agreed: boolean }) => bookDirectly(order.id, v.expertId, v.agreed),
    (booked) => {
      setCrossing(undefined);
      announce(t('coordinator.matching.booked', { name: booked.expert.name }));
      void onDone();
    },
  );
  const bookingError = book.error;
  const crossesCeiling =
    isApiError(bookingError) && bookingError.code === 'DIRECT_BOOKING_CROSSES_CEILING' && !!bookingError.ceiling;
  useEffect(() => {
    if (bookingError === undefined) return;
    // Another refusal (the expert booked meanwhile, say) ends the question: the refusal says why.
    if (!crossesCeiling || !isApiError(bookingError) || !bookingError.ceiling) return setCrossing(undefined);
    const candidate = candidates.find((c) => c.expertId === lastBooked.current);
    if (candidate) setCrossing({ expertId: candidate.expertId, name: candidate.name, amounts: bookingError.ceiling });
  }, [bookingError]);
  const bookExpert = (expertId: string, agreed = false) => {
    if (!agreed) setCrossing(undefined);
    lastBooked.current = expertId;
    book.reset();
    book.run({ expertId, agreed });
  };
  const cancelCrossing = () => {
    const expertId = crossing?.expertId;
    setCrossing(undefined);
    book.reset();
    // Back to the button that asked.
    requestAnimationFrame(() => document.getElementById(`book-${expertId}`)?.focus());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (chosen.size === 0) found.push({ field: 'expertIds', text: t('coordinator.matching.chooseSomeone') });
    if (!deadline) found.push({ field: 'deadline', text: t('forms.required', { field: labels.deadline }) });
    setErrors(found);
    setAttempt((a) => a + 1);
    if (found.length > 0) return;
    send.reset();
    send.run({ ids: [...chosen], deadline });
  };
  const toggle = (id: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const loadOf = (id: string) => context.data?.loads.find((l) => l.expertId === id);
  const deadlineError = errors.find((e) => e.field === 'deadline')?.text;
  const againstCap = (n: number, cap: number | null) =>
    cap === null ? String(n) : t('coordinator.matching.ofCap', { count: n, cap });

  return (
    <Section
      headingId="candidates-heading"
      heading={t('coordinator.matching.candidates', { count: candidates.length })}
    >
      {candidates.length < stillNeeded(order) && <Funnel order={order} />}
      {candidates.length === 0 ? (
        <Empty text={t('coordinator.matching.noCandidates')} />
      ) : (
        <form noValidate onSubmit={submit}>
          {errors.length > 0 && (
            <ErrorSummary
              headingRef={summary}
              headingText={t('forms.errorSummary', { count: errors.length })}
              headingVariant="h3"
              items={errors.map((e) => ({ inputId: e.field, text: e.text }))}
              mb="m"
            />
          )}
          {failure !== undefined && <ProblemNotice error={failure} />}
          {book.error !== undefined && !crossesCeiling && <ProblemNotice error={book.error} />}
          {crossing && (
            <CeilingConfirm
              key={crossing.expertId}
              name={crossing.name}
              amounts={crossing.amounts}
              pending={book.pending}
              onBook={() => bookExpert(crossing.expertId, true)}
              onCancel={cancelCrossing}
            />
          )}
          <div id="expertIds" tabIndex={-1}>
            {/* Five columns that fit beside the order at 1280 px: the row's two actions together, the reasons under the
                name, the recent offers under the load; long cells wrap. It scrolls in its region on a phone. */}
            <TableRegion
              boxed
              id="candidates"
              className="candidates-table"
              caption={t('coordinator.matching.candidatesCaption')}
            >
              <thead>
                <tr>
                  <th scope="col">{t('coordinator.matching.actionsColumn')}</th>
                  <th scope="col">{t('coordinator.matching.expertAndReasons')}</th>
                  <th scope="col" className="num">
                    {t('coordinator.matching.score')}
                  </th>
                  <th scope="col">{t('coordinator.matching.load')}</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((c) => {
                  const load = loadOf(c.expertId);
                  const parts = context.data
                    ? scoreParts(t, c.reasons, order.languages, context.data.weights, topicName)
                    : [];
                  return (
                    <tr key={c.expertId}>
                      <td>
                        <div className="candidate-actions">
                          {c.alreadyOffered ? (
                            <span>{t('coordinator.matching.alreadyOffered')}</span>
                          ) : (
                            <label className="candidate-choose">
                              <input
                                type="checkbox"
                                id={`choose-${c.expertId}`}
                                checked={chosen.has(c.expertId)}
                                onChange={(e) => toggle(c.expertId, e.target.checked)}
                                aria-label={t('coordinator.matching.chooseName', { name: c.name })}
                              />
                              <span aria-hidden="true">{t('coordinator.matching.chooseColumn')}</span>
                            </label>
                          )}
                          <Button
                            id={`book-${c.expertId}`}
                            variant="secondary"
                            onClick={() => bookExpert(c.expertId)}
                            aria-disabled={book.pending}
                            aria-label={t('coordinator.matching.bookName', { name: c.name })}
                          >
                            {t('coordinator.matching.book')}
                          </Button>
                        </div>
                      </td>
                      <td>
                        <AppLink to={`/coordinator/experts/${c.expertId}`}>{c.name}</AppLink>
                        <ul className="reasons">
                          {parts.map((p) => (
                            <li key={p.text}>
                              {p.points > 0 ? `+${p.points}` : `−${Math.abs(p.points)}`} {p.text}
                            </li>
                          ))}
                          <li className="notes">{matchNotes(t, c.reasons).join(', ')}</li>
                        </ul>
                      </td>
                      <td className="num">
                        <strong>{c.score}</strong>
                      </td>
                      <td>
                        {load ? (
                          <>
                            {t('coordinator.matching.week', { value: againstCap(load.week, load.maxPerWeek) })}
                            <br />
                            {t('coordinator.matching.month', { value: againstCap(load.month, load.maxPerMonth) })}
                            <span className="recent-offers">
                              {load.lastOfferedAt
                                ? t('coordinator.matching.lastOffered', {
                                    count: load.offersLast30Days,
                                    at: formatDateTime(language, load.lastOfferedAt),
                                  })
                                : t('coordinator.matching.neverOffered')}
                            </span>
                          </>
                        ) : (
                          '…'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </TableRegion>
          </div>
          <div className="coordinator-filters">
            <div>
              <label htmlFor="deadline">{labels.deadline}</label>
              <input
                id="deadline"
                type="datetime-local"
                value={deadline}
                onChange={(e) => setDeadline(e.target.value)}
                aria-invalid={deadlineError ? true : undefined}
                aria-describedby={deadlineError ? 'deadline-error' : undefined}
              />
              {deadlineError && (
                <Paragraph id="deadline-error" className="field-error">
                  {deadlineError}
                </Paragraph>
              )}
            </div>
            <div>
              <Button
                type="submit"
                aria-disabled={send.pending}
                loading={send.pending || undefined}
                ariaLoadingText={t('forms.sending')}
              >
                {t('coordinator.matching.send', { count: chosen.size })}
              </Button>
            </div>
          </div>
        </form>
      )}
    </Section>
  );
}

// Matching an order: its ranked candidates and why, their load, the offers made so far, the order beside.
export function MatchingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useOrder(id);
  const open = !!order.data && OPEN.includes(order.data.status);
  const candidates = useCandidates(id, open);
  const context = useMatchingContext(id, []);
  const refresh = useRefreshMatching(id);
  const closed =
    candidates.isError &&
    isApiError(candidates.error) &&
    (candidates.error.code === 'REQUEST_ALREADY_FILLED' || candidates.error.code === 'REQUEST_NOT_OPEN_FOR_MATCHING');
  return (
    <Page
      title={
        order.data
          ? t('coordinator.matching.title', { title: order.data.title })
          : t('coordinator.matching.titleLoading')
      }
    >
      {order.isPending && <Loading />}
      <ReadFailure query={order} />
      {order.data && (
        <div className="two-columns wide-page">
          <div>
            {!open && (
              <Paragraph mb="m">
                {t('coordinator.matching.notOpen', { state: t(`coordinator.requestStatus.${order.data.status}`) })}
              </Paragraph>
            )}
            {open && candidates.isPending && <Loading />}
            {closed && <Paragraph mb="m">{t('coordinator.matching.closed')}</Paragraph>}
            {candidates.isError && !closed && (
              <LoadError error={candidates.error} onRetry={() => void candidates.refetch()} />
            )}
            {candidates.data && <Candidates order={order.data} candidates={candidates.data} onDone={refresh} />}
            {context.data && <Offers context={context.data} />}
          </div>
          <aside aria-labelledby="order-heading">
            <OrderDetails order={order.data} />
          </aside>
        </div>
      )}
    </Page>
  );
}
