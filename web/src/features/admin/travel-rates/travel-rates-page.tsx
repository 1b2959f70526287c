import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useAnnounce } from '../../../components/announcer';
import { type FieldError, fieldBinder, Form, TextField, useSubmission } from '../../../components/form';
import { Page } from '../../../components/page';
import { Section } from '../../../components/section';
import { Loaded } from '../../../components/states';
import { Paragraph } from '../../../components/suomifi';
import { TableRegion } from '../../../components/table-region';
import { formatCents } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';

const useTravelRates = () =>
  useQuery({ queryKey: ['travel-rates'], queryFn: () => call(api.GET('/api/travel-rates')) });
const setTravelRate = (year: number, carCentsPerKm: number) =>
  call(api.PUT('/api/travel-rates/{year}', { params: { path: { year: String(year) } }, body: { carCentsPerKm } }));

// "0,55" or "0.55" euros per km as cents; NaN otherwise.
function centsPerKm(text: string): number {
  const normalised = text.replace(/\s|€/g, '').replace(',', '.');
  return /^\d{1,2}(\.\d{1,2})?$/.test(normalised) ? Math.round(Number(normalised) * 100) : Number.NaN;
}

// The admin's own-car rate per km, by the year of travel; public transport and parking go by receipt.
export function TravelRatesPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const client = useQueryClient();
  const query = useTravelRates();
  const [values, setValues] = useState({ year: String(new Date().getFullYear() + 1), rate: '' });
  const labels = { year: t('admin.travelRates.year'), carCentsPerKm: t('admin.travelRates.rate') };
  const { submit, formProps, errors } = useSubmission({
    send: (v: typeof values) => setTravelRate(Number(v.year), centsPerKm(v.rate)),
    validate: (v) => {
      const found: FieldError[] = [];
      if (!/^\d{4}$/.test(v.year.trim())) found.push({ field: 'year', text: t('admin.travelRates.yearInvalid') });
      const cents = centsPerKm(v.rate);
      if (Number.isNaN(cents) || cents < 1)
        found.push({ field: 'carCentsPerKm', text: t('admin.travelRates.rateInvalid') });
      return found;
    },
    labels,
    onSuccess: (saved) => {
      announce(t('admin.travelRates.saved', { year: saved.year }));
      void client.invalidateQueries({ queryKey: ['travel-rates'] });
    },
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <Page title={t('admin.travelRates.title')}>
      <Paragraph mb="m">{t('admin.travelRates.intro')}</Paragraph>
      <Section headingId="rates-heading" heading={t('admin.travelRates.heading')}>
        <Loaded query={query} empty={t('admin.travelRates.empty')}>
          {(rates) => (
            <TableRegion caption={t('admin.travelRates.caption')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('admin.travelRates.year')}</th>
                  <th scope="col" className="num">
                    {t('admin.travelRates.perKm')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...rates]
                  .sort((a, b) => b.year - a.year)
                  .map((rate) => (
                    <tr key={rate.year}>
                      <th scope="row">{rate.year}</th>
                      <td className="num">{formatCents(language, rate.carCentsPerKm)}</td>
                    </tr>
                  ))}
              </tbody>
            </TableRegion>
          )}
        </Loaded>
      </Section>
      <Section
        headingId="set-rate-heading"
        heading={t('admin.travelRates.setHeading')}
        className="section content-narrow"
      >
        <Form onSubmit={() => submit(values)} {...formProps} submitLabel={t('admin.travelRates.submit')}>
          <TextField {...bind('year')} />
          <TextField {...bind('rate', 'carCentsPerKm')} hint={t('admin.travelRates.rateHint')} />
        </Form>
      </Section>
    </Page>
  );
}
