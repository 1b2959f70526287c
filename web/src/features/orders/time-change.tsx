import { useEffect, useRef, useState } from 'react';
import type { OnRefused } from '../../components/states';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../api/problem';
import { useAnnounce } from '../../components/announcer';
import { type FieldError, Form, useSubmission } from '../../components/form';
import { Button, Heading, Paragraph } from '../../components/suomifi';
import { formatSpan, proposalLapsed } from '../../components/work-facts';
import { formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { helsinkiInstant, helsinkiParts, MAX_ASSIGNMENT_MS } from './helsinki-time';
import { type OrderAssignment, proposeTimeChange, useInvalidateOrders } from './orders-api';
import { type When, WhenFields } from './when-fields';

// The form's own field ids (an order page may show several experts); the API names startsAt and endsAt.
const FIELD_OF: Record<string, string> = { startsAt: 'timeChangeStartsAt', endsAt: 'timeChangeEndsAt' };

function renamed(error: unknown): unknown {
  if (!isApiError(error)) return error;
  const fields = error.fields.map((f) => ({ ...f, field: FIELD_OF[f.field] ?? f.field }));
  return new ApiError(error.status, error.code, error.correlationId, fields);
}

function ProposeForm({
  assignment,
  onDone,
  onRefused,
}: {
  assignment: OrderAssignment;
  onDone: (sent: boolean) => void;
  onRefused: OnRefused;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const invalidate = useInvalidateOrders();
  const first = useRef<HTMLDivElement>(null);
  const now = helsinkiParts(assignment.startsAt);
  const [values, setValues] = useState<When>({
    date: now.date,
    startsAt: now.time,
    endsAt: helsinkiParts(assignment.endsAt).time,
  });
  useEffect(() => first.current?.querySelector('input')?.focus(), []);
  const labels = {
    timeChangeDate: t('orders.timeChange.date'),
    timeChangeStartsAt: t('orders.timeChange.startsAt'),
    timeChangeEndsAt: t('orders.timeChange.endsAt'),
  };
  const validate = (v: When): FieldError[] => {
    const found: FieldError[] = [];
    if (!v.date) found.push({ field: 'timeChangeDate', text: t('forms.required', { field: labels.timeChangeDate }) });
    if (!v.startsAt)
      found.push({ field: 'timeChangeStartsAt', text: t('forms.required', { field: labels.timeChangeStartsAt }) });
    if (!v.endsAt)
      found.push({ field: 'timeChangeEndsAt', text: t('forms.required', { field: labels.timeChangeEndsAt }) });
    if (found.length > 0) return found;
    const start = Date.parse(helsinkiInstant(v.date, v.startsAt));
    const end = Date.parse(helsinkiInstant(v.date, v.endsAt));
    if (start <= Date.now())
      found.push({ field: 'timeChangeDate', text: t('orders.timeChange.inPast', { field: labels.timeChangeDate }) });
    if (end <= start)
      found.push({
        field: 'timeChangeEndsAt',
        text: t('orders.timeChange.endBeforeStart', { field: labels.timeChangeEndsAt }),
      });
    else if (end - start > MAX_ASSIGNMENT_MS)
      found.push({
        field: 'timeChangeEndsAt',
        text: t('orders.timeChange.tooLong', { field: labels.timeChangeEndsAt }),
      });
    return found;
  };
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate,
    send: (v: When) =>
      proposeTimeChange(assignment.id, helsinkiInstant(v.date, v.startsAt), helsinkiInstant(v.date, v.endsAt)).catch(
        (error: unknown) => {
          throw renamed(error);
        },
      ),
    onSuccess: () => {
      announce(t('orders.timeChange.sent', { name: assignment.expert.name }));
      void invalidate();
      onDone(true);
    },
    onRefused,
  });
  const set = (change: Partial<When>) => setValues((v) => ({ ...v, ...change }));
  return (
    <Form
      {...formProps}
      onSubmit={() => submit(values)}
      submitLabel={t('orders.timeChange.submit')}
      id={`time-change-${assignment.id}`}
    >
      <Paragraph mb="m">{t('orders.timeChange.intro', { name: assignment.expert.name })}</Paragraph>
      <div ref={first}>
        <WhenFields
          fields={{ date: 'timeChangeDate', startsAt: 'timeChangeStartsAt', endsAt: 'timeChangeEndsAt' }}
          labels={labels}
          values={values}
          errors={errors}
          onChange={set}
        />
      </div>
      <Button variant="secondaryNoBorder" onClick={() => onDone(false)} mt="s">
        {t('orders.back')}
      </Button>
    </Form>
  );
}

// What became of the latest proposal, in plain words. Also on the card of work no longer movable.
export function ProposalState({ assignment }: { assignment: OrderAssignment }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const c = assignment.timeChange;
  if (!c) return null;
  const name = assignment.expert.name;
  const time = formatSpan(language, c.startsAt, c.endsAt);
  if (proposalLapsed(c, assignment))
    return <Paragraph mb="s">{t('orders.timeChange.lapsed', { time, name })}</Paragraph>;
  if (c.status === 'open') return <Paragraph mb="s">{t('orders.timeChange.pending', { time, name })}</Paragraph>;
  if (c.status === 'accepted')
    return (
      <Paragraph mb="s">
        {t('orders.timeChange.accepted', { name, at: formatDateTime(language, c.answeredAt ?? c.proposedAt) })}
      </Paragraph>
    );
  // A decline about the time the work still has: the orderer may keep it or cancel.
  if (c.status === 'declined' && c.fromStartsAt === assignment.startsAt)
    return <Paragraph mb="s">{t('orders.timeChange.declined', { name, time })}</Paragraph>;
  return null;
}

// The orderer proposes a new time; it takes effect only when the expert accepts it. A refusal (the work cancelled
// meanwhile) refreshes the order, and this part goes with the booking: the card keeps the refusal (`onRefused`).
export function TimeChange({ assignment, onRefused }: { assignment: OrderAssignment; onRefused: OnRefused }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  // A proposal left unanswered past its proposed start waits no longer: another may be proposed.
  const waiting = assignment.timeChange?.status === 'open' && !proposalLapsed(assignment.timeChange, assignment);
  const done = (sent: boolean) => {
    setOpen(false);
    // Back where the person was: the heading that now says what was sent, or the button that opened the form.
    requestAnimationFrame(() => (sent ? heading.current?.focus() : opener.current?.focus()));
  };
  return (
    <div className="order-section">
      <Heading variant="h3" mb="s" id={`time-change-heading-${assignment.id}`} ref={heading} tabIndex={-1}>
        {t('orders.timeChange.heading')}
      </Heading>
      <ProposalState assignment={assignment} />
      {open ? (
        <ProposeForm assignment={assignment} onDone={done} onRefused={onRefused} />
      ) : (
        !waiting && (
          <Button variant="secondary" onClick={() => setOpen(true)} ref={opener}>
            {t('orders.timeChange.open')}
          </Button>
        )
      )}
    </div>
  );
}
