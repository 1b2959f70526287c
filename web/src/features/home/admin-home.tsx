import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { Heading, Paragraph } from '../../components/suomifi';
import { NAVIGATION } from '../../app/navigation';

// The admin's tasks, as in the menu, each with what it is for: an occasional user finds the way without guessing.
const HINTS: Record<string, string> = {
  '/admin/people': 'home.admin.people',
  '/admin/organisations': 'home.admin.organisations',
  '/admin/travel-rates': 'home.admin.travelRates',
  '/admin/audit': 'home.admin.audit',
};

export function AdminHome({ name }: { name: string }) {
  const { t } = useTranslation();
  const tasks = NAVIGATION.admin.filter((item) => HINTS[item.to]);
  return (
    <Page title={t('home.title')}>
      <Paragraph mb="l">{t('home.welcome', { name })}</Paragraph>
      <Heading variant="h2" mb="s" id="admin-tasks">
        {t('home.admin.heading')}
      </Heading>
      <ul className="task-list" aria-labelledby="admin-tasks">
        {tasks.map((item) => (
          <li key={item.to}>
            <AppLink to={item.to}>{t(item.label)}</AppLink>
            <Paragraph>{t(HINTS[item.to])}</Paragraph>
          </li>
        ))}
      </ul>
    </Page>
  );
}
