import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../components/announcer';
import { ReasonForm } from '../../../components/reason-form';
import { LoadError, Loading, Outcome } from '../../../components/states';
import { Button, Paragraph } from '../../../components/suomifi';
import { QuoteText } from '../../orders/cancel-order';
import type { CancellationQuote } from '../../orders/orders-api';
import { cancelAssignment, quoteAssignmentCancellation } from './matching-api';

interface Props {
  assignmentId: string;
  name: string;
  // One form open on the page at a time (its reason field has the one id): the page says which.
  open: boolean;
  onOpen: (open: boolean) => void;
  onCancelled: () => void;
}

// The coordinator cancelling one booked assignment of an order (before retiring its expert, say): what the
// late-cancellation rule makes due, as the orderer sees it for the whole order, then the reason, told on.
export function CancelAssignment({ assignmentId, name, open, onOpen, onCancelled }: Props) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const client = useQueryClient();
  const [quote, setQuote] = useState<{ pending: boolean; data?: CancellationQuote; error?: unknown }>();
  const [done, setDone] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const ask = async () => {
    onOpen(true);
    setQuote({ pending: true });
    try {
      setQuote({ pending: false, data: await quoteAssignmentCancellation(assignmentId) });
    } catch (error) {
      setQuote({ pending: false, error });
    }
  };
  const back = () => {
    onOpen(false);
    setQuote(undefined);
    requestAnimationFrame(() => opener.current?.focus());
  };
  if (done)
    return (
      <Outcome plain>
        <Paragraph>{t('coordinator.matching.cancel.done', { name })}</Paragraph>
      </Outcome>
    );
  if (!open || !quote)
    return (
      <Button
        variant="secondary"
        mt="xs"
        ref={opener}
        onClick={() => void ask()}
        aria-label={t('coordinator.matching.cancel.openName', { name })}
      >
        {t('coordinator.matching.cancel.open')}
      </Button>
    );
  return (
    <div className="cancel-assignment">
      {quote.pending && <Loading />}
      {quote.error !== undefined && <LoadError error={quote.error} onRetry={() => void ask()} />}
      {quote.data && (
        <>
          <QuoteText quote={quote.data} />
          <ReasonForm
            label={t('orders.cancel.reason')}
            hint={t('coordinator.matching.cancel.reasonHint')}
            submitLabel={quote.data.feeDue ? t('orders.cancel.confirmWithFee') : t('orders.cancel.confirm')}
            id={`cancel-${assignmentId}`}
            focusOnOpen
            send={(reason) => cancelAssignment(assignmentId, reason.trim())}
            onSuccess={() => {
              setDone(true);
              onCancelled();
              onOpen(false);
              announce(t('coordinator.matching.cancel.done', { name }));
              // The order, its matching and the expert's page (booked work) all read it.
              void client.invalidateQueries({ queryKey: ['coordinator'] });
            }}
          />
        </>
      )}
      <Button variant="secondaryNoBorder" onClick={back} mt="s">
        {t('orders.cancel.keep')}
      </Button>
    </div>
  );
}
