import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { type FieldError, fieldBinder, Form, TextAreaField, useSubmission } from '../../components/form';
import { Outcome, ProblemNotice, RefusedNotice, type OnRefused } from '../../components/states';
import { Button, Heading, Paragraph, RadioButton, RadioButtonGroup } from '../../components/suomifi';
import { formatSpan, proposalLapsed } from '../../components/work-facts';
import type { Language } from '../../i18n/languages';
import { languageName } from '../../i18n/language-names';
import { isHolding, topicName, useFocusOnChange } from './order-state';
import {
  completeAssignment,
  giveFeedback,
  type Order,
  type OrderAssignment,
  useContractStatus,
  useFeedback,
  useInvalidateOrders,
  useTopics,
} from './orders-api';
import { ProposalState, TimeChange } from './time-change';
import { municipalityName, useMunicipalities } from '../../api/municipalities';

function ContractState({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const status = useContractStatus(assignmentId);
  if (!status.data) return null;
  return (
    <Paragraph>
      {t('orders.experts.contract', {
        state:
          status.data.exists && status.data.status
            ? t(`orders.contract.${status.data.status}`)
            : t('orders.contract.none'),
      })}
    </Paragraph>
  );
}

// After the end time: did the work take place, or did the expert not come (a no-show: no fee)? `onDone`: answered,
// and this part goes once the order is read again.
function Confirm({
  assignment,
  onRefused,
  onDone,
}: {
  assignment: OrderAssignment;
  onRefused: OnRefused;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const invalidate = useInvalidateOrders();
  const [asking, setAsking] = useState<false | 'noShow'>(false);
  const [state, setState] = useState<{ pending: boolean; failure?: unknown }>({ pending: false });
  // The question asked, what a no-show means is read first; back, the focus is on the button that asked it again.
  const explained = useRef<HTMLDivElement>(null);
  const noShow = useRef<HTMLButtonElement>(null);
  const was = useRef(asking);
  useEffect(() => {
    if (asking === was.current) return;
    was.current = asking;
    (asking === 'noShow' ? explained : noShow).current?.focus();
  }, [asking]);
  const send = async (tookPlace: boolean) => {
    if (state.pending) return;
    setState({ pending: true });
    onRefused(undefined);
    try {
      await completeAssignment(assignment.id, tookPlace);
      onDone();
      announce(tookPlace ? t('orders.confirm.done') : t('orders.confirm.noShowDone'));
      await invalidate();
    } catch (error) {
      setState({ pending: false, failure: error });
      onRefused(error);
    }
  };
  const name = assignment.expert.name;
  const signed = assignment.status === 'confirmed';
  return (
    <div className="order-section">
      <Heading variant="h3" mb="s">
        {t('orders.confirm.heading')}
      </Heading>
      {state.failure !== undefined && <ProblemNotice error={state.failure} />}
      {asking === 'noShow' ? (
        <>
          <div ref={explained} tabIndex={-1} className="form-failure">
            <Paragraph mb="s">{t('orders.confirm.noShowExplain', { name })}</Paragraph>
          </div>
          <div className="actions">
            <Button onClick={() => void send(false)} aria-disabled={state.pending}>
              {t('orders.confirm.noShowConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setAsking(false)}>
              {t('orders.back')}
            </Button>
          </div>
        </>
      ) : (
        <>
          {/* Work is confirmed as done under a signed contract; a no-show can be marked before. */}
          <Paragraph mb="s">
            {signed ? t('orders.confirm.question', { name }) : t('orders.confirm.notSigned', { name })}
          </Paragraph>
          <div className="actions">
            {signed && (
              <Button onClick={() => void send(true)} aria-disabled={state.pending}>
                {t('orders.confirm.tookPlace')}
              </Button>
            )}
            <Button variant="secondary" onClick={() => setAsking('noShow')} ref={noShow}>
              {t('orders.confirm.noShow')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

function Feedback({ assignment }: { assignment: OrderAssignment }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const given = useFeedback(assignment.id, true);
  const [values, setValues] = useState({ rating: '', comment: '' });
  // An order's page may ask feedback for two experts at once: each form's ids are its own.
  const p = `feedback-${assignment.id}-`;
  const labels = { [`${p}rating`]: t('orders.feedback.rating'), [`${p}comment`]: t('orders.feedback.comment') };
  const { submit, formProps, errors, done } = useSubmission({
    labels,
    fieldPrefix: p,
    validate: (v: typeof values): FieldError[] =>
      v.rating ? [] : [{ field: `${p}rating`, text: t('forms.required', { field: labels[`${p}rating`] }) }],
    send: (v: typeof values) => giveFeedback(assignment.id, Number(v.rating), v.comment),
    onSuccess: () => {
      announce(t('orders.feedback.thanks'));
      void given.refetch();
    },
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  if (!given.data) return null;
  const mine = given.data[0];
  return (
    <div className="order-section">
      <Heading variant="h3" mb="s">
        {t('orders.feedback.heading')}
      </Heading>
      {mine || done ? (
        <>
          {/* Given here, the form is gone: what was saved takes its focus. */}
          <Outcome plain focus={done}>
            <Paragraph>{t('orders.feedback.given', { rating: mine?.rating ?? values.rating })}</Paragraph>
          </Outcome>
          {/* Given meanwhile (another tab): the refetch shows it in place of the form, and the refusal stays. */}
          {formProps.failure !== undefined && <RefusedNotice error={formProps.failure} />}
        </>
      ) : (
        <Form
          {...formProps}
          onSubmit={() => submit(values)}
          submitLabel={t('orders.feedback.submit')}
          id={`feedback-${assignment.id}`}
        >
          <RadioButtonGroup
            labelText={labels[`${p}rating`]}
            groupHintText={t('orders.feedback.ratingHint')}
            name={`rating-${assignment.id}`}
            id={`${p}rating`}
            value={values.rating}
            onChange={(rating) => setValues((v) => ({ ...v, rating }))}
            groupStatus={errors.some((e) => e.field === `${p}rating`) ? 'error' : 'default'}
            groupStatusText={errors.find((e) => e.field === `${p}rating`)?.text}
            mb="m"
          >
            {['5', '4', '3', '2', '1'].map((n) => (
              <RadioButton key={n} value={n}>
                {t(`orders.feedback.scale.${n}`)}
              </RadioButton>
            ))}
          </RadioButtonGroup>
          <TextAreaField {...bind('comment', `${p}comment`)} hint={t('orders.feedback.commentHint')} optional />
        </Form>
      )}
    </div>
  );
}

export function AssignmentCard({ order, assignment }: { order: Order; assignment: OrderAssignment }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const municipalities = useMunicipalities();
  const topics = useTopics();
  const e = assignment.expert;
  const municipality = municipalities.data?.find((m) => m.code === e.municipality);
  // Only the topics the expert consented to show (the API sends no others), in the page's language.
  const topicNames = e.topics.map((code) => {
    const topic = topics.data?.topics.find((x) => x.code === code);
    return topic ? topicName(topic, language) : code;
  });
  const ended = new Date(assignment.endsAt).getTime() <= Date.now();
  const moved = assignment.startsAt !== order.startsAt || assignment.endsAt !== order.endsAt;
  const holding = isHolding(assignment.status);
  const movable = holding && new Date(assignment.startsAt).getTime() > Date.now();
  const confirming = holding && ended;
  // A refused new time or confirmation (the work cancelled or confirmed meanwhile) refreshes the order, and the
  // part that was refused goes with the booking's state: the card keeps the refusal.
  const [refused, setRefused] = useState<unknown>();
  // Confirmed or marked a no-show here, the question goes: the line that says the booking's new state takes the focus.
  const stateLine = useFocusOnChange<HTMLDivElement>(assignment.status);
  return (
    <li>
      <Heading variant="h3" mb="xs">
        {e.name}
      </Heading>
      <Paragraph>
        {t('orders.experts.languages', { languages: e.languages.map((l) => languageName(t, language, l)).join(', ') })}
      </Paragraph>
      {municipality && (
        <Paragraph>
          {t('orders.experts.municipality', {
            municipality: municipalityName(language, municipality),
          })}
        </Paragraph>
      )}
      {topicNames.length > 0 && <Paragraph>{t('orders.experts.topics', { topics: topicNames.join(', ') })}</Paragraph>}
      {moved && (
        <Paragraph>
          {t('orders.experts.time', { time: formatSpan(language, assignment.startsAt, assignment.endsAt) })}
        </Paragraph>
      )}
      <div ref={stateLine.ref} tabIndex={-1} className="form-failure">
        <Paragraph>{t(`orders.assignment.${assignment.status}`)}</Paragraph>
      </div>
      {assignment.status === 'cancelled' ? (
        <Paragraph>
          {assignment.feeDue && !assignment.noFeePaid ? t('orders.assignment.feeDue') : t('orders.assignment.noFee')}
        </Paragraph>
      ) : (
        assignment.noFeePaid && <Paragraph>{t('orders.experts.noFeePaid')}</Paragraph>
      )}
      {/* Once confirmed, the state above already says the contract is signed. */}
      {assignment.status === 'accepted' && <ContractState assignmentId={assignment.id} />}
      {movable && <TimeChange assignment={assignment} onRefused={setRefused} />}
      {/* Begun or ended with a proposal unanswered: the work kept its time, said where the proposal was. */}
      {holding && !movable && assignment.timeChange && proposalLapsed(assignment.timeChange, assignment) && (
        <ProposalState assignment={assignment} />
      )}
      {confirming && <Confirm assignment={assignment} onRefused={setRefused} onDone={stateLine.expect} />}
      {!movable && !confirming && refused !== undefined && <RefusedNotice error={refused} />}
      {assignment.status === 'completed' && <Feedback assignment={assignment} />}
    </li>
  );
}
