import { type ComponentProps, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './suomifi';

type ButtonProps = ComponentProps<typeof Button>;

interface Props {
  busy: boolean;
  // Another action that this one must wait for is under way (a row's neighbour being removed): it cannot be pressed
  // either, but says nothing is sending from here.
  blocked?: boolean;
  onClick?: () => void;
  children: ReactNode;
  type?: 'button' | 'submit';
  variant?: ButtonProps['variant'];
  mt?: ButtonProps['mt'];
  'aria-label'?: string;
}

// A button whose action may be under way: it says so to a screen reader, and a press meanwhile does nothing. `busy`
// arrives with React's next render, after a double click's second press: the press itself is remembered until the
// action has been busy and is no longer (or, for a press that started nothing, for a second).
export function BusyButton({ busy, blocked = false, onClick, ...props }: Props) {
  const { t } = useTranslation();
  const pressed = useRef(false);
  const wasBusy = useRef(false);
  useEffect(() => {
    if (busy) wasBusy.current = true;
    else if (wasBusy.current) {
      wasBusy.current = false;
      pressed.current = false;
    }
  }, [busy]);
  const press = () => {
    if (busy || blocked || pressed.current || !onClick) return;
    pressed.current = true;
    window.setTimeout(() => {
      if (!wasBusy.current) pressed.current = false;
    }, 1000);
    onClick();
  };
  return (
    <Button
      {...props}
      aria-disabled={busy || blocked}
      loading={busy || undefined}
      ariaLoadingText={t('forms.sending')}
      onClick={onClick && press}
    />
  );
}
