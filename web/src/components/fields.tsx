import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, CheckboxGroup, RadioButtonGroup } from 'suomifi-ui-components';
import type { FieldError } from './form';
import './fields.css';

// Fields the design system lacks in a phone-friendly form: the browser's own date, time and select pickers
// (a phone opens its native wheel), labelled, with the hint and the error tied to the control.

const errorOf = (errors: FieldError[] | undefined, field: string) => errors?.find((e) => e.field === field)?.text;

interface NativeFieldProps {
  field: string;
  label: string;
  // Left out where no choice is wrong: the filters of a list.
  errors?: FieldError[];
  hint?: string;
  optional?: boolean;
}

function Frame({
  field,
  label,
  errors,
  hint,
  optional,
  children,
}: NativeFieldProps & { children: (describedBy: string | undefined, invalid: boolean) => ReactNode }) {
  const { t } = useTranslation();
  const error = errorOf(errors, field);
  const describedBy =
    [hint ? `${field}-hint` : '', error ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`native-field${error ? ' native-field--error' : ''}`}>
      <label htmlFor={field} className="native-field__label">
        {label}
        {optional && <span className="native-field__optional"> ({t('forms.optional')})</span>}
      </label>
      {hint && (
        <span id={`${field}-hint`} className="native-field__hint">
          {hint}
        </span>
      )}
      {children(describedBy, Boolean(error))}
      {error && (
        <span id={`${field}-error`} className="native-field__error">
          {error}
        </span>
      )}
    </div>
  );
}

export function DateTimeField(
  props: NativeFieldProps & { type: 'date' | 'time'; value: string; onChange: (value: string) => void; min?: string },
) {
  const { field, type, value, onChange, min } = props;
  return (
    <Frame {...props}>
      {(describedBy, invalid) => (
        <input
          id={field}
          name={field}
          type={type}
          className="native-field__input"
          value={value}
          min={min}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </Frame>
  );
}

export function SelectField(
  props: NativeFieldProps & {
    value: string;
    onChange: (value: string) => void;
    options: { value: string; label: string }[];
  },
) {
  const { field, value, onChange, options } = props;
  return (
    <Frame {...props}>
      {(describedBy, invalid) => (
        <select
          id={field}
          name={field}
          className="native-field__input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Frame>
  );
}

// A set of choices as checkboxes; the group's id is the field that error summaries link to (its first box).
export function CheckboxesField({
  field,
  label,
  hint,
  errors,
  options,
  value,
  onChange,
}: NativeFieldProps & {
  options: { value: string; label: string; lang?: string }[];
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const error = errorOf(errors, field);
  return (
    <CheckboxGroup
      labelText={label}
      groupHintText={hint}
      groupStatus={error ? 'error' : 'default'}
      groupStatusText={error}
      mb="m"
      id={`${field}-group`}
    >
      {options.map((o, index) => (
        <Checkbox
          key={o.value}
          id={index === 0 ? field : `${field}-${o.value}`}
          name={field}
          value={o.value}
          lang={o.lang}
          checked={value.includes(o.value)}
          onClick={({ checkboxState }) =>
            onChange(checkboxState ? [...value, o.value] : value.filter((v) => v !== o.value))
          }
        >
          {o.label}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}

// One choice of a few, as radio buttons (the children): the group's id and name are the field's, bound as the
// other fields are (`{...bind('kind')}`).
export function RadioField<T extends string>({
  field,
  label,
  hint,
  value,
  onChange,
  children,
}: {
  field: string;
  label: string;
  hint?: string;
  value: T;
  onChange: (value: T) => void;
  children: ComponentProps<typeof RadioButtonGroup>['children'];
}) {
  return (
    <RadioButtonGroup
      labelText={label}
      groupHintText={hint}
      name={field}
      id={field}
      value={value}
      onChange={(v) => onChange(v as T)}
      mb="m"
    >
      {children}
    </RadioButtonGroup>
  );
}
