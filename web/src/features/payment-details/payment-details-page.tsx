import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { CheckboxesField, RadioField } from '../../components/fields';
import { type FieldError, Form, TextField, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { Empty, Loaded } from '../../components/states';
import { Heading, Paragraph, RadioButton } from '../../components/suomifi';
import { Section } from '../../components/section';
import { formatNumber } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import {
  type PaymentDetails,
  savePaymentDetails,
  useMyPaymentDetails,
  useStorePaymentDetails,
} from './payment-details-api';
import './payment-details.css';

export function PaymentDetailsPage() {
  const { t } = useTranslation();
  const query = useMyPaymentDetails();
  return (
    <div className="content-narrow">
      <Page title={t('paymentDetails.title')}>
        <Paragraph mb="m">{t('paymentDetails.intro')}</Paragraph>
        <Loaded query={query}>
          {(details) => (
            <>
              <Current details={details} />
              <ChangeForm details={details} />
            </>
          )}
        </Loaded>
      </Page>
    </div>
  );
}

function Current({ details }: { details: PaymentDetails | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const none = t('paymentDetails.current.none');
  return (
    <Section headingId="current-heading" heading={t('paymentDetails.current.heading')} className="payment-section">
      {details === null ? (
        <Empty text={t('paymentDetails.current.empty')} />
      ) : (
        <dl className="facts">
          <dt>{t('paymentDetails.fields.iban')}</dt>
          <dd className="masked">{details.ibanMasked ?? none}</dd>
          <dt>{t('paymentDetails.fields.identityCode')}</dt>
          <dd className="masked">{details.identityCodeMasked ?? none}</dd>
          <dt>{t('paymentDetails.fields.taxPercent')}</dt>
          <dd>
            {details.taxPercent === null || details.taxPercent === undefined
              ? t('paymentDetails.current.noTaxCard')
              : t('paymentDetails.current.taxCard', {
                  percent: formatNumber(language, details.taxPercent, details.taxPercent % 1 ? 1 : 0),
                  year: details.taxCardYear,
                })}
          </dd>
          <dt>{t('paymentDetails.fields.payee')}</dt>
          <dd>
            {details.association
              ? t('paymentDetails.current.association', {
                  name: details.association.name,
                  businessId: details.association.businessId,
                  iban: details.association.ibanMasked,
                })
              : t('paymentDetails.payee.expert')}
          </dd>
          <dt>{t('paymentDetails.fields.fee')}</dt>
          <dd>{t(details.declinesFee ? 'paymentDetails.current.declines' : 'paymentDetails.current.takesFee')}</dd>
        </dl>
      )}
    </Section>
  );
}

// "12,5" or "12.5" → 12.5; empty → null; anything else → undefined.
function parsePercent(text: string): number | null | undefined {
  const clean = text.replace(/[\s%]/g, '').replace(',', '.');
  if (!clean) return null;
  return /^\d{1,3}(\.\d{1,2})?$/.test(clean) && Number(clean) <= 100 ? Number(clean) : undefined;
}

function ChangeForm({ details }: { details: PaymentDetails | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const store = useStorePaymentDetails();
  const [values, setValues] = useState({
    iban: '',
    identityCode: '',
    taxPercent:
      details?.taxPercent === null || details?.taxPercent === undefined
        ? ''
        : formatNumber(language, details.taxPercent, details.taxPercent % 1 ? 1 : 0),
    taxCardYear: details?.taxCardYear ? String(details.taxCardYear) : '',
    payee: (details?.payee ?? 'expert') as 'expert' | 'association',
    associationName: details?.association?.name ?? '',
    associationBusinessId: details?.association?.businessId ?? '',
    associationIban: '',
    declinesFee: details?.declinesFee ? ['yes'] : [],
  });
  // The API's field names; the association's are nested.
  const labels = {
    iban: t('paymentDetails.fields.iban'),
    identityCode: t('paymentDetails.fields.identityCode'),
    taxPercent: t('paymentDetails.fields.taxPercent'),
    taxCardYear: t('paymentDetails.fields.taxCardYear'),
    payee: t('paymentDetails.fields.payee'),
    'association.name': t('paymentDetails.fields.associationName'),
    'association.businessId': t('paymentDetails.fields.associationBusinessId'),
    'association.iban': t('paymentDetails.fields.associationIban'),
    association: t('paymentDetails.fields.associationName'),
  };
  const required = (field: keyof typeof labels, value: string): FieldError[] =>
    value.trim() ? [] : [{ field, text: t('forms.required', { field: labels[field] }) }];
  // An account number typed is checked here too (its check digits), so that it is named with the other faults at once.
  const iban = (field: 'iban' | 'association.iban', value: string): FieldError[] =>
    value.trim() && !isValidIBAN(electronicFormatIBAN(value) ?? '')
      ? [{ field, text: t('errors.field.isIban', { field: labels[field] }) }]
      : [];
  const { submit, formProps, errors } = useSubmission({
    labels,
    validate: (v: typeof values) => {
      const found: FieldError[] = [];
      if (!details?.ibanMasked) found.push(...required('iban', v.iban));
      found.push(...iban('iban', v.iban));
      if (!details?.identityCodeMasked) found.push(...required('identityCode', v.identityCode));
      const percent = parsePercent(v.taxPercent);
      if (percent === undefined)
        found.push({ field: 'taxPercent', text: t('paymentDetails.errors.percent', { field: labels.taxPercent }) });
      if (percent !== null && percent !== undefined && !/^\d{4}$/.test(v.taxCardYear.trim()))
        found.push({ field: 'taxCardYear', text: t('paymentDetails.errors.year', { field: labels.taxCardYear }) });
      if (v.payee === 'association') {
        found.push(
          ...required('association.name', v.associationName),
          ...required('association.businessId', v.associationBusinessId),
          ...required('association.iban', v.associationIban),
          ...iban('association.iban', v.associationIban),
        );
      }
      return found;
    },
    send: (v: typeof values) => {
      const percent = parsePercent(v.taxPercent) ?? null;
      return savePaymentDetails({
        ...(v.iban.trim() ? { iban: v.iban.trim() } : {}),
        ...(v.identityCode.trim() ? { identityCode: v.identityCode.trim() } : {}),
        taxPercent: percent,
        taxCardYear: percent === null ? null : Number(v.taxCardYear.trim()),
        payee: v.payee,
        declinesFee: v.declinesFee.length > 0,
        ...(v.payee === 'association'
          ? {
              association: {
                name: v.associationName.trim(),
                businessId: v.associationBusinessId.trim(),
                iban: v.associationIban.trim(),
              },
            }
          : {}),
      });
    },
    onSuccess: (saved) => {
      store(saved);
      // The secrets typed are not kept on the screen once saved.
      setValues((v) => ({ ...v, iban: '', identityCode: '', associationIban: '' }));
      announce(t('paymentDetails.saved'));
    },
  });
  const set = (change: Partial<typeof values>) => setValues((v) => ({ ...v, ...change }));
  const keepHint = t('paymentDetails.fields.keepHint');
  return (
    <Section
      headingId="change-heading"
      heading={t(details ? 'paymentDetails.change.heading' : 'paymentDetails.change.headingNew')}
      className="payment-section"
    >
      <Form
        {...formProps}
        id="payment-form"
        onSubmit={() => submit(values)}
        submitLabel={t('paymentDetails.change.submit')}
      >
        <TextField
          field="iban"
          label={labels.iban}
          hint={
            details?.ibanMasked
              ? `${t('paymentDetails.fields.ibanHint')} ${keepHint}`
              : t('paymentDetails.fields.ibanHint')
          }
          optional={Boolean(details?.ibanMasked)}
          autoComplete="off"
          errors={errors}
          value={values.iban}
          onChange={(iban) => set({ iban })}
        />
        <TextField
          field="identityCode"
          label={labels.identityCode}
          hint={
            details?.identityCodeMasked
              ? `${t('paymentDetails.fields.identityCodeHint')} ${keepHint}`
              : t('paymentDetails.fields.identityCodeHint')
          }
          optional={Boolean(details?.identityCodeMasked)}
          autoComplete="off"
          errors={errors}
          value={values.identityCode}
          onChange={(identityCode) => set({ identityCode })}
        />
        <Heading variant="h3" mb="s">
          {t('paymentDetails.tax.heading')}
        </Heading>
        <Paragraph mb="s">{t('paymentDetails.tax.intro')}</Paragraph>
        <TextField
          field="taxPercent"
          label={labels.taxPercent}
          hint={t('paymentDetails.fields.taxPercentHint')}
          optional
          errors={errors}
          value={values.taxPercent}
          onChange={(taxPercent) => set({ taxPercent })}
        />
        <TextField
          field="taxCardYear"
          label={labels.taxCardYear}
          hint={t('paymentDetails.fields.taxCardYearHint')}
          optional
          errors={errors}
          value={values.taxCardYear}
          onChange={(taxCardYear) => set({ taxCardYear })}
        />
        <Heading variant="h3" mb="s">
          {t('paymentDetails.payee.heading')}
        </Heading>
        <RadioField field="payee" label={labels.payee} value={values.payee} onChange={(payee) => set({ payee })}>
          <RadioButton value="expert">{t('paymentDetails.payee.expert')}</RadioButton>
          <RadioButton value="association" hintText={t('paymentDetails.payee.associationHint')}>
            {t('paymentDetails.payee.association')}
          </RadioButton>
        </RadioField>
        {values.payee === 'association' && (
          <div className="association-fields">
            <TextField
              field="association.name"
              label={labels['association.name']}
              errors={errors}
              value={values.associationName}
              onChange={(associationName) => set({ associationName })}
            />
            <TextField
              field="association.businessId"
              label={labels['association.businessId']}
              hint={t('paymentDetails.fields.associationBusinessIdHint')}
              errors={errors}
              value={values.associationBusinessId}
              onChange={(associationBusinessId) => set({ associationBusinessId })}
            />
            <TextField
              field="association.iban"
              label={labels['association.iban']}
              hint={
                details?.association
                  ? t('paymentDetails.fields.associationIbanAgain', { iban: details.association.ibanMasked })
                  : t('paymentDetails.fields.ibanHint')
              }
              autoComplete="off"
              errors={errors}
              value={values.associationIban}
              onChange={(associationIban) => set({ associationIban })}
            />
          </div>
        )}
        <CheckboxesField
          field="declinesFee"
          label={t('paymentDetails.fee.heading')}
          hint={t('paymentDetails.fee.hint')}
          errors={errors}
          options={[{ value: 'yes', label: t('paymentDetails.fee.decline') }]}
          value={values.declinesFee}
          onChange={(declinesFee) => set({ declinesFee })}
        />
      </Form>
    </Section>
  );
}
