import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from './suomifi';
import { useNarrow } from './use-narrow';

// The first page of a load keeps the focus where the browser put it (the skip link comes first); every
// later navigation moves it to the new page's h1, so that a screen reader reads where the person landed.
let firstPage = true;

export function Page({ title, children, lead }: { title: string; children: ReactNode; lead?: ReactNode }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // On a phone the design system's smaller h1: at 40 px some one-word Finnish and Swedish titles were wider than
  // the screen and broke anywhere ("Saavutettavuusselo|ste").
  const narrow = useNarrow();
  useEffect(() => {
    document.title = `${title} – ${t('app.serviceName')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, []);
  return (
    <>
      <Heading variant="h1" smallScreen={narrow} ref={heading} tabIndex={-1} className="page-title" mb="m">
        {title}
      </Heading>
      {lead}
      {children}
    </>
  );
}
