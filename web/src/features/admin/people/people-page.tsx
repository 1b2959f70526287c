import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../api/idempotency-key';
import { useUser } from '../../../api/use-session';
import { useAnnounce } from '../../../components/announcer';
import { SelectField } from '../../../components/fields';
import { checkRequired, fieldBinder, Form, TextField, useSubmission } from '../../../components/form';
import { Page } from '../../../components/page';
import { Pager } from '../../../components/pager';
import { Loaded, RefusedNotice, type OnRefused } from '../../../components/states';
import { BusyButton } from '../../../components/busy-button';
import { Button, Paragraph } from '../../../components/suomifi';
import { TableHead } from '../../../components/table';
import { TableRegion } from '../../../components/table-region';
import { Section } from '../../../components/section';
import { formatDateTime } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import {
  changeRole,
  inviteUser,
  PAGE_SIZE,
  useAccountAction,
  usePeople,
  type User,
  type UserRole,
  type UserStatus,
} from './people-api';

const ROLES: UserRole[] = ['orderer', 'expert', 'coordinator', 'admin'];
const STATUSES: UserStatus[] = ['invited', 'active', 'disabled'];
const LANGUAGES: Language[] = ['fi', 'sv', 'en'];

// Accounts: invite a person, send a new invitation link, correct a role, disable and enable.
export function PeoplePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.people.title')}>
      <Paragraph mb="s">{t('admin.people.intro')}</Paragraph>
      <Paragraph mb="m">{t('admin.people.roleRules')}</Paragraph>
      <Invite />
      <People />
    </Page>
  );
}

function Invite() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const client = useQueryClient();
  const [values, setValues] = useState({
    name: '',
    email: '',
    role: 'orderer' as UserRole,
    language: 'fi' as Language,
  });
  const [inviteKey, setInviteKey] = useState(newIdempotencyKey);
  const labels = {
    name: t('admin.people.invite.name'),
    email: t('admin.people.invite.email'),
    role: t('admin.people.invite.role'),
    language: t('admin.people.invite.language'),
  };
  const { submit, formProps, errors } = useSubmission({
    send: (v: typeof values) =>
      inviteUser({ name: v.name.trim(), email: v.email.trim(), role: v.role, language: v.language }, inviteKey),
    validate: (v) =>
      checkRequired(t, [
        { field: 'name', label: labels.name, value: v.name },
        { field: 'email', label: labels.email, value: v.email, email: true },
      ]),
    labels,
    onSuccess: (user) => {
      announce(t('admin.people.invite.done', { email: user.email }));
      setValues((v) => ({ ...v, name: '', email: '' }));
      setInviteKey(newIdempotencyKey());
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <Section headingId="invite-heading" heading={t('admin.people.invite.heading')} className="section content-narrow">
      <Form onSubmit={() => submit(values)} {...formProps} submitLabel={t('admin.people.invite.submit')}>
        <TextField {...bind('name')} autoComplete="off" />
        <TextField {...bind('email')} type="email" autoComplete="off" />
        <SelectField
          field="role"
          label={labels.role}
          value={values.role}
          onChange={(role) => setValues((v) => ({ ...v, role: role as UserRole }))}
          errors={errors}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <SelectField
          field="language"
          label={labels.language}
          value={values.language}
          onChange={(language) => setValues((v) => ({ ...v, language: language as Language }))}
          errors={errors}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`admin.people.languages.${l}`) }))}
        />
      </Form>
    </Section>
  );
}

function People() {
  const { t } = useTranslation();
  const [role, setRole] = useState('');
  const [status, setStatus] = useState('');
  // What is typed, and what the list was last searched for (on Enter or the button: not a request per key).
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  // An account changed meanwhile (another admin) may leave a filtered list with the refetch that its refusal
  // starts, and take its row's notice: the refusal then stays above the list.
  const [refused, setRefused] = useState<{ id: string; error: unknown }>();
  const query = usePeople(
    {
      role: (role || undefined) as UserRole | undefined,
      status: (status || undefined) as UserStatus | undefined,
      search: search || undefined,
    },
    offset,
  );
  return (
    <Section headingId="people-heading" heading={t('admin.people.list.heading')}>
      <form
        role="search"
        aria-label={t('admin.people.list.search')}
        className="people-search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(typed.trim().slice(0, 100));
          setOffset(0);
        }}
      >
        <TextField
          field="people-search"
          label={t('admin.people.list.search')}
          hint={t('admin.people.list.searchHint')}
          value={typed}
          onChange={setTyped}
          errors={[]}
        />
        <Button type="submit" variant="secondary">
          {t('admin.people.list.searchSubmit')}
        </Button>
      </form>
      <div className="filters">
        <SelectField
          field="people-role"
          label={t('admin.people.list.role')}
          value={role}
          onChange={(v) => (setRole(v), setOffset(0))}
          options={[
            { value: '', label: t('admin.people.list.all') },
            ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
          ]}
        />
        <SelectField
          field="people-status"
          label={t('admin.people.list.status')}
          value={status}
          onChange={(v) => (setStatus(v), setOffset(0))}
          options={[
            { value: '', label: t('admin.people.list.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`admin.people.status.${s}`) })),
          ]}
        />
      </div>
      {refused && !query.data?.items.some((u) => u.id === refused.id) && <RefusedNotice error={refused.error} />}
      <Loaded query={query} empty={t('admin.people.list.empty')} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <>
            <TableRegion caption={t('admin.people.list.caption', { total: page.total })}>
              <TableHead
                columns={[
                  { header: t('admin.people.columns.name') },
                  { header: t('admin.people.columns.email') },
                  { header: t('admin.people.columns.role') },
                  { header: t('admin.people.columns.status') },
                  { header: t('admin.people.columns.lastLogin') },
                  { header: t('admin.people.columns.actions') },
                ]}
              />
              <tbody>
                {page.items.map((user) => (
                  <Person
                    key={user.id}
                    user={user}
                    onRefused={(error) => setRefused(error === undefined ? undefined : { id: user.id, error })}
                  />
                ))}
              </tbody>
            </TableRegion>
            <Pager offset={offset} limit={PAGE_SIZE} total={page.total} onChange={setOffset} />
          </>
        )}
      </Loaded>
    </Section>
  );
}

// A coordinator grants the roles of the people they work with; an admin every role (user-permissions.rule.ts).
const GRANTABLE: Record<UserRole, UserRole[]> = {
  admin: ROLES,
  coordinator: ['orderer', 'expert'],
  orderer: [],
  expert: [],
};

function Person({ user, onRefused }: { user: User; onRefused: OnRefused }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const signedIn = useUser();
  const self = signedIn?.id === user.id;
  const grantable = signedIn ? GRANTABLE[signedIn.role].filter((r) => r !== user.role) : [];
  const [changingRole, setChangingRole] = useState(false);
  const roleButton = useRef<HTMLButtonElement>(null);
  const action = useAccountAction();
  const run = (kind: 'disable' | 'enable' | 'invitation') => {
    if (action.isPending) return;
    onRefused(undefined);
    action.mutate(
      { id: user.id, action: kind },
      { onSuccess: () => announce(t(`admin.people.actions.${kind}Done`, { name: user.name })), onError: onRefused },
    );
  };
  const button = (kind: 'disable' | 'enable' | 'invitation') => (
    <BusyButton
      variant="secondary"
      busy={action.isPending && action.variables?.action === kind}
      blocked={action.isPending}
      aria-label={t(`admin.people.actions.${kind}Named`, { name: user.name })}
      onClick={() => run(kind)}
    >
      {t(`admin.people.actions.${kind}`)}
    </BusyButton>
  );
  const closeRoleChange = () => {
    setChangingRole(false);
    // Back where the person started: the button that opened the form.
    setTimeout(() => roleButton.current?.focus());
  };
  return (
    <tr>
      <td>{user.name}</td>
      <td>{user.email}</td>
      <td>{t(`roles.${user.role}`)}</td>
      <td>{t(`admin.people.status.${user.status}`)}</td>
      <td>{user.lastLoginAt ? formatDateTime(language, user.lastLoginAt) : '–'}</td>
      <td>
        <div className="actions">
          {user.status === 'invited' && button('invitation')}
          {!self && grantable.length > 0 && !changingRole && (
            <Button
              ref={roleButton}
              variant="secondary"
              aria-label={t('admin.people.role.changeNamed', { name: user.name })}
              onClick={() => setChangingRole(true)}
            >
              {t('admin.people.role.change')}
            </Button>
          )}
          {user.status !== 'disabled' && !self && button('disable')}
          {user.status === 'disabled' && button('enable')}
        </div>
        {changingRole && <RoleChange user={user} grantable={grantable} onClose={closeRoleChange} />}
        {/* The status changed meanwhile swaps the pressed button: the refusal takes its focus. */}
        {action.isError && <RefusedNotice error={action.error} />}
      </td>
    </tr>
  );
}

// The new role for one account; a refusal (an expert with work, the last admin) is told in the form.
function RoleChange({ user, grantable, onClose }: { user: User; grantable: UserRole[]; onClose: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const client = useQueryClient();
  const [role, setRole] = useState<UserRole>(grantable[0]);
  const field = `role-${user.id}`;
  const { submit, formProps } = useSubmission({
    send: (r: UserRole) => changeRole(user.id, r),
    labels: {},
    onSuccess: (saved) => {
      announce(t('admin.people.role.done', { name: saved.name, role: t(`roles.${saved.role}`) }));
      void client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  const select = useRef<HTMLDivElement>(null);
  useEffect(() => select.current?.querySelector('select')?.focus(), []);
  return (
    <div ref={select} className="role-change">
      <Form onSubmit={() => submit(role)} {...formProps} submitLabel={t('admin.people.role.submit')}>
        <SelectField
          field={field}
          label={t('admin.people.role.label', { name: user.name })}
          hint={t('admin.people.role.hint')}
          value={role}
          onChange={(r) => setRole(r as UserRole)}
          options={grantable.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
      </Form>
      <Button variant="secondary" mt="s" onClick={onClose}>
        {t('admin.people.role.cancel')}
      </Button>
    </div>
  );
}
