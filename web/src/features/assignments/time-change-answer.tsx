import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { Section } from '../../components/section';
import { ProblemNotice, RefusedNotice } from '../../components/states';
import { Button, Heading, Paragraph } from '../../components/suomifi';
import { formatSpan, proposalLapsed } from '../../components/work-facts';
import type { Language } from '../../i18n/languages';
import { answerTimeChange, type Assignment } from './assignments-api';

// An orderer's open proposal of a new time for the expert's work, as the expert's home screen (every open one) and
// the assignment's own page (its one) show it.
export interface ProposedTime {
  assignmentId: string;
  title: string;
  fromStartsAt: string;
  fromEndsAt: string;
  startsAt: string;
  endsAt: string;
}

// The assignment's proposal while it waits for the expert's answer, and can still have one.
export function openProposal(a: Assignment): ProposedTime[] {
  const c = a.timeChange;
  if (c?.status !== 'open' || proposalLapsed(c, a)) return [];
  return [
    {
      assignmentId: a.id,
      title: a.title,
      fromStartsAt: c.fromStartsAt,
      fromEndsAt: c.fromEndsAt,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
    },
  ];
}

function Proposal({
  change,
  titled,
  pending,
  failure,
  onAnswer,
}: {
  change: ProposedTime;
  titled: boolean;
  pending: string | undefined;
  failure: unknown;
  onAnswer: (how: 'accept' | 'decline') => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const c = change;
  return (
    <>
      {titled && (
        <Heading variant="h3" id={`time-change-${c.assignmentId}`} mb="xs">
          {c.title}
        </Heading>
      )}
      <Paragraph>
        {t('assignments.timeChange.now', { time: formatSpan(language, c.fromStartsAt, c.fromEndsAt) })}
      </Paragraph>
      <Paragraph mb="s">
        <strong>{t('assignments.timeChange.proposed', { time: formatSpan(language, c.startsAt, c.endsAt) })}</strong>
      </Paragraph>
      {failure !== undefined && <ProblemNotice error={failure} />}
      <div className="actions">
        <Button
          onClick={() => onAnswer('accept')}
          aria-disabled={pending !== undefined}
          loading={pending === c.assignmentId || undefined}
          ariaLoadingText={t('forms.sending')}
        >
          {t('assignments.timeChange.accept')}
        </Button>
        <Button variant="secondary" onClick={() => onAnswer('decline')} aria-disabled={pending !== undefined}>
          {t('assignments.timeChange.decline')}
        </Button>
      </div>
    </>
  );
}

// A proposal left unanswered until its time: said once on the assignment's page, with nothing to answer.
export function LapsedProposal({ assignment }: { assignment: Assignment }) {
  const { t, i18n } = useTranslation();
  const c = assignment.timeChange;
  if (!c || !proposalLapsed(c, assignment)) return null;
  const time = formatSpan(i18n.language as Language, c.startsAt, c.endsAt);
  return <Paragraph mb="m">{t('assignments.timeChange.lapsed', { time })}</Paragraph>;
}

// The orderer proposes a new time; it takes effect only if the expert accepts. One tap each way, one answer at a
// time. The answer is said where the proposal was, with the focus on it, and announced; every query on screen is
// read again (the work's time, the home screen's lists, the calendar). `titled`: each proposal under an h3 of its
// work's title, where several may be listed; the assignment's own page has its title as the page's.
export function TimeChangeProposals({
  changes,
  headingId,
  heading,
  titled,
}: {
  changes: ProposedTime[];
  headingId: string;
  heading: ReactNode;
  titled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const client = useQueryClient();
  const [state, setState] = useState<{ pending?: string; failure?: { id: string; error: unknown }; said?: string }>({});
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.said) said.current?.focus();
  }, [state.said]);
  // A proposal withdrawn or answered meanwhile (another tab, the orderer cancelling) leaves the list with the
  // refetch that its refusal starts, and the refusal stays above the list, with the focus that its button had.
  const failureGone = state.failure && !changes.some((c) => c.assignmentId === state.failure?.id);
  if (changes.length === 0 && !state.said && !failureGone) return null;
  const answer = async (c: ProposedTime, how: 'accept' | 'decline') => {
    if (state.pending) return;
    setState({ pending: c.assignmentId });
    try {
      await answerTimeChange(c.assignmentId, how);
      const text =
        how === 'accept'
          ? t('assignments.timeChange.accepted', { title: c.title, time: formatSpan(language, c.startsAt, c.endsAt) })
          : t('assignments.timeChange.declined', { title: c.title });
      announce(text);
      setState({ said: text });
      await client.invalidateQueries();
    } catch (error) {
      setState({ failure: { id: c.assignmentId, error } });
    }
  };
  const proposal = (c: ProposedTime) => (
    <Proposal
      change={c}
      titled={titled}
      pending={state.pending}
      failure={state.failure?.id === c.assignmentId ? state.failure.error : undefined}
      onAnswer={(how) => void answer(c, how)}
    />
  );
  return (
    <Section headingId={headingId} heading={heading}>
      {state.said && (
        <Paragraph ref={said} tabIndex={-1} mb="s">
          {state.said}
        </Paragraph>
      )}
      {failureGone && <RefusedNotice error={state.failure?.error} />}
      {changes.length > 0 && <Paragraph mb="s">{t('assignments.timeChange.explain')}</Paragraph>}
      {titled ? (
        <ul className="card-list">
          {changes.map((c) => (
            <li key={c.assignmentId}>{proposal(c)}</li>
          ))}
        </ul>
      ) : (
        changes.map((c) => <div key={c.assignmentId}>{proposal(c)}</div>)
      )}
    </Section>
  );
}
