import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAnnounce } from '../../../components/announcer';
import { SelectField } from '../../../components/fields';
import { checkRequired, fieldBinder, Form, useSubmission } from '../../../components/form';
import { Page } from '../../../components/page';
import { AppLink } from '../../../components/router-link';
import { Empty, LoadError, Loading, RefusedNotice, RefreshFailed } from '../../../components/states';
import { failedToLoad } from '../../../components/query-state';
import { BusyButton } from '../../../components/busy-button';
import { Heading, Paragraph } from '../../../components/suomifi';
import { TableRegion } from '../../../components/table-region';
import { Section } from '../../../components/section';
import { formatDate } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import { ActivePeriod } from './active-period';
import { OrganisationForm } from './organisation-form';
import {
  addMember,
  type Member,
  type Organisation,
  organisationName,
  organisationState,
  useMembers,
  useOrderers,
  useOrganisations,
  useRemoveMember,
} from './organisations-api';
import { countyToday } from '../../../i18n/helsinki-date';

// One unit or project: its details to edit and the orderers who may order in its name.
export function OrganisationPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { id = '' } = useParams();
  const query = useOrganisations();
  const found = query.data?.find((o) => o.id === id);
  const title = found ? organisationName(found, language) : t('admin.organisations.title');
  return (
    <Page title={title}>
      <Paragraph mb="m">
        <AppLink to="/admin/organisations">{t('admin.organisations.back')}</AppLink>
      </Paragraph>
      <RefreshFailed query={query} />
      {query.isPending ? (
        <Loading />
      ) : failedToLoad(query) ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : !found ? (
        <Empty text={t('admin.organisations.notFound')} />
      ) : (
        <Details organisation={found} all={query.data} />
      )}
    </Page>
  );
}

function Details({ organisation: o, all }: { organisation: Organisation; all: Organisation[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const client = useQueryClient();
  const today = countyToday();
  const owner = all.find((u) => u.id === o.ownerUnitId);
  const row = (label: string, value: React.ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <>
      <dl className="facts">
        {row(t('admin.organisations.fields.kind'), t(`admin.organisations.kinds.${o.kind}`))}
        {row(t('admin.organisations.columns.code'), o.code)}
        {owner && row(t('admin.organisations.fields.ownerUnitId'), organisationName(owner, language))}
        {row(t('admin.organisations.columns.period'), <ActivePeriod organisation={o} />)}
        {row(t('admin.organisations.columns.state'), t(`admin.organisations.states.${organisationState(o, today)}`))}
      </dl>
      <Members organisation={o} />
      <Section
        headingId="edit-heading"
        heading={t('admin.organisations.edit.heading')}
        className="section content-narrow"
      >
        <OrganisationForm
          key={o.id}
          existing={o}
          units={all.filter((u) => u.kind === 'unit' && u.id !== o.id)}
          today={today}
          onSaved={(saved) => {
            // The page shows the saved names and days at once; the list is read again for what else changed.
            client.setQueryData<Organisation[]>(['organisations'], (list) =>
              list?.map((other) => (other.id === saved.id ? saved : other)),
            );
            announce(t('admin.organisations.edit.done'));
            void client.invalidateQueries({ queryKey: ['organisations'] });
          }}
        />
      </Section>
    </>
  );
}

function Members({ organisation: o }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const members = useMembers(o.id);
  const remove = useRemoveMember(o.id);
  const announce = useAnnounce();
  const name = organisationName(o, language);
  const removeMember = (m: Member) => {
    if (remove.isPending) return;
    remove.mutate(m.userId, {
      onSuccess: () => announce(t('admin.organisations.members.removed', { name: m.name })),
    });
  };
  return (
    <Section headingId="members-heading" heading={t('admin.organisations.members.heading')}>
      <Paragraph mb="s">{t('admin.organisations.members.intro')}</Paragraph>
      <RefreshFailed query={members} />
      {members.isPending ? (
        <Loading />
      ) : failedToLoad(members) ? (
        <LoadError error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.length === 0 ? (
        <Empty text={t('admin.organisations.members.empty')} />
      ) : (
        <TableRegion caption={t('admin.organisations.members.caption', { name, count: members.data.length })}>
          <thead>
            <tr>
              <th scope="col">{t('admin.organisations.members.columns.name')}</th>
              <th scope="col">{t('admin.organisations.members.columns.email')}</th>
              <th scope="col">{t('admin.organisations.members.columns.since')}</th>
              <th scope="col">{t('admin.organisations.members.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.name}</th>
                <td>{m.email}</td>
                <td>{formatDate(language, m.since)}</td>
                <td>
                  <BusyButton
                    variant="secondary"
                    busy={remove.isPending && remove.variables === m.userId}
                    blocked={remove.isPending}
                    aria-label={t('admin.organisations.members.removeNamed', { name: m.name })}
                    onClick={() => removeMember(m)}
                  >
                    {t('admin.organisations.members.remove')}
                  </BusyButton>
                </td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      {/* Removed meanwhile (another admin), the refetch takes the row's button: the refusal takes its focus. */}
      {remove.isError && <RefusedNotice error={remove.error} />}
      {members.data && <AddMember organisation={o} members={members.data} />}
    </Section>
  );
}

function AddMember({ organisation: o, members }: { organisation: Organisation; members: Member[] }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const client = useQueryClient();
  const orderers = useOrderers();
  const [values, setValues] = useState({ member: '' });
  const labels = { member: t('admin.organisations.members.orderer') };
  const candidates = (orderers.data ?? []).filter((u) => !members.some((m) => m.userId === u.id));
  const { submit, formProps, errors } = useSubmission({
    send: (v: typeof values) => addMember(o.id, v.member),
    validate: (v) => checkRequired(t, [{ field: 'member', label: labels.member, value: v.member }]),
    labels,
    onSuccess: (added) => {
      announce(t('admin.organisations.members.added', { name: added.name }));
      setValues({ member: '' });
      void client.invalidateQueries({ queryKey: ['organisations', o.id, 'members'] });
    },
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <div className="content-narrow">
      <Heading variant="h3" mt="l" mb="s">
        {t('admin.organisations.members.addHeading')}
      </Heading>
      <RefreshFailed query={orderers} />
      {orderers.isPending ? (
        <Loading />
      ) : failedToLoad(orderers) ? (
        <LoadError error={orderers.error} onRetry={() => void orderers.refetch()} />
      ) : candidates.length === 0 ? (
        <Empty text={t('admin.organisations.members.noCandidates')} />
      ) : (
        <Form onSubmit={() => submit(values)} {...formProps} submitLabel={t('admin.organisations.members.submit')}>
          <SelectField
            {...bind('member')}
            hint={t('admin.organisations.members.ordererHint')}
            options={[
              { value: '', label: t('admin.organisations.members.choose') },
              ...candidates.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
            ]}
          />
        </Form>
      )}
    </div>
  );
}
