import type { TFunction } from 'i18next';

// "3 päivää 4 tuntia": how long something has waited, in whole hours.
export function waitedText(t: TFunction, since: string, now = Date.now()): string {
  const hours = Math.max(0, Math.floor((now - new Date(since).getTime()) / 3_600_000));
  const days = Math.floor(hours / 24);
  if (days === 0) return t('coordinator.waited.hours', { count: hours });
  if (hours % 24 === 0) return t('coordinator.waited.days', { count: days });
  return t('coordinator.waited.daysHours', {
    days: t('coordinator.waited.days', { count: days }),
    hours: t('coordinator.waited.hours', { count: hours % 24 }),
  });
}
