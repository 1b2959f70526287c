import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAnnounce } from '../../../components/announcer';
import { SelectField } from '../../../components/fields';
import { Page } from '../../../components/page';
import { AppLink } from '../../../components/router-link';
import { Empty, Loaded } from '../../../components/states';
import { Heading, Paragraph } from '../../../components/suomifi';
import { TableRegion } from '../../../components/table-region';
import { Section } from '../../../components/section';
import type { Language } from '../../../i18n/languages';
import { ActivePeriod } from './active-period';
import { OrganisationForm } from './organisation-form';
import {
  type Organisation,
  type OrganisationKind,
  organisationName,
  organisationState,
  useOrganisations,
} from './organisations-api';
import { countyToday } from '../../../i18n/helsinki-date';
import './organisations.css';

type Shown = 'current' | 'ended' | 'all';

// The county's ordering organisations: units and the projects they own, each with its cost centre and active period.
export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const navigate = useNavigate();
  const client = useQueryClient();
  const query = useOrganisations();
  const [shown, setShown] = useState<Shown>('current');
  const today = countyToday();
  const visible = (o: Organisation) => {
    const state = organisationState(o, today);
    return shown === 'all' || (shown === 'ended' ? state === 'ended' : state !== 'ended');
  };
  return (
    <Page title={t('admin.organisations.title')}>
      <Paragraph mb="m">{t('admin.organisations.intro')}</Paragraph>
      <Loaded query={query}>
        {(organisations) => (
          <>
            <div className="filters">
              <SelectField
                field="organisations-shown"
                label={t('admin.organisations.show')}
                value={shown}
                onChange={(v) => setShown(v as Shown)}
                options={(['current', 'ended', 'all'] as const).map((s) => ({
                  value: s,
                  label: t(`admin.organisations.shown.${s}`),
                }))}
              />
            </div>
            {(['unit', 'project'] as const).map((kind) => (
              <OrganisationTable
                key={kind}
                kind={kind}
                rows={organisations.filter((o) => o.kind === kind && visible(o))}
                all={organisations}
                today={today}
              />
            ))}
            <Section
              headingId="create-heading"
              heading={t('admin.organisations.create.heading')}
              className="section content-narrow"
            >
              <OrganisationForm
                units={organisations.filter((o) => o.kind === 'unit')}
                today={today}
                onSaved={(saved) => {
                  announce(t('admin.organisations.create.done', { name: organisationName(saved, language) }));
                  void client.invalidateQueries({ queryKey: ['organisations'] });
                  void navigate(`/admin/organisations/${saved.id}`);
                }}
              />
            </Section>
          </>
        )}
      </Loaded>
    </Page>
  );
}

function OrganisationTable({
  kind,
  rows,
  all,
  today,
}: {
  kind: OrganisationKind;
  rows: Organisation[];
  all: Organisation[];
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const heading = t(`admin.organisations.${kind}s`);
  const sorted = [...rows].sort((a, b) => organisationName(a, language).localeCompare(organisationName(b, language)));
  return (
    <section aria-labelledby={`${kind}s-heading`} className="section">
      <Heading variant="h2" id={`${kind}s-heading`} mb="s">
        {heading}
      </Heading>
      {sorted.length === 0 ? (
        <Empty text={t(`admin.organisations.empty.${kind}`)} />
      ) : (
        <TableRegion
          caption={t('admin.organisations.caption', { name: heading, count: sorted.length })}
          className="organisations-table"
        >
          <thead>
            <tr>
              <th scope="col">{t('admin.organisations.columns.name')}</th>
              <th scope="col">{t('admin.organisations.columns.code')}</th>
              {kind === 'project' && <th scope="col">{t('admin.organisations.columns.ownerUnit')}</th>}
              <th scope="col">{t('admin.organisations.columns.period')}</th>
              <th scope="col">{t('admin.organisations.columns.state')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((o) => {
              const owner = all.find((u) => u.id === o.ownerUnitId);
              return (
                <tr key={o.id}>
                  <th scope="row">
                    <AppLink to={`/admin/organisations/${o.id}`}>{organisationName(o, language)}</AppLink>
                  </th>
                  <td>{o.code}</td>
                  {kind === 'project' && <td>{owner ? organisationName(owner, language) : '–'}</td>}
                  <td>
                    <ActivePeriod organisation={o} />
                  </td>
                  <td>{t(`admin.organisations.states.${organisationState(o, today)}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </TableRegion>
      )}
    </section>
  );
}
