import { Suspense, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLinkBase, Outlet, useLocation, useNavigate } from 'react-router';
import { session } from '../api/session';
import { useSession } from '../api/use-session';
import { useAnnounce } from '../components/announcer';
import { AppLink } from '../components/router-link';
import { LeaveGuard } from '../components/leave-guard';
import { Loading } from '../components/states';
import { useMediaQuery } from '../components/use-narrow';
import { Button, RouterLink, ServiceNavigation, ServiceNavigationItem, SkipLink } from '../components/suomifi';
import { LanguageSwitcher, useAccountLanguage } from './language-menu';
import { NAVIGATION, sectionOf } from './navigation';
import { SessionLock } from './session-lock';
import { SessionWarning } from './session-warning';

// Where the menu moves beside the page (global.css has the same width).
const SIDE_MENU_MIN_WIDTH = '64rem';

// The frame of every page: skip link, header (service name, language, who is signed in), the menu of the
// person's role, the page, the footer. Landmarks: banner, navigation, main, contentinfo.
export function Shell() {
  const { t } = useTranslation();
  const state = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  // The menu stands beside the page on a wide screen; narrower (a tablet, 200 % zoom) it folds behind a button
  // instead of pushing the page a screen down.
  // The switch between the two menus builds the menu anew, and the focus in it fell to the body. Where it was (a
  // link's address, or '' for the menu's button) is noted as the window crosses the width, before the menu is built
  // anew; then the same link takes the focus, or the phone menu's button when the link is folded behind it, or (from
  // that button to the side menu) the link of the section the page is in.
  const nav = useRef<HTMLDivElement>(null);
  const focusInMenu = useRef<string | null>(null);
  const sideMenu = useMediaQuery(`(min-width: ${SIDE_MENU_MIN_WIDTH})`, () => {
    const active = document.activeElement;
    focusInMenu.current =
      active instanceof HTMLElement && nav.current?.contains(active) ? (active.getAttribute('href') ?? '') : null;
  });
  useAccountLanguage();
  useLayoutEffect(() => {
    const href = focusInMenu.current;
    focusInMenu.current = null;
    const box = nav.current;
    if (href === null || !box) return;
    const shown = (element: HTMLElement | null | undefined) =>
      element && element.getClientRects().length > 0 ? element : undefined;
    const links = [...box.querySelectorAll<HTMLElement>('a[href]')];
    const target =
      shown(links.find((a) => a.getAttribute('href') === href)) ??
      shown(box.querySelector<HTMLElement>('button')) ??
      shown(links.find((a) => a.hasAttribute('aria-current'))) ??
      shown(links[0]);
    target?.focus();
  }, [sideMenu]);

  useEffect(() => {
    const seen = () => session.activity();
    window.addEventListener('pointerdown', seen, { passive: true });
    window.addEventListener('keydown', seen, { passive: true });
    return () => {
      window.removeEventListener('pointerdown', seen);
      window.removeEventListener('keydown', seen);
    };
  }, []);

  const signOut = async () => {
    await session.signOut();
    announce(t('app.signedOut'));
    await navigate('/sign-in', { state: { reason: 'signedOut' } });
  };

  const user = state.status === 'signedIn' ? state.user : undefined;
  // Behind the lock's dialog the page stays, hidden from sight and from assistive technology.
  const locked = state.status === 'locked';
  const items = user ? NAVIGATION[user.role] : [];
  const section = sectionOf(items, location.pathname);

  return (
    <>
      <div className="skip-link-holder">
        <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      </div>
      <header className="app-header">
        <div className="app-header__bar">
          <div className="app-header__brand">
            <RouterLinkBase to="/" className="app-header__service">
              {t('app.serviceName')}
            </RouterLinkBase>
            <span className="app-header__county">{t('app.county')}</span>
          </div>
          <div className="app-header__tools">
            <LanguageSwitcher />
            {user ? (
              <>
                <span className="app-header__user">{t('app.signedInAs', { name: user.name })}</span>
                <Button variant="secondaryNoBorder" onClick={() => void signOut()}>
                  {t('app.signOut')}
                </Button>
              </>
            ) : (
              !locked && location.pathname !== '/sign-in' && <AppLink to="/sign-in">{t('app.signIn')}</AppLink>
            )}
          </div>
        </div>
      </header>
      <div className={items.length > 0 ? 'app-body app-body--menu' : 'app-body'} hidden={locked}>
        {items.length > 0 && (
          <div className="app-nav" ref={nav}>
            {/* On a phone the folded menu closes when the page changes (anew, as the design system's menu has no
                prop for it): left open it pushed the new page, and its focused h1, a screen down. */}
            <ServiceNavigation
              key={sideMenu ? 'side' : location.pathname}
              aria-label={t('app.mainNavigation')}
              variant={sideMenu ? 'default' : 'smallScreen'}
              initiallyExpanded={false}
              smallScreenExpandButtonText={t('app.navigationExpand')}
            >
              {items.map((item) => (
                <ServiceNavigationItem key={item.to} selected={item === section}>
                  <RouterLink
                    asComponent={RouterLinkBase}
                    to={item.to}
                    aria-current={item !== section ? undefined : location.pathname === item.to ? 'page' : 'true'}
                  >
                    {t(item.label)}
                  </RouterLink>
                </ServiceNavigationItem>
              ))}
            </ServiceNavigation>
          </div>
        )}
        <main id="main" className="app-main" tabIndex={-1}>
          <LeaveGuard>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </LeaveGuard>
        </main>
      </div>
      <footer className="app-footer">
        <nav className="app-footer__inner" aria-label={t('app.footerNavigation')}>
          <ul>
            <li>
              <AppLink to="/accessibility">{t('nav.accessibility')}</AppLink>
            </li>
            {!user && !locked && (
              <li>
                <AppLink to="/apply">{t('nav.apply')}</AppLink>
              </li>
            )}
          </ul>
        </nav>
      </footer>
      <SessionWarning />
      <SessionLock />
    </>
  );
}
