import {
  type Dispatch,
  type InputHTMLAttributes,
  type ReactNode,
  type RefObject,
  type SetStateAction,
  useEffect,
  useRef,
} from 'react';
import type { FieldError } from './form';
import { UPLOAD_ACCEPT } from './upload-limits';
import './file-choice.css';

// A phone can take the photo straight away; every device can pick a file.
const hasCamera = () => window.matchMedia('(pointer: coarse)').matches;

// One file to upload, picked from the device or, on a touch device, photographed: the limits are told beside the
// controls, and an error is tied to them. The inputs are emptied when the form lets go of the file (file: null).
export function FileChoice({
  id,
  legend,
  limits,
  accept = UPLOAD_ACCEPT,
  chooseLabel,
  photoLabel,
  file,
  chosen,
  error,
  onPick,
}: {
  id: string;
  legend: string;
  limits: ReactNode;
  // What the server takes, unless said otherwise.
  accept?: string;
  chooseLabel: string;
  photoLabel: string;
  file: File | null;
  // What to say of the chosen file.
  chosen: ReactNode;
  error: string | undefined;
  onPick: (file: File | undefined) => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const cameraInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (file) return;
    if (fileInput.current) fileInput.current.value = '';
    if (cameraInput.current) cameraInput.current.value = '';
  }, [file]);
  const limitsId = `${id}-limits`;
  const errorId = `${id}-error`;
  const control = (
    inputId: string,
    ref: RefObject<HTMLInputElement | null>,
    label: string,
    props: InputHTMLAttributes<HTMLInputElement>,
  ) => (
    <>
      <label htmlFor={inputId} className="file-choice__label">
        {label}
      </label>
      <input
        ref={ref}
        id={inputId}
        name={inputId}
        type="file"
        className="file-choice__input"
        onChange={(e) => onPick(e.target.files?.[0])}
        {...props}
      />
    </>
  );
  return (
    <fieldset className={`file-choice${error ? ' file-choice--error' : ''}`} aria-describedby={limitsId}>
      <legend className="file-choice__legend">{legend}</legend>
      <p id={limitsId} className="file-choice__hint">
        {limits}
      </p>
      {control(id, fileInput, chooseLabel, {
        accept,
        'aria-describedby': error ? `${limitsId} ${errorId}` : limitsId,
        'aria-invalid': error ? true : undefined,
      })}
      {hasCamera() &&
        control(`${id}-camera`, cameraInput, photoLabel, {
          accept: 'image/jpeg,image/png',
          capture: 'environment',
          'aria-describedby': limitsId,
        })}
      {file && <p className="file-choice__chosen">{chosen}</p>}
      {error && (
        <p id={errorId} className="file-choice__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

// As fieldBinder, for FileChoice: the id, legend, file and error of the file held in `values[key]`, and picking
// (or letting go of) it.
export function fileBinder<V extends object>(
  values: V,
  setValues: Dispatch<SetStateAction<V>>,
  labels: Record<string, string>,
  errors: FieldError[],
) {
  return <K extends keyof V & string>(key: K) => ({
    id: key,
    legend: labels[key],
    file: values[key] as File | null,
    error: errors.find((e) => e.field === key)?.text,
    onPick: (file: File | undefined) => setValues((v) => ({ ...v, [key]: file ?? null })),
  });
}
