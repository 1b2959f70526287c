import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useSession } from '../../api/use-session';
import { Page } from '../../components/page';
import { Paragraph } from '../../components/suomifi';
import { ExpertHome } from './expert-home';

// Until a role's own screens exist, its home says so.
export function HomePage() {
  const { t } = useTranslation();
  const state = useSession();
  if (state.status !== 'signedIn') return null;
  const { user } = state;
  if (user.role === 'expert') return <ExpertHome name={user.name} />;
  // An orderer's first screen is their orders.
  if (user.role === 'orderer') return <Navigate to="/orders" replace />;
  return (
    <Page title={t('home.title')}>
      <Paragraph mb="s">{t('home.welcome', { name: user.name })}</Paragraph>
      <Paragraph mb="s">{t('home.role', { role: t(`roles.${user.role}`) })}</Paragraph>
      <Paragraph>{t('home.notYetBuilt')}</Paragraph>
    </Page>
  );
}
