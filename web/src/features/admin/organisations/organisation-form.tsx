import { useTranslation } from 'react-i18next';
import { DateTimeField, SelectField } from '../../../components/fields';
import { checkRequired, type FieldError, fieldBinder, Form, TextField, useSubmission } from '../../../components/form';
import { useServerDraft } from '../../../components/server-draft';
import type { Language } from '../../../i18n/languages';
import {
  createOrganisation,
  type Organisation,
  type OrganisationKind,
  organisationName,
  updateOrganisation,
} from './organisations-api';

interface Values {
  kind: OrganisationKind;
  code: string;
  nameFi: string;
  nameSv: string;
  activeFrom: string;
  activeUntil: string;
  ownerUnitId: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

const valuesOf = (o: Organisation): Values => ({
  kind: o.kind,
  code: o.code,
  nameFi: o.nameFi,
  nameSv: o.nameSv,
  activeFrom: o.activeFrom,
  activeUntil: o.activeUntil ?? '',
  ownerUnitId: o.ownerUnitId ?? '',
});

interface Props {
  // Absent: a new unit or project.
  existing?: Organisation;
  units: Organisation[];
  today: string;
  onSaved: (saved: Organisation) => void;
}

// A unit or a project: its names in both languages, its cost centre and the days on which it may order.
export function OrganisationForm({ existing, units, today, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { values, setValues, changedPart, reset } = useServerDraft<Values>(
    existing
      ? valuesOf(existing)
      : { kind: 'project', code: '', nameFi: '', nameSv: '', activeFrom: today, activeUntil: '', ownerUnitId: '' },
  );
  const set = (changes: Partial<Values>) => setValues((v) => ({ ...v, ...changes }));
  const labels = {
    code: t('admin.organisations.fields.code'),
    nameFi: t('admin.organisations.fields.nameFi'),
    nameSv: t('admin.organisations.fields.nameSv'),
    activeFrom: t('admin.organisations.fields.activeFrom'),
    activeUntil: t('admin.organisations.fields.activeUntil'),
    ownerUnitId: t('admin.organisations.fields.ownerUnitId'),
  };
  const { submit, formProps, errors } = useSubmission({
    send: (v: Values) => {
      const body = {
        code: v.code.trim(),
        nameFi: v.nameFi.trim(),
        nameSv: v.nameSv.trim(),
        activeFrom: v.activeFrom,
        activeUntil: v.activeUntil || null,
        ownerUnitId: v.ownerUnitId,
      };
      // A change sends only what was changed here: another admin's change saved meanwhile to another field stays.
      return existing
        ? updateOrganisation(existing.kind, existing.id, changedPart(body))
        : createOrganisation(v.kind, body);
    },
    validate: (v) => {
      const found: FieldError[] = checkRequired(t, [
        { field: 'code', label: labels.code, value: v.code },
        { field: 'nameFi', label: labels.nameFi, value: v.nameFi },
        { field: 'nameSv', label: labels.nameSv, value: v.nameSv },
        { field: 'activeFrom', label: labels.activeFrom, value: v.activeFrom },
        ...(v.kind === 'project' ? [{ field: 'ownerUnitId', label: labels.ownerUnitId, value: v.ownerUnitId }] : []),
      ]);
      if (v.code.trim() && !CODE.test(v.code.trim())) {
        found.splice(0, 0, { field: 'code', text: t('admin.organisations.fields.codeInvalid') });
      }
      if (v.activeFrom && v.activeUntil && v.activeUntil < v.activeFrom) {
        found.push({ field: 'activeUntil', text: t('admin.organisations.fields.untilBeforeFrom') });
      }
      const order = Object.keys(labels);
      return found.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    },
    labels,
    onSuccess: (saved) => {
      if (existing) reset();
      onSaved(saved);
    },
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <Form
      onSubmit={() => submit(values)}
      {...formProps}
      submitLabel={existing ? t('admin.organisations.edit.submit') : t('admin.organisations.create.submit')}
    >
      {!existing && (
        <SelectField
          field="kind"
          label={t('admin.organisations.fields.kind')}
          value={values.kind}
          onChange={(kind) => set({ kind: kind as OrganisationKind })}
          errors={errors}
          options={(['project', 'unit'] as const).map((k) => ({
            value: k,
            label: t(`admin.organisations.kinds.${k}`),
          }))}
        />
      )}
      <TextField {...bind('nameFi')} autoComplete="off" />
      <TextField {...bind('nameSv')} autoComplete="off" />
      <TextField {...bind('code')} hint={t('admin.organisations.fields.codeHint')} autoComplete="off" />
      {values.kind === 'project' && (
        <SelectField
          {...bind('ownerUnitId')}
          options={[
            { value: '', label: t('admin.organisations.fields.chooseUnit') },
            ...units.map((u) => ({ value: u.id, label: `${organisationName(u, language)} (${u.code})` })),
          ]}
        />
      )}
      <DateTimeField {...bind('activeFrom')} type="date" />
      <DateTimeField
        {...bind('activeUntil')}
        type="date"
        hint={t('admin.organisations.fields.activeUntilHint')}
        optional
      />
    </Form>
  );
}
