import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import type { Organisation } from './organisations-api';

// "1.1.2026–31.12.2027", or "1.1.2026 alkaen" while open-ended.
export function ActivePeriod({ organisation: o }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const from = formatDate(language, o.activeFrom);
  return (
    <>
      {o.activeUntil
        ? t('admin.organisations.period.closed', { from, until: formatDate(language, o.activeUntil) })
        : t('admin.organisations.period.open', { from })}
    </>
  );
}
