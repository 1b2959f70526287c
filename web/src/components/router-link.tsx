import type { ReactNode } from 'react';
import { Link as RouterLinkBase } from 'react-router';
import { RouterLink as SuomifiRouterLink } from 'suomifi-ui-components';

// A link inside the app, styled as the design system's link, navigating without a reload.
export function AppLink({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <SuomifiRouterLink asComponent={RouterLinkBase} to={to} className={className}>
      {children}
    </SuomifiRouterLink>
  );
}
