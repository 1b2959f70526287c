import type { ReactNode } from 'react';
import { Heading } from './suomifi';

// A part of a page under its own h2, which names it (a region a screen reader can list and jump to).
export function Section({
  id,
  heading,
  className = 'section',
  children,
}: {
  id: string;
  heading: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      <Heading variant="h2" id={`${id}-heading`} mb="s">
        {heading}
      </Heading>
      {children}
    </section>
  );
}
