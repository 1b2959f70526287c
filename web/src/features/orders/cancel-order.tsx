import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { ReasonForm } from '../../components/reason-form';
import { LoadError, Loading, type OnRefused } from '../../components/states';
import { Button, InlineAlert, Paragraph } from '../../components/suomifi';
import { Section } from '../../components/section';
import { formatCents, formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import {
  type CancellationQuote,
  cancelOrder,
  type Order,
  quoteOrderCancellation,
  useInvalidateOrders,
} from './orders-api';

// Before confirming, the API's own dry run of the cancellation says whether the late-cancellation fee falls due
// and how much would be paid: the browser holds no copy of the rule. Also the coordinator's for one assignment.
export function QuoteText({ quote }: { quote: CancellationQuote }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const hours = quote.lateCancellationHours;
  // Due by the rule, but the fee run pays no fee for these (why is the expert's own business, never told here).
  const unpaid = quote.assignments.filter((a) => a.noFeePaid).length;
  if (quote.assignments.length === 0) return <Paragraph mb="m">{t('orders.cancel.nobodyBooked')}</Paragraph>;
  if (!quote.feeDue)
    return (
      <Paragraph mb="m">
        {unpaid > 0 ? t('orders.cancel.noFeePaid', { hours, count: unpaid }) : t('orders.cancel.noFee', { hours })}
      </Paragraph>
    );
  // Spaced from the reason's label below as the other answers' paragraphs are (mb="m").
  return (
    <InlineAlert status="warning" labelText={t('orders.cancel.feeDueLabel')} mb="m">
      <Paragraph>
        {t('orders.cancel.feeDue', {
          hours,
          total: formatCents(language, quote.totalFeeCents),
          count: quote.assignments.filter((a) => a.feeDue && !a.noFeePaid).length,
        })}
      </Paragraph>
      {unpaid > 0 && <Paragraph mt="xs">{t('orders.cancel.someNoFeePaid', { count: unpaid })}</Paragraph>}
      <Paragraph mt="xs">{t('orders.cancel.quotedAt', { at: formatDateTime(language, quote.quotedAt) })}</Paragraph>
    </InlineAlert>
  );
}

function CancelForm({
  order,
  quote,
  onRefused,
  onBack,
  onCancelled,
}: {
  order: Order;
  quote: CancellationQuote;
  onRefused: OnRefused;
  onBack: () => void;
  onCancelled: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const invalidate = useInvalidateOrders();
  // The button that opened the form is gone: the focus goes to what the cancellation would cost, read first.
  const start = useRef<HTMLDivElement>(null);
  useEffect(() => start.current?.focus(), []);
  return (
    <>
      <div ref={start} tabIndex={-1}>
        <QuoteText quote={quote} />
      </div>
      <ReasonForm
        label={t('orders.cancel.reason')}
        hint={t('orders.cancel.reasonHint')}
        submitLabel={quote.feeDue ? t('orders.cancel.confirmWithFee') : t('orders.cancel.confirm')}
        id="cancel-form"
        send={(reason) => cancelOrder(order.id, reason.trim())}
        onRefused={onRefused}
        onSuccess={() => {
          onCancelled();
          announce(t('orders.cancel.done'));
          void invalidate();
        }}
      />
      <Button variant="secondaryNoBorder" onClick={onBack} mt="s">
        {t('orders.cancel.keep')}
      </Button>
    </>
  );
}

// A refusal (the order cancelled or completed meanwhile) refreshes the order, and this section goes with its open
// state: the page keeps the refusal through `onRefused`. So does a refused quote (readOnce refreshes the page).
// `onCancelled`: the order is cancelled, and this section goes once the order is read again.
export function CancelOrder({
  order,
  onRefused,
  onCancelled,
}: {
  order: Order;
  onRefused: OnRefused;
  onCancelled: () => void;
}) {
  const { t } = useTranslation();
  const [quote, setQuote] = useState<{ pending: boolean; data?: CancellationQuote; error?: unknown } | undefined>();
  const opener = useRef<HTMLButtonElement>(null);
  const back = () => {
    setQuote(undefined);
    // Back where the person was: the button that opened the form.
    requestAnimationFrame(() => opener.current?.focus());
  };
  const ask = async () => {
    setQuote({ pending: true });
    onRefused(undefined);
    try {
      setQuote({ pending: false, data: await quoteOrderCancellation(order.id) });
    } catch (error) {
      setQuote({ pending: false, error });
      onRefused(error);
    }
  };
  return (
    <Section headingId="cancel-heading" heading={t('orders.cancel.heading')}>
      {!quote && (
        <Button variant="secondary" onClick={() => void ask()} ref={opener}>
          {t('orders.cancel.open')}
        </Button>
      )}
      {quote?.pending && <Loading />}
      {quote?.error !== undefined && <LoadError error={quote.error} onRetry={() => void ask()} />}
      {quote?.data && (
        <CancelForm order={order} quote={quote.data} onRefused={onRefused} onBack={back} onCancelled={onCancelled} />
      )}
    </Section>
  );
}
