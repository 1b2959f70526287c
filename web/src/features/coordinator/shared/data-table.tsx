import type { ReactNode } from 'react';

// A table in a box of its own: on a narrow screen it scrolls sideways inside the box (reachable by keyboard,
// named by its caption), never the page.
export function DataTable({
  id,
  caption,
  children,
  captionHidden,
}: {
  id: string;
  caption: string;
  children: ReactNode;
  captionHidden?: boolean;
}) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="data-table" id={id}>
        <caption id={`${id}-caption`} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
