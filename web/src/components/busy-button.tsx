import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './suomifi';

type ButtonProps = ComponentProps<typeof Button>;

interface Props {
  busy: boolean;
  onClick?: () => void;
  children: ReactNode;
  type?: 'button' | 'submit';
  variant?: ButtonProps['variant'];
  mt?: ButtonProps['mt'];
  'aria-label'?: string;
}

// A button whose action may be under way: it says so to a screen reader, and a press meanwhile does nothing.
export function BusyButton({ busy, onClick, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <Button
      {...props}
      aria-disabled={busy}
      loading={busy || undefined}
      ariaLoadingText={t('forms.sending')}
      onClick={onClick && (() => !busy && onClick())}
    />
  );
}
