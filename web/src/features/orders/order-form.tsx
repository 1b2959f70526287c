import { useRef, useState } from 'react';
import type { OnRefused } from '../../components/states';
import { useTranslation } from 'react-i18next';
import { CheckboxesField, RadioField, SelectField } from '../../components/fields';
import { type FieldError, fieldBinder, Form, TextAreaField, TextField, useSubmission } from '../../components/form';
import { Paragraph, RadioButton } from '../../components/suomifi';
import { TASK_TYPES } from '../../components/task-types';
import { fileProblem, UPLOAD_ACCEPT } from '../../components/upload-limits';
import type { Language } from '../../i18n/languages';
import { languageName } from '../../i18n/language-names';
import { helsinkiInstant, helsinkiParts, MAX_ASSIGNMENT_MS } from './helsinki-time';
import {
  attachMaterial,
  createOrder,
  type Order,
  type OrderInput,
  type Organisation,
  updateOrder,
  useTopics,
} from './orders-api';
import { organisationName, topicName } from './order-state';
import { WhenFields } from './when-fields';
import { municipalityOptions, useMunicipalities } from '../../api/municipalities';
import { newIdempotencyKey } from '../../api/idempotency-key';

const WORK_LANGUAGES = ['fi', 'sv', 'en'];
const PREPARATION = ['0', '0.5', '1', '1.5', '2', '3', '4', '6', '8'];

export interface OrderValues {
  organisationId: string;
  taskType: string;
  title: string;
  goal: string;
  audience: string;
  expertRole: string;
  description: string;
  date: string;
  startsAt: string;
  endsAt: string;
  preparationHours: string;
  place: 'onSite' | 'remote';
  municipality: string;
  address: string;
  meetingPoint: string;
  remoteTool: string;
  languages: string[];
  topics: string[];
  expertsNeeded: string;
  materialUrl: string;
  materialFile: File | null;
}

export function initialValues(order: Order | undefined, language: string): OrderValues {
  const start = order ? helsinkiParts(order.startsAt) : { date: '', time: '' };
  return {
    organisationId: order?.organisationId ?? '',
    taskType: order?.taskType ?? '',
    title: order?.title ?? '',
    goal: order?.goal ?? '',
    audience: order?.audience ?? '',
    expertRole: order?.expertRole ?? '',
    description: order?.description ?? '',
    date: start.date,
    startsAt: start.time,
    endsAt: order ? helsinkiParts(order.endsAt).time : '',
    preparationHours: String(order?.preparationHours ?? 0),
    place: order?.remote ? 'remote' : 'onSite',
    municipality: order?.municipality ?? '',
    address: order?.address ?? '',
    meetingPoint: order?.meetingPoint ?? '',
    remoteTool: order?.remoteTool ?? '',
    // A new order starts in the orderer's own language (Finnish for English users): the one most orders need.
    languages: order?.languages ?? [language === 'sv' ? 'sv' : 'fi'],
    topics: order?.topics ?? [],
    expertsNeeded: String(order?.expertsNeeded ?? 1),
    materialUrl: order?.materialUrl ?? '',
    materialFile: null,
  };
}

const trimmed = (value: string) => (value.trim() ? value.trim() : undefined);

// The order's start and end: an end earlier than the start on the clock is on the next day (an evening event past
// midnight).
function span(v: OrderValues): { startsAt: string; endsAt: string } {
  const startsAt = helsinkiInstant(v.date, v.startsAt);
  let endsAt = helsinkiInstant(v.date, v.endsAt);
  if (endsAt <= startsAt) endsAt = new Date(Date.parse(endsAt) + 24 * 3600_000).toISOString();
  return { startsAt, endsAt };
}

function toInput(v: OrderValues): OrderInput {
  const remote = v.place === 'remote';
  const { startsAt, endsAt } = span(v);
  return {
    organisationId: v.organisationId,
    taskType: v.taskType as OrderInput['taskType'],
    title: v.title.trim(),
    goal: trimmed(v.goal),
    audience: trimmed(v.audience),
    expertRole: trimmed(v.expertRole),
    description: trimmed(v.description),
    startsAt,
    endsAt,
    remote,
    municipality: remote ? undefined : v.municipality,
    address: remote ? undefined : trimmed(v.address),
    meetingPoint: remote ? undefined : trimmed(v.meetingPoint),
    remoteTool: remote ? trimmed(v.remoteTool) : undefined,
    languages: v.languages,
    topics: v.topics,
    expertsNeeded: Number(v.expertsNeeded),
    preparationHours: Number(v.preparationHours),
    materialUrl: trimmed(v.materialUrl),
  };
}

interface Props {
  organisations: Organisation[];
  existing?: Order;
  onSaved: (order: Order) => void;
  // See useSubmission.
  onRefused?: OnRefused;
}

// The new-order form in clear sections; it saves a draft, which the order's page sends once its estimate is seen.
export function OrderForm({ organisations, existing, onSaved, onRefused }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const topics = useTopics();
  const municipalities = useMunicipalities();
  const [values, setValues] = useState<OrderValues>(() => initialValues(existing, language));
  const set = (change: Partial<OrderValues>) => setValues((v) => ({ ...v, ...change }));
  // A draft made by an earlier attempt whose file upload failed: the next attempt changes it, not a second one.
  const saved = useRef<string | undefined>(existing?.id);
  const [orderKey] = useState(newIdempotencyKey);
  const fileInput = useRef<HTMLInputElement>(null);

  const labels: Record<string, string> = {
    organisationId: t('orders.fields.organisation'),
    taskType: t('orders.fields.taskType'),
    title: t('orders.fields.title'),
    goal: t('orders.fields.goal'),
    audience: t('orders.fields.audience'),
    expertRole: t('orders.fields.expertRole'),
    description: t('orders.fields.description'),
    date: t('orders.fields.date'),
    startsAt: t('orders.fields.startsAt'),
    endsAt: t('orders.fields.endsAt'),
    preparationHours: t('orders.fields.preparationHours'),
    municipality: t('orders.fields.municipality'),
    address: t('orders.fields.address'),
    meetingPoint: t('orders.fields.meetingPoint'),
    remoteTool: t('orders.fields.remoteTool'),
    languages: t('orders.fields.languages'),
    topics: t('orders.fields.topics'),
    expertsNeeded: t('orders.fields.expertsNeeded'),
    materialUrl: t('orders.fields.materialUrl'),
    file: t('orders.fields.materialFile'),
  };

  const validate = (v: OrderValues): FieldError[] => {
    const found: FieldError[] = [];
    const need = (field: keyof OrderValues & string, ok: boolean) => {
      if (!ok) found.push({ field, text: t('forms.required', { field: labels[field] }) });
    };
    need('organisationId', Boolean(v.organisationId));
    need('taskType', Boolean(v.taskType));
    need('title', Boolean(v.title.trim()));
    need('date', Boolean(v.date));
    need('startsAt', Boolean(v.startsAt));
    need('endsAt', Boolean(v.endsAt));
    // The API's own refusals of the time, in the same words, before sending.
    if (v.date && v.startsAt && v.endsAt) {
      const { startsAt, endsAt } = span(v);
      if (Date.parse(startsAt) <= Date.now())
        found.push({ field: 'startsAt', text: t('errors.field.inPast', { field: labels.startsAt }) });
      // An end at or before the start on the clock would be on the next day: too long for that, it is a slip.
      if (Date.parse(endsAt) - Date.parse(startsAt) > MAX_ASSIGNMENT_MS)
        found.push({
          field: 'endsAt',
          text: t(v.endsAt <= v.startsAt ? 'errors.field.beforeStart' : 'errors.field.longerThanWorkDay', {
            field: labels.endsAt,
          }),
        });
    }
    if (v.place === 'onSite') {
      need('municipality', Boolean(v.municipality));
      need('address', Boolean(v.address.trim()));
    }
    if (v.languages.length === 0) found.push({ field: 'languages', text: t('orders.errors.noLanguage') });
    if (v.materialUrl.trim() && !/^https?:\/\/\S+$/i.test(v.materialUrl.trim()))
      found.push({ field: 'materialUrl', text: t('orders.errors.materialUrl') });
    const fileText = v.materialFile && fileProblem(t, v.materialFile, labels.file);
    if (fileText) found.push({ field: 'file', text: fileText });
    return found;
  };

  const { submit, formProps, errors } = useSubmission({
    labels,
    validate,
    send: async (v: OrderValues) => {
      const input = toInput(v);
      let order = saved.current ? await updateOrder(saved.current, input) : await createOrder(input, orderKey);
      saved.current = order.id;
      if (v.materialFile) order = await attachMaterial(order.id, v.materialFile);
      return order;
    },
    onSuccess: (order) => onSaved(order),
    onRefused,
  });

  const bind = fieldBinder(values, setValues, labels, errors);
  const fileError = errors.find((e) => e.field === 'file')?.text;

  return (
    <Form {...formProps} onSubmit={() => submit(values)} submitLabel={t('orders.form.save')} id="order-form">
      <Paragraph mb="m">{t('orders.form.intro')}</Paragraph>
      <fieldset className="order-fieldset">
        <legend>{t('orders.form.who')}</legend>
        <SelectField
          {...bind('organisationId')}
          hint={t('orders.form.organisationHint')}
          options={[
            { value: '', label: t('orders.form.choose') },
            ...organisations.map((o) => ({ value: o.id, label: `${organisationName(o, language)} (${o.code})` })),
          ]}
        />
      </fieldset>
      <fieldset className="order-fieldset">
        <legend>{t('orders.form.what')}</legend>
        <SelectField
          {...bind('taskType')}
          options={[
            { value: '', label: t('orders.form.choose') },
            ...TASK_TYPES.map((task) => ({ value: task, label: t(`taskTypes.${task}`) })),
          ]}
        />
        <TextField {...bind('title')} hint={t('orders.form.titleHint')} />
        <TextAreaField {...bind('goal')} hint={t('orders.form.goalHint')} optional />
        <TextField {...bind('audience')} hint={t('orders.form.audienceHint')} optional />
        <TextAreaField {...bind('expertRole')} hint={t('orders.form.expertRoleHint')} optional />
      </fieldset>
      <fieldset className="order-fieldset">
        <legend>{t('orders.form.when')}</legend>
        <WhenFields
          fields={{ date: 'date', startsAt: 'startsAt', endsAt: 'endsAt' }}
          labels={labels}
          values={values}
          errors={errors}
          onChange={set}
        />
        <SelectField
          {...bind('preparationHours')}
          hint={t('orders.form.preparationHint')}
          options={PREPARATION.map((h) => ({
            value: h,
            label:
              h === '0'
                ? t('orders.form.noPreparation')
                : t('orders.form.hours', { hours: Number(h).toLocaleString(language) }),
          }))}
        />
      </fieldset>
      <fieldset className="order-fieldset">
        <legend>{t('orders.form.where')}</legend>
        <RadioField
          field="place"
          label={t('orders.fields.place')}
          value={values.place}
          onChange={(place) => set({ place })}
        >
          <RadioButton value="onSite">{t('orders.form.onSite')}</RadioButton>
          <RadioButton value="remote">{t('orders.form.remote')}</RadioButton>
        </RadioField>
        {values.place === 'onSite' ? (
          <>
            <SelectField
              {...bind('municipality')}
              options={[
                { value: '', label: t('orders.form.choose') },
                ...municipalityOptions(language, municipalities.data),
              ]}
            />
            <TextField {...bind('address')} autoComplete="street-address" />
            <TextField {...bind('meetingPoint')} hint={t('orders.form.meetingPointHint')} optional />
          </>
        ) : (
          <TextField {...bind('remoteTool')} hint={t('orders.form.remoteToolHint')} optional />
        )}
      </fieldset>
      <fieldset className="order-fieldset">
        <legend>{t('orders.form.expert')}</legend>
        <CheckboxesField
          {...bind('languages')}
          hint={t('orders.form.languagesHint')}
          options={WORK_LANGUAGES.map((code) => ({ value: code, label: languageName(t, language, code) }))}
        />
        <CheckboxesField
          {...bind('topics')}
          hint={t('orders.form.topicsHint')}
          options={(topics.data?.topics ?? []).map((topic) => ({
            value: topic.code,
            label: topicName(topic, language),
          }))}
        />
        <SelectField
          {...bind('expertsNeeded')}
          options={['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].map((n) => ({ value: n, label: n }))}
        />
      </fieldset>
      <fieldset className="order-fieldset">
        <legend>{t('orders.form.material')}</legend>
        <Paragraph mb="s">{t('orders.form.materialIntro')}</Paragraph>
        <TextField {...bind('materialUrl')} type="url" hint={t('orders.form.materialUrlHint')} optional />
        <div className={`native-field${fileError ? ' native-field--error' : ''}`}>
          <label htmlFor="file" className="native-field__label">
            {labels.file} <span className="native-field__optional">({t('forms.optional')})</span>
          </label>
          <span id="file-hint" className="native-field__hint">
            {existing?.materialFile
              ? t('orders.form.fileReplaces', { name: existing.materialFile.fileName })
              : t('orders.form.fileHint')}
          </span>
          <input
            ref={fileInput}
            id="file"
            name="file"
            type="file"
            accept={UPLOAD_ACCEPT}
            aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => set({ materialFile: e.target.files?.[0] ?? null })}
          />
          {fileError && (
            <span id="file-error" className="native-field__error">
              {fileError}
            </span>
          )}
        </div>
      </fieldset>
    </Form>
  );
}
