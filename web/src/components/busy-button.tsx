import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './suomifi';

// A button whose work takes a moment: while `busy` it shows (and tells a screen reader) that it is sending, and a
// second press does nothing.
export function BusyButton({
  busy,
  onPress,
  variant,
  label,
  children,
}: {
  busy: boolean;
  onPress: () => void;
  variant?: 'default' | 'secondary';
  // The accessible name, where the visible text alone does not say what the button acts on.
  label?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Button
      variant={variant}
      aria-label={label}
      aria-disabled={busy}
      loading={busy || undefined}
      ariaLoadingText={t('forms.sending')}
      onClick={() => !busy && onPress()}
    >
      {children}
    </Button>
  );
}
