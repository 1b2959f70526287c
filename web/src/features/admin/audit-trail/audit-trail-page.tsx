import { useMutation } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../components/announcer';
import { DateTimeField } from '../../../components/fields';
import { type FieldError, fieldBinder, Form, TextField } from '../../../components/form';
import { Page } from '../../../components/page';
import { Pager } from '../../../components/pager';
import { saveBlob } from '../../../components/save-file';
import { BusyButton } from '../../../components/busy-button';
import { Section } from '../../../components/section';
import { Loaded, ProblemNotice } from '../../../components/states';
import { Paragraph } from '../../../components/suomifi';
import { TableRegion } from '../../../components/table-region';
import { formatDateTime } from '../../../i18n/format';
import { nextDay, startOfHelsinkiDay } from '../../../i18n/helsinki-date';
import type { Language } from '../../../i18n/languages';
import { TOKEN_REJECTED, tokenRejectionText } from './audit-details';
import { type AuditEvent, type AuditFilter, fetchAuditCsv, PAGE_SIZE, useAuditEvents } from './audit-trail-api';

interface Draft {
  actorEmail: string;
  action: string;
  entityId: string;
  from: string;
  to: string;
}
const EMPTY: Draft = { actorEmail: '', action: '', entityId: '', from: '', to: '' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toFilter(d: Draft): AuditFilter {
  const filter: AuditFilter = {};
  if (d.actorEmail.trim()) filter.actorEmail = d.actorEmail.trim();
  if (d.action.trim()) filter.action = d.action.trim();
  if (d.entityId.trim()) filter.entityId = d.entityId.trim().toLowerCase();
  if (d.from) filter.from = startOfHelsinkiDay(d.from);
  // The last day chosen is included: the range ends where the next day begins.
  if (d.to) filter.to = startOfHelsinkiDay(nextDay(d.to));
  return filter;
}

// Who did what and when: the admin reads the trail, readings of IBANs and identity codes included.
export function AuditTrailPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [offset, setOffset] = useState(0);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const labels = {
    actorEmail: t('admin.audit.filters.actorEmail'),
    action: t('admin.audit.filters.action'),
    entityId: t('admin.audit.filters.entityId'),
    from: t('admin.audit.filters.from'),
    to: t('admin.audit.filters.to'),
  };
  const bind = fieldBinder(draft, setDraft, labels, errors);

  const search = () => {
    const found: FieldError[] = [];
    if (draft.actorEmail.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.actorEmail.trim()))
      found.push({ field: 'actorEmail', text: t('forms.invalidEmail', { field: labels.actorEmail }) });
    if (draft.action.trim() && !/^[a-z_]{1,40}(\.[a-z_]{1,40})?$/.test(draft.action.trim()))
      found.push({ field: 'action', text: t('admin.audit.filters.actionInvalid') });
    if (draft.entityId.trim() && !UUID.test(draft.entityId.trim()))
      found.push({ field: 'entityId', text: t('admin.audit.filters.entityIdInvalid') });
    if (draft.from && draft.to && draft.to < draft.from)
      found.push({ field: 'to', text: t('admin.audit.filters.toBeforeFrom') });
    setErrors(found);
    setAttempt((a) => a + 1);
    if (found.length > 0) return;
    setFilter(toFilter(draft));
    setOffset(0);
  };

  return (
    <Page title={t('admin.audit.title')}>
      <Paragraph mb="m">{t('admin.audit.intro')}</Paragraph>
      <Section headingId="audit-filters-heading" heading={t('admin.audit.filters.heading')}>
        <Form
          onSubmit={search}
          pending={false}
          errors={errors}
          attempt={attempt}
          submitLabel={t('admin.audit.filters.search')}
        >
          <div className="filters">
            <TextField {...bind('actorEmail')} type="email" optional />
            <TextField {...bind('action')} hint={t('admin.audit.filters.actionHint')} optional />
            <TextField {...bind('entityId')} optional />
            <DateTimeField {...bind('from')} type="date" optional />
            <DateTimeField {...bind('to')} type="date" optional />
          </div>
        </Form>
      </Section>
      <Results filter={filter} offset={offset} onOffset={setOffset} />
    </Page>
  );
}

function Results({
  filter,
  offset,
  onOffset,
}: {
  filter: AuditFilter;
  offset: number;
  onOffset: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const query = useAuditEvents(filter, offset);
  const download = useMutation({
    mutationFn: () => fetchAuditCsv(filter),
    onSuccess: (blob) => {
      saveBlob(blob, 'audit-events.csv');
      announce(t('admin.audit.downloaded'));
    },
  });
  return (
    <Section headingId="audit-results-heading" heading={t('admin.audit.results')}>
      <Loaded query={query} empty={t('admin.audit.empty')} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <>
            <div className="actions">
              <BusyButton variant="secondary" busy={download.isPending} onClick={() => download.mutate()}>
                {t('admin.audit.downloadCsv')}
              </BusyButton>
            </div>
            {download.isError && <ProblemNotice error={download.error} />}
            <TableRegion caption={t('admin.audit.caption', { total: page.total })}>
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.columns.time')}</th>
                  <th scope="col">{t('admin.audit.columns.actor')}</th>
                  <th scope="col">{t('admin.audit.columns.action')}</th>
                  <th scope="col">{t('admin.audit.columns.entity')}</th>
                  <th scope="col">{t('admin.audit.columns.details')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((event) => (
                  <EventRow key={event.id} event={event} />
                ))}
              </tbody>
            </TableRegion>
            <Pager offset={offset} limit={PAGE_SIZE} total={page.total} onChange={onOffset} />
          </>
        )}
      </Loaded>
    </Section>
  );
}

// A code breaks only after its dots and underscores ("booking_request.cancelled"), never inside a word.
function Code({ text }: { text: string }) {
  const parts = text.split(/(?<=[._])/);
  return (
    <code className="code-words">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </code>
  );
}

function EventRow({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const details = Object.entries(event.details ?? {});
  const rejection = tokenRejectionText(t, language, event);
  return (
    <tr>
      <td>{formatDateTime(language, event.occurredAt)}</td>
      <td>
        {event.actorId ? (
          <>
            {event.actorName ?? t('admin.audit.unknownActor')}
            {event.actorRole && <> ({t(`roles.${event.actorRole}`)})</>}
            {event.actorEmail && (
              <>
                <br />
                {event.actorEmail}
              </>
            )}
          </>
        ) : event.action === TOKEN_REJECTED ? (
          t('admin.audit.unidentified')
        ) : (
          t('admin.audit.system')
        )}
        {event.action === TOKEN_REJECTED && event.ip && (
          <>
            <br />
            {t('admin.audit.from', { ip: event.ip })}
          </>
        )}
      </td>
      <td>
        <Code text={event.action} />
        {/payment_details_read|payroll_downloaded/.test(event.action) && (
          <>
            <br />
            {t('admin.audit.secretRead')}
          </>
        )}
        {event.action === TOKEN_REJECTED && (
          <>
            <br />
            {t('admin.audit.tokenRejected')}
          </>
        )}
      </td>
      <td>
        {event.entityType && <Code text={event.entityType} />}
        {event.entityName && (
          <>
            <br />
            {event.entityName}
          </>
        )}
        {event.entityId && (
          <>
            <br />
            <code>{event.entityId}</code>
          </>
        )}
      </td>
      <td>
        {rejection ??
          (details.length > 0 && (
            <code>
              {details
                .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
                .join('; ')}
            </code>
          ))}
      </td>
    </tr>
  );
}
