import type { Me } from '../api/session';

export type Role = Me['role'];

export interface NavItem {
  to: string;
  // A key in i18n/*.json.
  label: string;
}

// What each role finds in the main menu. Features add their screens here as they are built.
export const NAVIGATION: Record<Role, NavItem[]> = {
  expert: [
    { to: '/', label: 'nav.home' },
    { to: '/offers', label: 'nav.offers' },
    { to: '/assignments', label: 'nav.assignments' },
    { to: '/contracts', label: 'nav.contracts' },
    { to: '/claims', label: 'nav.claims' },
    { to: '/fees', label: 'nav.fees' },
    { to: '/availability', label: 'nav.availability' },
    { to: '/profile', label: 'nav.profile' },
    { to: '/certificates', label: 'nav.certificates' },
    { to: '/payment-details', label: 'nav.paymentDetails' },
    { to: '/calendar-link', label: 'nav.calendarLink' },
    { to: '/my-data', label: 'nav.myData' },
  ],
  orderer: [
    { to: '/orders', label: 'orders.nav.orders' },
    { to: '/orders/new', label: 'orders.nav.newOrder' },
    { to: '/spending', label: 'orders.nav.spending' },
  ],
  coordinator: [
    { to: '/', label: 'coordinator.nav.today' },
    { to: '/coordinator/experts', label: 'coordinator.nav.experts' },
    { to: '/coordinator/contracts', label: 'coordinator.nav.contracts' },
    { to: '/coordinator/claims', label: 'coordinator.nav.claims' },
    { to: '/fee-runs', label: 'feeRuns.nav' },
    { to: '/reports', label: 'reports.nav' },
    { to: '/fee-settings', label: 'feeSettings.nav' },
  ],
  admin: [
    { to: '/', label: 'nav.home' },
    { to: '/admin/people', label: 'admin.nav.people' },
    { to: '/admin/organisations', label: 'admin.nav.organisations' },
    { to: '/admin/travel-rates', label: 'admin.nav.travelRates' },
    { to: '/admin/audit', label: 'admin.nav.audit' },
  ],
};

// The menu item of the section a path is in: the page itself, or the one whose path is the longest start of it (an
// order's page is under My orders); the home page only for itself.
export function sectionOf(items: NavItem[], pathname: string): NavItem | undefined {
  const within = items.filter(
    (item) => pathname === item.to || (item.to !== '/' && pathname.startsWith(`${item.to}/`)),
  );
  return within.sort((a, b) => b.to.length - a.to.length)[0];
}
