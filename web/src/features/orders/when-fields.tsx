import { useTranslation } from 'react-i18next';
import { DateTimeField } from '../../components/fields';
import type { FieldError } from '../../components/form';

export interface When {
  date: string;
  startsAt: string;
  endsAt: string;
}

const PARTS = [
  { key: 'date', type: 'date' },
  { key: 'startsAt', type: 'time' },
  { key: 'endsAt', type: 'time' },
] as const;

// The date and the start and end times of a piece of work, as the order form and a proposed new time ask them;
// `fields` names the controls (an order's page may hold several proposals); `labels` are the form's, by field.
export function WhenFields({
  fields,
  labels,
  values,
  errors,
  onChange,
}: {
  fields: When;
  labels: Record<string, string>;
  values: When;
  errors: FieldError[];
  onChange: (change: Partial<When>) => void;
}) {
  const { t } = useTranslation();
  return PARTS.map(({ key, type }) => (
    <DateTimeField
      key={key}
      field={fields[key]}
      type={type}
      label={labels[fields[key]]}
      hint={key === 'endsAt' ? t('orders.form.endsAtHint') : undefined}
      errors={errors}
      value={values[key]}
      onChange={(value) => onChange({ [key]: value })}
    />
  ));
}
