import { useId, type ReactNode } from 'react';
import './table-region.css';

// A wide table in a region of its own that scrolls sideways on a narrow screen: reachable by keyboard so that the
// scroll works without a mouse, and named by the table's caption. (Named by the heading of the section around it,
// it was a second landmark of that name, which a screen reader's list of landmarks cannot tell apart.)
// `captionHidden`: the caption is read by screen readers only, where the heading just above says the same.
// `id`: the table's, where a link or a test goes to it. `boxed`: framed, for the coordinator's dense screens.
export function TableRegion({
  caption,
  captionHidden,
  className,
  id,
  boxed,
  children,
}: {
  caption: string;
  captionHidden?: boolean;
  className?: string;
  id?: string;
  boxed?: boolean;
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <div
      className={boxed ? 'table-region table-region--boxed' : 'table-region'}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className={className ? `data-table ${className}` : 'data-table'} id={id}>
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
