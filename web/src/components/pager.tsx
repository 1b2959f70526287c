import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from './suomifi';
import './pager.css';

// Pages of a server-side list: where we are of how many, and the previous and next pages.
export function Pager({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (total === 0) return null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <Paragraph>{t('pager.position', { from: offset + 1, to: Math.min(offset + limit, total), total })}</Paragraph>
      <Button variant="secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('pager.previous')}
      </Button>
      <Button variant="secondary" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        {t('pager.next')}
      </Button>
    </nav>
  );
}
