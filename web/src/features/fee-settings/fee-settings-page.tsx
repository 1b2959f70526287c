import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from 'suomifi-ui-components';
import { useAnnounce } from '../../components/announcer';
import { DateTimeField, SelectField } from '../../components/fields';
import { type FieldError, Form, TextField, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { Empty, LoadError, Loading } from '../../components/states';
import { Heading, Paragraph } from '../../components/suomifi';
import { TableRegion } from '../../components/table-region';
import { formatCents, formatDate } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import {
  addFeeRate,
  type FeeRate,
  type FeeSettings,
  type NewFeeRate,
  parseEuros,
  updateFeeSettings,
  useFeeSchedule,
  useFeeSettings,
} from './fee-settings-api';

const TASK_TYPES: NewFeeRate['taskType'][] = [
  'working_group',
  'evaluation',
  'staff_meeting_training',
  'lecture',
  'workshop_event',
  'client_session',
  'professional_pair',
];
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());
const day = (date: string) => `${date}T12:00:00Z`;

// The coordinator's fee schedule (dated rows, never rewritten) and the fee settings.
export function FeeSettingsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('feeSettings.title')}>
      <Paragraph mb="m">{t('feeSettings.intro')}</Paragraph>
      <Schedule />
      <NewRate />
      <Settings />
    </Page>
  );
}

// The row in force today for each task type: the latest that has begun.
function inForce(rates: FeeRate[]): Set<string> {
  const now = today();
  const current = new Map<string, FeeRate>();
  for (const rate of rates) {
    if (rate.validFrom > now) continue;
    const seen = current.get(rate.taskType);
    if (!seen || rate.validFrom > seen.validFrom) current.set(rate.taskType, rate);
  }
  return new Set([...current.values()].map((r) => r.id));
}

function Schedule() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const query = useFeeSchedule();
  return (
    <section aria-labelledby="schedule-heading" className="section">
      <Heading variant="h2" id="schedule-heading" mb="s">
        {t('feeSettings.schedule.heading')}
      </Heading>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <Empty text={t('feeSettings.schedule.empty')} />
      ) : (
        <TableRegion label={t('feeSettings.schedule.heading')}>
          <table className="data-table">
            <caption>{t('feeSettings.schedule.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('feeSettings.schedule.taskType')}</th>
                <th scope="col">{t('feeSettings.schedule.validFrom')}</th>
                <th scope="col" className="num">
                  {t('feeSettings.schedule.rate')}
                </th>
                <th scope="col">{t('feeSettings.schedule.state')}</th>
              </tr>
            </thead>
            <tbody>
              {[...query.data]
                .sort((a, b) => a.taskType.localeCompare(b.taskType) || b.validFrom.localeCompare(a.validFrom))
                .map((rate) => {
                  const current = inForce(query.data).has(rate.id);
                  return (
                    <tr key={rate.id}>
                      <td>{t(`taskTypes.${rate.taskType}`)}</td>
                      <td>{formatDate(language, day(rate.validFrom))}</td>
                      <td className="num">
                        {t(`feeSettings.basis.${rate.basis}Amount`, { amount: formatCents(language, rate.rateCents) })}
                      </td>
                      <td>
                        {current
                          ? t('feeSettings.schedule.current')
                          : rate.validFrom > today()
                            ? t('feeSettings.schedule.upcoming')
                            : t('feeSettings.schedule.past')}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

function NewRate() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const client = useQueryClient();
  const [values, setValues] = useState({
    taskType: 'working_group' as NewFeeRate['taskType'],
    basis: 'hourly' as NewFeeRate['basis'],
    amount: '',
    validFrom: today(),
  });
  const labels = {
    taskType: t('feeSettings.newRate.taskType'),
    basis: t('feeSettings.newRate.basis'),
    rateCents: t('feeSettings.newRate.amount'),
    validFrom: t('feeSettings.newRate.validFrom'),
  };
  const { submit, formProps, errors } = useSubmission({
    send: (v: typeof values) =>
      addFeeRate({ taskType: v.taskType, basis: v.basis, rateCents: parseEuros(v.amount), validFrom: v.validFrom }),
    validate: (v) => {
      const found: FieldError[] = [];
      if (Number.isNaN(parseEuros(v.amount)) || parseEuros(v.amount) < 1)
        found.push({ field: 'rateCents', text: t('feeSettings.newRate.amountInvalid') });
      if (!v.validFrom) found.push({ field: 'validFrom', text: t('forms.required', { field: labels.validFrom }) });
      else if (v.validFrom < today()) found.push({ field: 'validFrom', text: t('feeSettings.newRate.notPast') });
      return found;
    },
    labels,
    onSuccess: () => {
      announce(t('feeSettings.newRate.added'));
      setValues((v) => ({ ...v, amount: '' }));
      void client.invalidateQueries({ queryKey: ['fee-schedule'] });
    },
  });
  return (
    <section aria-labelledby="new-rate-heading" className="section content-narrow">
      <Heading variant="h2" id="new-rate-heading" mb="s">
        {t('feeSettings.newRate.heading')}
      </Heading>
      <Paragraph mb="s">{t('feeSettings.newRate.intro')}</Paragraph>
      <Form onSubmit={() => submit(values)} {...formProps} submitLabel={t('feeSettings.newRate.submit')}>
        <SelectField
          field="taskType"
          label={labels.taskType}
          value={values.taskType}
          onChange={(taskType) => setValues((v) => ({ ...v, taskType: taskType as NewFeeRate['taskType'] }))}
          errors={errors}
          options={TASK_TYPES.map((v) => ({ value: v, label: t(`taskTypes.${v}`) }))}
        />
        <SelectField
          field="basis"
          label={labels.basis}
          value={values.basis}
          onChange={(basis) => setValues((v) => ({ ...v, basis: basis as NewFeeRate['basis'] }))}
          errors={errors}
          options={[
            { value: 'hourly', label: t('feeSettings.basis.hourly') },
            { value: 'per_event', label: t('feeSettings.basis.per_event') },
          ]}
        />
        <TextField
          field="rateCents"
          label={labels.rateCents}
          hint={t('feeSettings.newRate.amountHint')}
          value={values.amount}
          onChange={(amount) => setValues((v) => ({ ...v, amount }))}
          errors={errors}
        />
        <DateTimeField
          field="validFrom"
          type="date"
          label={labels.validFrom}
          hint={t('feeSettings.newRate.validFromHint')}
          min={today()}
          value={values.validFrom}
          onChange={(validFrom) => setValues((v) => ({ ...v, validFrom }))}
          errors={errors}
        />
      </Form>
    </section>
  );
}

function Settings() {
  const { t } = useTranslation();
  const query = useFeeSettings();
  return (
    <section aria-labelledby="settings-heading" className="section content-narrow">
      <Heading variant="h2" id="settings-heading" mb="s">
        {t('feeSettings.settings.heading')}
      </Heading>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <SettingsForm settings={query.data} />
      )}
      <Paragraph mt="m">{t('feeSettings.settings.lateCancellation')}</Paragraph>
    </section>
  );
}

interface SettingsValues {
  days: string;
  fourEyes: boolean;
  claimFourEyes: boolean;
  claimAbove: string;
}

// Cents as euros for the field: 50000 → "500", 12345 → "123,45" (parseEuros reads either separator).
const eurosText = (cents: number) =>
  cents % 100 === 0 ? String(cents / 100) : `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

function SettingsForm({ settings }: { settings: FeeSettings }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const client = useQueryClient();
  const [days, setDays] = useState(String(settings.claimTimeLimitDays));
  const [fourEyes, setFourEyes] = useState(settings.fourEyesApproval);
  const [claimFourEyes, setClaimFourEyes] = useState(settings.claimFourEyesAboveCents !== null);
  const [claimAbove, setClaimAbove] = useState(
    settings.claimFourEyesAboveCents === null ? '500' : eurosText(settings.claimFourEyesAboveCents),
  );
  useEffect(() => setFourEyes(settings.fourEyesApproval), [settings.fourEyesApproval]);
  useEffect(() => setClaimFourEyes(settings.claimFourEyesAboveCents !== null), [settings.claimFourEyesAboveCents]);
  const labels = {
    claimTimeLimitDays: t('feeSettings.settings.claimTimeLimitDays'),
    fourEyesApproval: t('feeSettings.settings.fourEyes'),
    claimFourEyesAboveCents: t('feeSettings.settings.claimFourEyesAbove'),
  };
  const { submit, formProps, errors } = useSubmission({
    send: (v: SettingsValues) =>
      updateFeeSettings({
        claimTimeLimitDays: Number(v.days),
        fourEyesApproval: v.fourEyes,
        claimFourEyesAboveCents: v.claimFourEyes ? parseEuros(v.claimAbove) : null,
      }),
    validate: (v) => {
      const found: FieldError[] = [];
      if (!(/^\d{1,4}$/.test(v.days.trim()) && Number(v.days) >= 1 && Number(v.days) <= 3650))
        found.push({ field: 'claimTimeLimitDays', text: t('feeSettings.settings.daysInvalid') });
      const above = parseEuros(v.claimAbove);
      if (v.claimFourEyes && (Number.isNaN(above) || above > 10_000_000))
        found.push({ field: 'claimFourEyesAboveCents', text: t('feeSettings.settings.claimFourEyesInvalid') });
      return found;
    },
    labels,
    onSuccess: () => {
      announce(t('feeSettings.settings.saved'));
      void client.invalidateQueries({ queryKey: ['fee-settings'] });
    },
  });
  return (
    <Form
      onSubmit={() => submit({ days: days.trim(), fourEyes, claimFourEyes, claimAbove: claimAbove.trim() })}
      {...formProps}
      submitLabel={t('feeSettings.settings.submit')}
    >
      <TextField
        field="claimTimeLimitDays"
        label={labels.claimTimeLimitDays}
        hint={t('feeSettings.settings.claimTimeLimitHint')}
        value={days}
        onChange={setDays}
        errors={errors}
      />
      <Checkbox
        id="fourEyesApproval"
        checked={fourEyes}
        onClick={({ checkboxState }) => setFourEyes(checkboxState)}
        hintText={t('feeSettings.settings.fourEyesHint')}
      >
        {labels.fourEyesApproval}
      </Checkbox>
      <div className="section">
        <Checkbox
          id="claimFourEyes"
          checked={claimFourEyes}
          onClick={({ checkboxState }) => setClaimFourEyes(checkboxState)}
          hintText={t('feeSettings.settings.claimFourEyesHint')}
        >
          {t('feeSettings.settings.claimFourEyes')}
        </Checkbox>
      </div>
      {claimFourEyes && (
        <TextField
          field="claimFourEyesAboveCents"
          label={labels.claimFourEyesAboveCents}
          hint={t('feeSettings.settings.claimFourEyesAboveHint')}
          value={claimAbove}
          onChange={setClaimAbove}
          errors={errors}
        />
      )}
    </Form>
  );
}
