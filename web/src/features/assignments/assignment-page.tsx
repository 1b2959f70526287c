import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAnnounce } from '../../components/announcer';
import { ReasonForm } from '../../components/reason-form';
import { AppLink } from '../../components/router-link';
import { Section } from '../../components/section';
import { Outcome, RefusedNotice, type OnRefused, LoadedPage } from '../../components/states';
import { Button, Paragraph } from '../../components/suomifi';
import { WorkFacts } from '../../components/work-facts';
import { type Assignment, canWithdraw, useAssignment, useWithdraw } from './assignments-api';
import { LapsedProposal, openProposal, TimeChangeProposals } from './time-change-answer';

function Withdrawn() {
  const { t } = useTranslation();
  return (
    <Outcome>
      <Paragraph>{t('assignments.withdraw.done')}</Paragraph>
    </Outcome>
  );
}

function WithdrawForm({
  assignment,
  onDone,
  onRefused,
}: {
  assignment: Assignment;
  onDone: () => void;
  onRefused: OnRefused;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const withdraw = useWithdraw(assignment.id);
  return (
    <Section headingId="withdraw-heading" heading={t('assignments.withdraw.title')}>
      <Paragraph mb="m">{t('assignments.withdraw.noPenalty')}</Paragraph>
      <ReasonForm
        label={t('assignments.withdraw.reason')}
        hint={t('assignments.withdraw.reasonHint')}
        submitLabel={t('assignments.withdraw.submit')}
        send={(reason) => withdraw.send(reason)}
        onSuccess={() => {
          announce(t('assignments.withdraw.done'));
          onDone();
          void withdraw.done();
        }}
        onRefused={onRefused}
      />
    </Section>
  );
}

function AssignmentDetails({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawn, setWithdrawn] = useState(false);
  // A refusal (the work cancelled or moved meanwhile) refreshes the assignment, and the form goes when it can no
  // longer be withdrawn from: the refusal stays here.
  const [refused, setRefused] = useState<unknown>();
  return (
    <>
      {/* The orderer's proposal first: the time below is the one the work keeps unless the expert accepts. */}
      <TimeChangeProposals
        key={assignment.id}
        changes={openProposal(assignment)}
        headingId="assignment-time-change"
        heading={t('assignments.timeChange.heading')}
        titled={false}
      />
      <LapsedProposal assignment={assignment} />
      <WorkFacts work={assignment}>
        <div>
          <dt>{t('assignments.state')}</dt>
          <dd>{t(`assignments.status.${withdrawn ? 'cancelled' : assignment.status}`)}</dd>
        </div>
      </WorkFacts>
      {withdrawn && <Withdrawn />}
      {!withdrawn && canWithdraw(assignment) ? (
        <>
          {!withdrawing && (
            <div className="actions">
              <Button variant="secondary" onClick={() => setWithdrawing(true)}>
                {t('assignments.withdraw.open')}
              </Button>
            </div>
          )}
          {withdrawing && (
            <WithdrawForm assignment={assignment} onDone={() => setWithdrawn(true)} onRefused={setRefused} />
          )}
        </>
      ) : (
        refused !== undefined && <RefusedNotice error={refused} />
      )}
      <ul className="link-row">
        <li>
          <AppLink to="/assignments">{t('assignments.backToList')}</AppLink>
        </li>
      </ul>
    </>
  );
}

export function AssignmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const assignment = useAssignment(id);
  return (
    <LoadedPage query={assignment} title={(a) => a?.title ?? t('assignments.assignmentTitle')}>
      {(a) => <AssignmentDetails assignment={a} />}
    </LoadedPage>
  );
}
