import { useTranslation } from 'react-i18next';
import { Page } from '../components/page';
import { AppLink } from '../components/router-link';
import { Paragraph } from '../components/suomifi';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <Paragraph mb="m">{t('notFound.body')}</Paragraph>
      <AppLink to="/">{t('notFound.home')}</AppLink>
    </Page>
  );
}
