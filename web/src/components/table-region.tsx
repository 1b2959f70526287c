import type { ReactNode } from 'react';
import './table-region.css';

// A wide table in a region of its own that scrolls sideways on a narrow screen: named, and reachable by
// keyboard so that the scroll works without a mouse.
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
