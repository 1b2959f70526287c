import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAnnounce } from '../../../components/announcer';
import { Facts } from '../../../components/facts';
import { Page } from '../../../components/page';
import { AppLink } from '../../../components/router-link';
import { Empty, Loaded, Loading, ProblemNotice, ReadFailure, RefusedNotice } from '../../../components/states';
import { Button, Paragraph } from '../../../components/suomifi';
import { formatSpan } from '../../../components/work-facts';
import { Section } from '../../../components/section';
import { formatCents, formatDate } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import { languageName } from '../../../i18n/language-names';
import { TableRegion } from '../../../components/table-region';
import '../shared/coordinator.css';
import { useAction } from '../shared/use-action';
import { CredentialCard } from './credential-card';
import {
  type Expert,
  type ExpertAction,
  moveExpert,
  pauseExpert,
  useExpert,
  useExpertCredentials,
  useOverview,
  useRefreshExpert,
  useTopics,
} from './experts-api';
import { municipalityName, useMunicipalities } from '../../../api/municipalities';

function Profile({ expert: e }: { expert: Expert }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const municipalities = useMunicipalities();
  const topics = useTopics();
  const place = (code: string) => {
    const m = municipalities.data?.find((x) => x.code === code);
    return m ? municipalityName(language, m) : code;
  };
  const topic = (code: string) => {
    const x = topics.data?.topics.find((y) => y.code === code);
    return x ? (language === 'sv' ? x.nameSv : language === 'en' ? x.nameEn : x.nameFi) : code;
  };
  const none = t('coordinator.expert.notGiven');
  const rows: [string, string][] = [
    [t('coordinator.expert.email'), e.email],
    [t('coordinator.expert.phone'), e.phone ?? none],
    [t('coordinator.expert.languages'), e.languages.map((l) => languageName(t, language, l)).join(', ') || none],
    [t('coordinator.expert.home'), e.homeMunicipality ? place(e.homeMunicipality) : none],
    [t('coordinator.expert.travels'), e.travelMunicipalities.map(place).join(', ') || none],
    [t('coordinator.expert.remote'), e.worksRemotely ? t('coordinator.yes') : t('coordinator.no')],
    [t('coordinator.expert.taskTypes'), e.taskTypes.map((x) => t(`taskTypes.${x}`)).join(', ') || none],
    [t('coordinator.expert.topics'), e.topics.map(topic).join(', ') || none],
    [t('coordinator.expert.joined'), formatDate(language, e.createdAt)],
  ];
  return <Facts rows={rows} />;
}

// Work the expert is still expected at (accepted or confirmed, not yet ended), as the overview lists it: such an
// expert is not retired until the coordinator has cancelled it (the API refuses it too, EXPERT_HAS_BOOKED_WORK).
function useBookedAhead(id: string): number {
  const overview = useOverview(id);
  const now = Date.now();
  return (overview.data?.assignments ?? []).filter(
    (a) => (a.status === 'accepted' || a.status === 'confirmed') && Date.parse(a.endsAt) > now,
  ).length;
}

function StatusActions({ expert: e, onChanged }: { expert: Expert; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const bookedAhead = useBookedAhead(e.id);
  const [pausing, setPausing] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const [reason, setReason] = useState('');
  const move = useAction(
    (a: ExpertAction) => moveExpert(e.id, a),
    (_r, a) => {
      setRetiring(false);
      announce(t(`coordinator.expert.done.${a}`));
      void onChanged();
    },
  );
  const pause = useAction(
    (r: string) => pauseExpert(e.id, r),
    () => {
      setPausing(false);
      announce(t('coordinator.expert.done.pause'));
      void onChanged();
    },
  );
  const busy = move.pending || pause.pending;
  // The button that opens a step goes while it is open, and comes back when it is cancelled: the focus goes with
  // them (to the step's first control, the least harmful; then back to the button), not to the start of the page.
  const showThen = (show: (on: boolean) => void, on: boolean, focus: string) => {
    show(on);
    requestAnimationFrame(() => document.getElementById(focus)?.focus());
  };
  const openThen = (show: (on: boolean) => void, focus: string) => showThen(show, true, focus);
  const closeThen = (show: (on: boolean) => void, focus: string) => showThen(show, false, focus);
  const opener = (id: string, step: 'pause' | 'retire', open: () => void) => (
    <Button variant="secondary" id={id} onClick={open} aria-disabled={busy}>
      {t(`coordinator.expert.${step}`)}
    </Button>
  );
  return (
    <>
      <Paragraph mb="s">
        {t('coordinator.expert.statusNow', { state: t(`coordinator.expertStatus.${e.status}`) })}
      </Paragraph>
      {e.status === 'paused' && e.pauseReason && (
        <Paragraph mb="s">{t('coordinator.expert.pauseReason', { reason: e.pauseReason })}</Paragraph>
      )}
      {/* A status changed meanwhile takes the pressed button with it: the refusal takes its focus. */}
      {move.error !== undefined && <RefusedNotice error={move.error} />}
      {pause.error !== undefined && <ProblemNotice error={pause.error} />}
      <div className="actions">
        {(e.status === 'applicant' || e.status === 'retired') && (
          <Button onClick={() => move.run('activate')} aria-disabled={busy}>
            {t('coordinator.expert.activate')}
          </Button>
        )}
        {e.status === 'active' &&
          !pausing &&
          opener('expert-pause', 'pause', () => openThen(setPausing, 'pause-reason'))}
        {e.status === 'paused' && (
          <Button onClick={() => move.run('resume')} aria-disabled={busy}>
            {t('coordinator.expert.resume')}
          </Button>
        )}
        {e.status !== 'retired' &&
          e.status !== 'anonymised' &&
          !retiring &&
          opener('expert-retire', 'retire', () => openThen(setRetiring, 'retire-cancel'))}
      </div>
      {pausing && (
        <form
          className="section"
          onSubmit={(ev) => {
            ev.preventDefault();
            pause.run(reason);
          }}
        >
          <div className="coordinator-filters">
            <div>
              <label htmlFor="pause-reason">{t('coordinator.expert.pauseReasonLabel')}</label>
              <input id="pause-reason" value={reason} maxLength={500} onChange={(ev) => setReason(ev.target.value)} />
            </div>
          </div>
          <div className="actions">
            <Button type="submit" aria-disabled={busy}>
              {t('coordinator.expert.pauseConfirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => closeThen(setPausing, 'expert-pause')}>
              {t('coordinator.cancel')}
            </Button>
          </div>
        </form>
      )}
      {retiring && (
        <div className="section" role="group" aria-labelledby="retire-question">
          <Paragraph id="retire-question" mb="s">
            {bookedAhead > 0
              ? t('coordinator.expert.retireBooked', { name: e.name, count: bookedAhead })
              : `${t('coordinator.expert.retireQuestion', { name: e.name })} ${t('coordinator.expert.retireOffers')}`}
          </Paragraph>
          <div className="actions">
            {bookedAhead === 0 && (
              <Button onClick={() => move.run('retire')} aria-disabled={busy}>
                {t('coordinator.expert.retireConfirm')}
              </Button>
            )}
            <Button variant="secondary" id="retire-cancel" onClick={() => closeThen(setRetiring, 'expert-retire')}>
              {t('coordinator.cancel')}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}

function Load({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const overview = useOverview(id);
  const against = (n: number, cap: number | null) =>
    cap === null ? t('coordinator.expert.noCap', { count: n }) : t('coordinator.expert.ofCap', { count: cap, done: n });
  return (
    <Loaded query={overview}>
      {({ load, earnings, assignments }) => (
        <>
          <Section headingId="expert-load" heading={t('coordinator.expert.load')}>
            <dl className="facts">
              <div>
                <dt>{t('coordinator.expert.thisWeek')}</dt>
                <dd>{against(load.thisWeek, load.maxPerWeek)}</dd>
              </div>
              <div>
                <dt>{t('coordinator.expert.thisMonth')}</dt>
                <dd>{against(load.thisMonth, load.maxPerMonth)}</dd>
              </div>
              <div>
                <dt>{t('coordinator.expert.earnings', { year: earnings.year })}</dt>
                <dd>
                  {earnings.ceilingCents === null
                    ? t('coordinator.expert.paidNoCeiling', { paid: formatCents(language, earnings.paidFeesCents) })
                    : t('coordinator.expert.paidOfCeiling', {
                        paid: formatCents(language, earnings.paidFeesCents),
                        ceiling: formatCents(language, earnings.ceilingCents),
                      })}
                </dd>
              </div>
            </dl>
          </Section>
          <Section headingId="expert-assignments" heading={t('coordinator.expert.assignments')}>
            {assignments.length === 0 ? (
              <Empty text={t('coordinator.expert.noAssignments')} />
            ) : (
              <TableRegion
                boxed
                id="expert-assignments-table"
                caption={t('coordinator.expert.assignmentsCaption')}
                captionHidden
              >
                <thead>
                  <tr>
                    <th scope="col">{t('coordinator.columns.work')}</th>
                    <th scope="col">{t('coordinator.columns.when')}</th>
                    <th scope="col">{t('coordinator.columns.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {assignments.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <AppLink to={`/coordinator/orders/${a.requestId}`}>{a.title}</AppLink>
                      </td>
                      <td>{formatSpan(language, a.startsAt, a.endsAt)}</td>
                      <td>{t(`coordinator.assignmentStatus.${a.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </TableRegion>
            )}
          </Section>
        </>
      )}
    </Loaded>
  );
}

// One expert as the coordinator sees them: profile, certificates with their files, status, load and work.
export function ExpertPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const expert = useExpert(id);
  const credentials = useExpertCredentials(id);
  const refresh = useRefreshExpert(id);
  return (
    <Page title={expert.data?.name ?? t('coordinator.expert.title')}>
      {expert.isPending && <Loading />}
      <ReadFailure query={expert} />
      {expert.data && (
        <>
          <StatusActions expert={expert.data} onChanged={refresh} />
          <Section headingId="expert-certificates" heading={t('coordinator.expert.certificates')}>
            {credentials.isPending && <Loading />}
            <ReadFailure query={credentials} />
            {credentials.data?.length === 0 && <Empty text={t('coordinator.expert.noCertificates')} />}
            {credentials.data?.map((c) => (
              <CredentialCard key={c.id} credential={c} onDecided={refresh} />
            ))}
          </Section>
          <Section headingId="expert-profile" heading={t('coordinator.expert.profile')}>
            <Profile expert={expert.data} />
          </Section>
          <Load id={id} />
          <ul className="link-row">
            <li>
              <AppLink to="/coordinator/experts">{t('coordinator.expert.backToList')}</AppLink>
            </li>
          </ul>
        </>
      )}
    </Page>
  );
}
