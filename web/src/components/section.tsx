import type { ReactNode } from 'react';
import { Heading } from './suomifi';

// A part of a page named by its h2: a screen reader lists the region by that heading.
export function Section({
  headingId,
  heading,
  className = 'section',
  children,
}: {
  headingId: string;
  heading: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className={className}>
      <Heading variant="h2" id={headingId} mb="s">
        {heading}
      </Heading>
      {children}
    </section>
  );
}
