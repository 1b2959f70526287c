import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from 'suomifi-ui-components';
import { useAnnounce } from '../../components/announcer';
import { DateTimeField, SelectField } from '../../components/fields';
import { type FieldError, fieldBinder, Form, TextField, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { Loaded } from '../../components/states';
import { Paragraph } from '../../components/suomifi';
import { TableRegion } from '../../components/table-region';
import { useServerDraft } from '../../components/server-draft';
import { TASK_TYPES } from '../../components/task-types';
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
import { countyToday } from '../../i18n/helsinki-date';

const today = countyToday;
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
    <Section headingId="schedule-heading" heading={t('feeSettings.schedule.heading')}>
      <Loaded query={query} empty={t('feeSettings.schedule.empty')}>
        {(rates) => (
          <TableRegion caption={t('feeSettings.schedule.caption')}>
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
              {[...rates]
                .sort((a, b) => a.taskType.localeCompare(b.taskType) || b.validFrom.localeCompare(a.validFrom))
                .map((rate) => {
                  const current = inForce(rates).has(rate.id);
                  return (
                    <tr key={rate.id}>
                      <td>{t(`taskTypes.${rate.taskType}`)}</td>
                      <td>{formatDate(language, day(rate.validFrom))}</td>
                      <td className="num">
                        {t(`feeSettings.basis.${rate.basis}Amount`, {
                          amount: formatCents(language, rate.rateCents),
                        })}
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
          </TableRegion>
        )}
      </Loaded>
    </Section>
  );
}

function NewRate() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const client = useQueryClient();
  const [values, setValues] = useState({
    taskType: 'working_group' as string,
    basis: 'hourly' as string,
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
      addFeeRate({
        taskType: v.taskType as NewFeeRate['taskType'],
        basis: v.basis as NewFeeRate['basis'],
        rateCents: parseEuros(v.amount),
        validFrom: v.validFrom,
      }),
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
  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <Section headingId="new-rate-heading" heading={t('feeSettings.newRate.heading')} className="section content-narrow">
      <Paragraph mb="s">{t('feeSettings.newRate.intro')}</Paragraph>
      <Form onSubmit={() => submit(values)} {...formProps} submitLabel={t('feeSettings.newRate.submit')}>
        <SelectField
          {...bind('taskType')}
          options={TASK_TYPES.map((v) => ({ value: v, label: t(`taskTypes.${v}`) }))}
        />
        <SelectField
          {...bind('basis')}
          options={[
            { value: 'hourly', label: t('feeSettings.basis.hourly') },
            { value: 'per_event', label: t('feeSettings.basis.per_event') },
          ]}
        />
        <TextField {...bind('amount', 'rateCents')} hint={t('feeSettings.newRate.amountHint')} />
        <DateTimeField {...bind('validFrom')} type="date" hint={t('feeSettings.newRate.validFromHint')} min={today()} />
      </Form>
    </Section>
  );
}

function Settings() {
  const { t } = useTranslation();
  const query = useFeeSettings();
  return (
    <Section
      headingId="settings-heading"
      heading={t('feeSettings.settings.heading')}
      className="section content-narrow"
    >
      <Loaded query={query}>{(settings) => <SettingsForm settings={settings} />}</Loaded>
      <Paragraph mt="m">{t('feeSettings.settings.lateCancellation')}</Paragraph>
    </Section>
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
  const { values, setValues, changedPart, reset } = useServerDraft<SettingsValues>({
    days: String(settings.claimTimeLimitDays),
    fourEyes: settings.fourEyesApproval,
    claimFourEyes: settings.claimFourEyesAboveCents !== null,
    claimAbove: settings.claimFourEyesAboveCents === null ? '500' : eurosText(settings.claimFourEyesAboveCents),
  });
  const set = (change: Partial<SettingsValues>) => setValues((v) => ({ ...v, ...change }));
  const labels = {
    claimTimeLimitDays: t('feeSettings.settings.claimTimeLimitDays'),
    fourEyesApproval: t('feeSettings.settings.fourEyes'),
    claimFourEyesAboveCents: t('feeSettings.settings.claimFourEyesAbove'),
  };
  const { submit, formProps, errors } = useSubmission({
    // Only what was changed here: another coordinator's change saved meanwhile to another setting stays.
    send: (v: SettingsValues) =>
      updateFeeSettings(
        changedPart(
          {
            claimTimeLimitDays: Number(v.days),
            fourEyesApproval: v.fourEyes,
            claimFourEyesAboveCents: v.claimFourEyes ? parseEuros(v.claimAbove) : null,
          },
          {
            claimTimeLimitDays: ['days'],
            fourEyesApproval: ['fourEyes'],
            claimFourEyesAboveCents: ['claimFourEyes', 'claimAbove'],
          },
        ),
      ),
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
    onSuccess: (saved) => {
      client.setQueryData(['fee-settings'], saved);
      reset();
      announce(t('feeSettings.settings.saved'));
    },
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <Form
      onSubmit={() => submit({ ...values, days: values.days.trim(), claimAbove: values.claimAbove.trim() })}
      {...formProps}
      submitLabel={t('feeSettings.settings.submit')}
    >
      <TextField {...bind('days', 'claimTimeLimitDays')} hint={t('feeSettings.settings.claimTimeLimitHint')} />
      <Checkbox
        id="fourEyesApproval"
        checked={values.fourEyes}
        onClick={({ checkboxState }) => set({ fourEyes: checkboxState })}
        hintText={t('feeSettings.settings.fourEyesHint')}
      >
        {labels.fourEyesApproval}
      </Checkbox>
      <div className="section">
        <Checkbox
          id="claimFourEyes"
          checked={values.claimFourEyes}
          onClick={({ checkboxState }) => set({ claimFourEyes: checkboxState })}
          hintText={t('feeSettings.settings.claimFourEyesHint')}
        >
          {t('feeSettings.settings.claimFourEyes')}
        </Checkbox>
      </div>
      {values.claimFourEyes && (
        <TextField
          {...bind('claimAbove', 'claimFourEyesAboveCents')}
          hint={t('feeSettings.settings.claimFourEyesAboveHint')}
        />
      )}
    </Form>
  );
}
