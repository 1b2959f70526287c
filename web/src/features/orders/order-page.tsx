import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/problem';
import { useAnnounce } from '../../components/announcer';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { saveBlob } from '../../components/save-file';
import {
  LoadError,
  Loading,
  ProblemNotice,
  ReadFailure,
  RefreshFailed,
  RefusedNotice,
  type OnRefused,
} from '../../components/states';
import { failedToLoad } from '../../components/query-state';
import { Button, Paragraph } from '../../components/suomifi';
import { formatSpan, usePlace } from '../../components/work-facts';
import { Section } from '../../components/section';
import { formatCents, formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { languageName } from '../../i18n/language-names';
import { AssignmentCard } from './assignment-card';
import { CancelOrder } from './cancel-order';
import { canCancel, organisationName, useFocusOnChange, waitingFor } from './order-state';
import {
  downloadMaterial,
  type Order,
  submitOrder,
  type TimelineEvent,
  useInvalidateOrders,
  useMyOrganisations,
  useOrder,
  useTimeline,
} from './orders-api';
import './orders.css';

function Facts({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const place = usePlace();
  const organisations = useMyOrganisations();
  const [failure, setFailure] = useState<unknown>();
  const row = (label: string, value: string | React.ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const download = async () => {
    setFailure(undefined);
    try {
      saveBlob(await downloadMaterial(order.id), order.materialFile!.fileName);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <>
      <dl className="facts">
        {row(
          t('orders.fields.organisation'),
          organisationName(
            organisations.data?.find((o) => o.id === order.organisationId),
            language,
          ) || order.costCentre,
        )}
        {row(t('orders.fields.taskType'), t(`taskTypes.${order.taskType}`))}
        {row(t('work.when'), formatSpan(language, order.startsAt, order.endsAt))}
        {row(t('work.where'), place(order))}
        {order.meetingPoint && row(t('orders.fields.meetingPoint'), order.meetingPoint)}
        {order.remoteTool && row(t('orders.fields.remoteTool'), order.remoteTool)}
        {row(
          t('work.preparation'),
          order.preparationHours > 0
            ? t('work.preparationHours', { hours: order.preparationHours.toLocaleString(language) })
            : t('work.noPreparation'),
        )}
        {row(t('orders.fields.expertsNeeded'), String(order.expertsNeeded))}
        {row(t('orders.fields.languages'), order.languages.map((l) => languageName(t, language, l)).join(', '))}
        {order.goal && row(t('orders.fields.goal'), order.goal)}
        {order.audience && row(t('orders.fields.audience'), order.audience)}
        {order.expertRole && row(t('orders.fields.expertRole'), order.expertRole)}
        {order.materialUrl &&
          row(
            t('orders.fields.materialUrl'),
            <a href={order.materialUrl} rel="noopener noreferrer" target="_blank">
              {order.materialUrl}
            </a>,
          )}
        {order.materialFile &&
          row(
            t('orders.fields.materialFile'),
            <Button
              variant="secondaryNoBorder"
              onClick={() => void download()}
              aria-label={t('orders.order.downloadNamed', { name: order.materialFile.fileName })}
            >
              {order.materialFile.fileName}
            </Button>,
          )}
      </dl>
      {/* Below the list, not beside the file: a file removed meanwhile leaves the list with the refetch. */}
      {failure !== undefined && <RefusedNotice error={failure} />}
    </>
  );
}

function Estimate({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (order.feeEstimateCents === null)
    return <Paragraph className="estimate">{t('orders.order.noEstimate')}</Paragraph>;
  // The API's total leaves out the experts for whose work no fee is paid.
  const total = order.feeEstimateTotalCents ?? order.feeEstimateCents * order.expertsNeeded;
  const lessened = total !== order.feeEstimateCents * order.expertsNeeded;
  return (
    <div className="estimate">
      <Paragraph>
        {t('orders.order.estimate', { fee: formatCents(language, order.feeEstimateCents) })}
        {(order.expertsNeeded > 1 || lessened) &&
          ` ${t('orders.order.estimateTotal', { count: order.expertsNeeded, total: formatCents(language, total) })}`}
      </Paragraph>
      {lessened && <Paragraph mt="xs">{t('orders.order.estimateNoFee')}</Paragraph>}
      <Paragraph mt="xs">{t('orders.order.estimateNote')}</Paragraph>
    </div>
  );
}

// A refusal (the order was sent or cancelled meanwhile, in another tab) refreshes the order, and this section goes
// with its draft state: the page keeps the refusal through `onRefused`.
function SendDraft({ order, onRefused, onSent }: { order: Order; onRefused: OnRefused; onSent: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const invalidate = useInvalidateOrders();
  const [state, setState] = useState<{ pending: boolean; failure?: unknown }>({ pending: false });
  const send = async () => {
    if (state.pending) return;
    setState({ pending: true });
    onRefused(undefined);
    try {
      await submitOrder(order.id);
      onSent();
      announce(t('orders.order.sent'));
      await invalidate();
      setState({ pending: false });
    } catch (error) {
      setState({ pending: false, failure: error });
      onRefused(error);
    }
  };
  return (
    <Section headingId="send-heading" heading={t('orders.order.sendHeading')}>
      <Estimate order={order} />
      <Paragraph mb="m">{t('orders.order.sendIntro')}</Paragraph>
      {state.failure !== undefined && <ProblemNotice error={state.failure} />}
      <div className="actions">
        <Button
          onClick={() => void send()}
          aria-disabled={state.pending}
          loading={state.pending || undefined}
          ariaLoadingText={t('forms.sending')}
        >
          {t('orders.order.send')}
        </Button>
        <AppLink to={`/orders/${order.id}/edit`}>{t('orders.order.edit')}</AppLink>
      </div>
    </Section>
  );
}

const kindText = (t: (key: string, options?: Record<string, unknown>) => string, e: TimelineEvent, order: Order) => {
  const expert = e.assignmentId ? order.assignments.find((a) => a.id === e.assignmentId)?.expert.name : undefined;
  const text = t(`orders.timeline.${e.kind}`, { count: e.count });
  return expert ? `${text}: ${expert}` : text;
};

function Timeline({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const events = useTimeline(order.id, true);
  return (
    <Section headingId="timeline-heading" heading={t('orders.timeline.heading')}>
      {events.isPending && <Loading />}
      <ReadFailure query={events} />
      {events.data && (
        <ol className="timeline">
          {events.data.map((e, i) => (
            <li key={`${e.kind}-${e.at}-${i}`}>
              <time dateTime={e.at}>{formatDateTime(language, e.at)}</time>
              {kindText(t, e, order)}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

// The fee of the work done or cancelled late, at the estimate's rate: what the order has cost so far. Work for which
// no fee is paid counts as work, at no cost.
function CostSoFar({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const work = order.assignments.filter((a) => a.status === 'completed' || (a.status === 'cancelled' && a.feeDue));
  const counted = work.length;
  const paid = work.filter((a) => !a.noFeePaid).length;
  if (order.status === 'draft') return null;
  return (
    <Section headingId="cost-heading" heading={t('orders.cost.heading')}>
      <Paragraph>
        {order.feeEstimateCents === null
          ? t('orders.order.noEstimate')
          : t('orders.cost.sofar', { total: formatCents(language, paid * order.feeEstimateCents), count: counted })}
      </Paragraph>
      <Paragraph mt="xs">{t('orders.cost.note')}</Paragraph>
    </Section>
  );
}

export function OrderNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('orders.notFound.title')}>
      <Paragraph mb="m">{t('orders.notFound.body')}</Paragraph>
      <AppLink to="/orders">{t('orders.backToList')}</AppLink>
    </Page>
  );
}

export function OrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useOrder(id);
  const [sendRefused, setSendRefused] = useState<unknown>();
  const [cancelRefused, setCancelRefused] = useState<unknown>();
  // Sent or cancelled here, the section whose button did it goes: the line that says the order's new state takes
  // the focus.
  const stateLine = useFocusOnChange<HTMLDivElement>(order.data?.status);
  if (order.isPending)
    return (
      <Page title={t('orders.order.title')}>
        <Loading />
      </Page>
    );
  if (failedToLoad(order)) {
    if (isApiError(order.error) && order.error.status === 404) return <OrderNotFound />;
    return (
      <Page title={t('orders.order.title')}>
        <LoadError error={order.error} onRetry={() => void order.refetch()} />
      </Page>
    );
  }
  const o = order.data;
  const booked = o.assignments;
  return (
    <Page title={o.title}>
      <RefreshFailed query={order} />
      <div ref={stateLine.ref} tabIndex={-1} className="form-failure">
        <Paragraph mb="m">
          <strong>{t(`orders.status.${o.status}`)}</strong>: {t(`orders.waiting.${waitingFor(o)}`)}
        </Paragraph>
      </div>
      {o.status === 'draft' ? (
        <SendDraft order={o} onRefused={setSendRefused} onSent={stateLine.expect} />
      ) : (
        sendRefused !== undefined && <RefusedNotice error={sendRefused} />
      )}
      <Section headingId="facts-heading" heading={t('orders.order.details')}>
        <Facts order={o} />
        {/* A cancelled order's cost is what the cost section says; an estimate of it would only mislead. */}
        {o.status !== 'draft' && o.status !== 'cancelled' && <Estimate order={o} />}
      </Section>
      {o.status !== 'draft' && (
        <Section headingId="experts-heading" heading={t('orders.experts.heading')}>
          {booked.length === 0 ? (
            <Paragraph>
              {t(o.status === 'cancelled' ? 'orders.experts.noneCancelled' : 'orders.experts.none')}
            </Paragraph>
          ) : (
            <ul className="card-list">
              {booked.map((a) => (
                <AssignmentCard key={a.id} order={o} assignment={a} />
              ))}
            </ul>
          )}
        </Section>
      )}
      <CostSoFar order={o} />
      <Timeline order={o} />
      {canCancel(o) ? (
        <CancelOrder order={o} onRefused={setCancelRefused} onCancelled={stateLine.expect} />
      ) : (
        cancelRefused !== undefined && <RefusedNotice error={cancelRefused} />
      )}
      <ul className="link-row">
        <li>
          <AppLink to="/orders">{t('orders.backToList')}</AppLink>
        </li>
      </ul>
    </Page>
  );
}
