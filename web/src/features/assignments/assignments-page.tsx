import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { Empty, Loading, ReadFailure } from '../../components/states';
import { Paragraph } from '../../components/suomifi';
import { formatSpan, usePlace } from '../../components/work-facts';
import { Section } from '../../components/section';
import type { Language } from '../../i18n/languages';
import { type Assignment, isUpcoming, useAssignments } from './assignments-api';

function AssignmentList({ items }: { items: Assignment[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const place = usePlace();
  return (
    <ul className="card-list">
      {items.map((a) => (
        <li key={a.id}>
          <AppLink to={`/assignments/${a.id}`}>{a.title}</AppLink>
          <Paragraph>{formatSpan(language, a.startsAt, a.endsAt)}</Paragraph>
          <Paragraph>{place(a)}</Paragraph>
          <Paragraph>{t(`assignments.status.${a.status}`)}</Paragraph>
        </li>
      ))}
    </ul>
  );
}

export function AssignmentsPage() {
  const { t } = useTranslation();
  const assignments = useAssignments();
  const now = Date.now();
  const upcoming = assignments.data?.filter((a) => isUpcoming(a, now)) ?? [];
  const past = assignments.data?.filter((a) => !isUpcoming(a, now)).reverse() ?? [];
  return (
    <Page title={t('assignments.title')}>
      {assignments.isPending && <Loading />}
      <ReadFailure query={assignments} />
      {assignments.data && (
        <>
          <Section headingId="assignments-upcoming" heading={t('assignments.upcoming')}>
            {upcoming.length === 0 ? (
              <Empty text={t('assignments.noneUpcoming')} />
            ) : (
              <AssignmentList items={upcoming} />
            )}
          </Section>
          <Section headingId="assignments-past" heading={t('assignments.past')}>
            {past.length === 0 ? <Empty text={t('assignments.nonePast')} /> : <AssignmentList items={past} />}
          </Section>
        </>
      )}
    </Page>
  );
}
