import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { DateTimeField, SelectField } from '../../components/fields';
import { type FieldError, fieldBinder, Form, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { Empty, ProblemNotice, RefusedNotice, type OnRefused, Loaded } from '../../components/states';
import { BusyButton } from '../../components/busy-button';
import { Button, Heading, Paragraph } from '../../components/suomifi';
import { Section } from '../../components/section';
import { formatDate, formatWeekdayDate, formatWeekdayName } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import {
  addAbsence,
  addOneOff,
  addWeekly,
  type Availability,
  type Kind,
  removeEntry,
  useMyAvailability,
  useRefreshAvailability,
} from './availability-api';
import { addDays, asInstant, isoWeekNumber, localTime, mondayOf, weekPlan } from './week';
import { countyToday } from '../../i18n/helsinki-date';
import './availability.css';

// My times: the weekly hours, single dates and absences, shown a week at a time and changed one row at a time.
export function AvailabilityPage() {
  const { t } = useTranslation();
  const query = useMyAvailability();
  return (
    <div className="content-narrow">
      <Page title={t('availability.title')}>
        <Paragraph mb="m">{t('availability.intro')}</Paragraph>
        <Loaded query={query}>
          {(availability) => (
            <>
              <Week availability={availability} />
              <WeeklySection availability={availability} />
              <OneOffSection availability={availability} />
              <AbsenceSection availability={availability} />
            </>
          )}
        </Loaded>
      </Page>
    </div>
  );
}

function Week({ availability }: { availability: Availability }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [monday, setMonday] = useState(() => mondayOf(countyToday()));
  const days = weekPlan(availability, monday);
  const range = `${formatDate(language, asInstant(monday))}–${formatDate(language, asInstant(addDays(monday, 6)))}`;
  return (
    <Section
      headingId="week-heading"
      heading={t('availability.week.heading', { week: isoWeekNumber(monday), range })}
      className="availability-section"
    >
      <div className="week-nav">
        <Button variant="secondary" onClick={() => setMonday(addDays(monday, -7))}>
          {t('availability.week.previous')}
        </Button>
        <Button variant="secondary" onClick={() => setMonday(mondayOf(countyToday()))}>
          {t('availability.week.current')}
        </Button>
        <Button variant="secondary" onClick={() => setMonday(addDays(monday, 7))}>
          {t('availability.week.next')}
        </Button>
      </div>
      <ul className="week-days">
        {days.map((day) => (
          <li key={day.date} className="week-day">
            <span className="week-day__date">{formatWeekdayDate(language, asInstant(day.date))}</span>
            <span className="week-day__hours">
              {day.absent
                ? t('availability.week.absent')
                : day.hours.length === 0
                  ? t('availability.week.none')
                  : day.hours
                      .map((h) =>
                        t(h.single ? 'availability.week.singleHours' : 'availability.week.hours', {
                          from: localTime(h.from),
                          to: localTime(h.to),
                        }),
                      )
                      .join(', ')}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

// One remove button per row; a second press while removing does nothing.
function RemoveButton({
  kind,
  id,
  label,
  done,
  onRefused,
}: {
  kind: Kind;
  id: string;
  label: string;
  done: string;
  onRefused: OnRefused;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const refresh = useRefreshAvailability();
  const mutation = useMutation({
    mutationFn: () => removeEntry(kind, id),
    onMutate: () => onRefused(undefined),
    onError: onRefused,
    onSuccess: async () => {
      await refresh();
      announce(done);
    },
  });
  return (
    <>
      <BusyButton
        variant="secondaryNoBorder"
        aria-label={t('availability.removeNamed', { what: label })}
        busy={mutation.isPending}
        onClick={() => mutation.mutate()}
      >
        {t('availability.remove')}
      </BusyButton>
      {mutation.isError && <ProblemNotice error={mutation.error} />}
    </>
  );
}

// A section's rows, each with its remove button. A removal refused because the row was removed meanwhile (another
// tab): the refetch takes the row and its button, and the list keeps the refusal above it.
function RemovableRows<R extends { id: string }>({
  kind,
  rows,
  describe,
  label = describe,
  empty,
  done,
}: {
  kind: Kind;
  rows: R[];
  describe: (row: R) => string;
  // What the remove button names, when not the row's own words.
  label?: (row: R) => string;
  empty: string;
  done: string;
}) {
  const [refused, setRefused] = useState<{ id: string; error: unknown }>();
  return (
    <>
      {refused && !rows.some((r) => r.id === refused.id) && <RefusedNotice error={refused.error} />}
      {rows.length === 0 ? (
        <Empty text={empty} />
      ) : (
        <ul className="availability-rows">
          {rows.map((row) => (
            <li key={row.id}>
              <span>{describe(row)}</span>
              <RemoveButton
                kind={kind}
                id={row.id}
                onRefused={(error) => setRefused(error === undefined ? undefined : { id: row.id, error })}
                label={label(row)}
                done={done}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function timeErrors(
  t: TFunction,
  prefix: string,
  from: string,
  to: string,
  labels: Record<string, string>,
): FieldError[] {
  const found: FieldError[] = [];
  if (!from) found.push({ field: `${prefix}-from`, text: t('forms.required', { field: labels[`${prefix}-from`] }) });
  if (!to) found.push({ field: `${prefix}-to`, text: t('forms.required', { field: labels[`${prefix}-to`] }) });
  if (from && to && to !== '00:00' && to <= from)
    found.push({
      field: `${prefix}-to`,
      text: t('availability.errors.endBeforeStart', { field: labels[`${prefix}-to`] }),
    });
  return found;
}

const endOfDay = (to: string) => (to === '00:00' ? '24:00' : to);

function WeeklySection({ availability }: { availability: Availability }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const labels = {
    'weekly-weekday': t('availability.fields.weekday'),
    'weekly-from': t('availability.fields.from'),
    'weekly-to': t('availability.fields.to'),
    'weekly-validFrom': t('availability.fields.validFrom'),
    'weekly-validUntil': t('availability.fields.validUntil'),
  };
  const hours = (w: Availability['weekly'][number]) =>
    t('availability.week.hours', { from: localTime(w.from), to: localTime(w.to) });
  const until = (w: Availability['weekly'][number]) =>
    w.validUntil ? `, ${t('availability.weekly.until', { date: formatDate(language, asInstant(w.validUntil)) })}` : '';
  return (
    <EntrySection
      texts="weekly"
      id="weekly"
      kind="weekly"
      rows={[...availability.weekly].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from))}
      describe={(w) => `${formatWeekdayName(language, w.weekday)} ${hours(w)}${until(w)}`}
      initial={{ weekday: '1', from: '', to: '', validFrom: countyToday(), validUntil: '' }}
      labels={labels}
      validate={(v) => [
        ...timeErrors(t, 'weekly', v.from, v.to, labels),
        ...required(t, labels, { 'weekly-validFrom': v.validFrom }),
      ]}
      send={(v) =>
        addWeekly({
          weekday: Number(v.weekday),
          from: v.from,
          to: endOfDay(v.to),
          validFrom: v.validFrom,
          validUntil: v.validUntil || null,
        })
      }
      fields={(bind) => (
        <>
          <SelectField
            {...bind('weekday', 'weekly-weekday')}
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: formatWeekdayName(language, d) }))}
          />
          <div className="field-row">
            <DateTimeField type="time" {...bind('from', 'weekly-from')} />
            <DateTimeField type="time" {...bind('to', 'weekly-to')} />
          </div>
          <DateTimeField type="date" {...bind('validFrom', 'weekly-validFrom')} />
          <DateTimeField
            type="date"
            {...bind('validUntil', 'weekly-validUntil')}
            hint={t('availability.fields.validUntilHint')}
            optional
          />
        </>
      )}
    />
  );
}

function OneOffSection({ availability }: { availability: Availability }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const labels = {
    'oneOff-date': t('availability.fields.date'),
    'oneOff-from': t('availability.fields.from'),
    'oneOff-to': t('availability.fields.to'),
  };
  return (
    <EntrySection
      texts="oneOff"
      id="oneoff"
      kind="one-off"
      rows={[...availability.oneOff].sort((a, b) => a.date.localeCompare(b.date) || a.from.localeCompare(b.from))}
      describe={(o) =>
        `${formatWeekdayDate(language, asInstant(o.date))} ${t('availability.week.hours', { from: localTime(o.from), to: localTime(o.to) })}`
      }
      initial={{ date: '', from: '', to: '' }}
      labels={labels}
      validate={(v) => [
        ...required(t, labels, { 'oneOff-date': v.date }),
        ...timeErrors(t, 'oneOff', v.from, v.to, labels),
      ]}
      send={(v) => addOneOff({ date: v.date, from: v.from, to: endOfDay(v.to) })}
      fields={(bind) => (
        <>
          <DateTimeField type="date" {...bind('date', 'oneOff-date')} min={countyToday()} />
          <div className="field-row">
            <DateTimeField type="time" {...bind('from', 'oneOff-from')} />
            <DateTimeField type="time" {...bind('to', 'oneOff-to')} />
          </div>
        </>
      )}
    />
  );
}

function AbsenceSection({ availability }: { availability: Availability }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const labels = {
    'absence-firstDay': t('availability.fields.firstDay'),
    'absence-lastDay': t('availability.fields.lastDay'),
  };
  const describe = (a: Availability['absences'][number]) =>
    a.firstDay === a.lastDay
      ? formatWeekdayDate(language, asInstant(a.firstDay))
      : `${formatDate(language, asInstant(a.firstDay))}–${formatDate(language, asInstant(a.lastDay))}`;
  return (
    <EntrySection
      texts="absence"
      id="absence"
      kind="absences"
      rows={[...availability.absences].sort((a, b) => a.firstDay.localeCompare(b.firstDay))}
      describe={describe}
      label={(a) => t('availability.absence.named', { range: describe(a) })}
      initial={{ firstDay: '', lastDay: '' }}
      labels={labels}
      validate={(v) => [
        ...required(t, labels, { 'absence-firstDay': v.firstDay, 'absence-lastDay': v.lastDay }),
        ...(v.firstDay && v.lastDay && v.lastDay < v.firstDay
          ? [
              {
                field: 'absence-lastDay',
                text: t('availability.errors.lastBeforeFirst', { field: labels['absence-lastDay'] }),
              },
            ]
          : []),
      ]}
      send={(v) => addAbsence({ firstDay: v.firstDay, lastDay: v.lastDay })}
      fields={(bind) => (
        <div className="field-row">
          <DateTimeField type="date" {...bind('firstDay', 'absence-firstDay')} />
          <DateTimeField type="date" {...bind('lastDay', 'absence-lastDay')} />
        </div>
      )}
    />
  );
}

// The fields of `values` left empty, each as "<label> is required".
function required(t: TFunction, labels: Record<string, string>, values: Record<string, string>): FieldError[] {
  return Object.entries(values)
    .filter(([, value]) => !value)
    .map(([field]) => ({ field, text: t('forms.required', { field: labels[field] }) }));
}

// One kind of row (weekly hours, single dates, absences): the rows with their remove buttons, then the form that
// adds one. Its texts are under availability.<texts>, its fields named <texts>-<key>.
function EntrySection<R extends { id: string }, V extends Record<string, string>>({
  texts,
  id,
  kind,
  rows,
  describe,
  label,
  initial,
  labels,
  validate,
  send,
  fields,
}: {
  texts: 'weekly' | 'oneOff' | 'absence';
  // The section's heading is <id>-heading, its form <id>-form.
  id: string;
  kind: Kind;
  rows: R[];
  describe: (row: R) => string;
  label?: (row: R) => string;
  initial: V;
  labels: Record<string, string>;
  validate: (values: V) => FieldError[];
  send: (values: V) => Promise<unknown>;
  fields: (bind: ReturnType<typeof fieldBinder<V>>) => ReactNode;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const refresh = useRefreshAvailability();
  const [values, setValues] = useState(initial);
  const { submit, formProps, errors } = useSubmission({
    labels,
    fieldPrefix: `${texts}-`,
    validate,
    send,
    onSuccess: async () => {
      await refresh();
      setValues(initial);
      announce(t(`availability.${texts}.added`));
    },
  });
  return (
    <Section headingId={`${id}-heading`} heading={t(`availability.${texts}.heading`)} className="availability-section">
      <Paragraph mb="s">{t(`availability.${texts}.intro`)}</Paragraph>
      <RemovableRows
        kind={kind}
        rows={rows}
        describe={describe}
        label={label}
        empty={t(`availability.${texts}.empty`)}
        done={t(`availability.${texts}.removed`)}
      />
      <Heading variant="h3" mb="s" mt="m">
        {t(`availability.${texts}.add`)}
      </Heading>
      <Form
        {...formProps}
        id={`${id}-form`}
        onSubmit={() => submit(values)}
        submitLabel={t(`availability.${texts}.submit`)}
      >
        {fields(fieldBinder(values, setValues, labels, errors))}
      </Form>
    </Section>
  );
}
