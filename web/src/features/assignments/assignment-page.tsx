import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAnnounce } from '../../components/announcer';
import { checkRequired, Form, TextAreaField, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { LoadError, Loading } from '../../components/states';
import { Button, Heading, InlineAlert, Paragraph } from '../../components/suomifi';
import { WorkFacts } from '../../components/work-facts';
import { type Assignment, canWithdraw, useAssignment, useWithdraw } from './assignments-api';

function Withdrawn() {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1} className="form-failure">
      <InlineAlert status="neutral" my="m">
        <Paragraph>{t('assignments.withdraw.done')}</Paragraph>
      </InlineAlert>
    </div>
  );
}

function WithdrawForm({ assignment, onDone }: { assignment: Assignment; onDone: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [reason, setReason] = useState('');
  const labels = { reason: t('assignments.withdraw.reason') };
  const withdraw = useWithdraw(assignment.id);
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: string) => checkRequired(t, [{ field: 'reason', label: labels.reason, value: v }]),
    send: (v: string) => withdraw.send(v),
    onSuccess: () => {
      announce(t('assignments.withdraw.done'));
      onDone();
      void withdraw.done();
    },
  });
  return (
    <section className="section" aria-labelledby="withdraw-heading">
      <Heading variant="h2" id="withdraw-heading" mb="s">
        {t('assignments.withdraw.title')}
      </Heading>
      <Paragraph mb="m">{t('assignments.withdraw.noPenalty')}</Paragraph>
      <Form {...formProps} onSubmit={() => submit(reason)} submitLabel={t('assignments.withdraw.submit')}>
        <TextAreaField
          field="reason"
          label={labels.reason}
          hint={t('assignments.withdraw.reasonHint')}
          value={reason}
          onChange={setReason}
          errors={errors}
        />
      </Form>
    </section>
  );
}

function AssignmentDetails({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawn, setWithdrawn] = useState(false);
  return (
    <>
      <WorkFacts work={assignment}>
        <div>
          <dt>{t('assignments.state')}</dt>
          <dd>{t(`assignments.status.${withdrawn ? 'cancelled' : assignment.status}`)}</dd>
        </div>
      </WorkFacts>
      {withdrawn && <Withdrawn />}
      {!withdrawn && canWithdraw(assignment) && (
        <>
          {!withdrawing && (
            <div className="actions">
              <Button variant="secondary" onClick={() => setWithdrawing(true)}>
                {t('assignments.withdraw.open')}
              </Button>
            </div>
          )}
          {withdrawing && <WithdrawForm assignment={assignment} onDone={() => setWithdrawn(true)} />}
        </>
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
  if (assignment.isPending)
    return (
      <Page title={t('assignments.assignmentTitle')}>
        <Loading />
      </Page>
    );
  if (assignment.isError)
    return (
      <Page title={t('assignments.assignmentTitle')}>
        <LoadError error={assignment.error} onRetry={() => void assignment.refetch()} />
      </Page>
    );
  return (
    <Page title={assignment.data.title}>
      <AssignmentDetails assignment={assignment.data} />
    </Page>
  );
}
