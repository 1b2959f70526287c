import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from './announcer';
import { Page } from './page';
import { correlationIdFor, problemText } from './problem-text';
import { failedToLoad, refreshFailed } from './query-state';
import { Button, InlineAlert, LoadingSpinner, Paragraph } from './suomifi';

// The three states every list shows besides its data.
export function Loading() {
  const { t } = useTranslation();
  return <LoadingSpinner status="loading" text={t('states.loading')} textAlign="right" variant="small" my="m" />;
}

export function Empty({ text }: { text?: string }) {
  const { t } = useTranslation();
  return <Paragraph my="m">{text ?? t('states.empty')}</Paragraph>;
}

// `text`: a part's own words for the failure, where it has them, in place of the general ones.
export function ProblemNotice({ error, title, text }: { error: unknown; title?: string; text?: string }) {
  const { t } = useTranslation();
  const id = text ? undefined : correlationIdFor(t, error);
  return (
    <InlineAlert status="error" labelText={title} my="m">
      <Paragraph>{text || problemText(t, error)}</Paragraph>
      {id && <Paragraph mt="xs">{t('states.correlationId', { id })}</Paragraph>}
    </InlineAlert>
  );
}

// The outcome of an action, where the control that did it has gone: it takes the focus when `focus` says so (at
// once by default), so that a screen reader reads it and the keyboard goes on from there. In a neutral notice box,
// or `plain` text.
export function Outcome({
  focus = true,
  plain = false,
  children,
}: {
  focus?: boolean;
  plain?: boolean;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) box.current?.focus();
  }, [focus]);
  return (
    <div ref={box} tabIndex={-1} className="form-failure">
      {plain ? (
        children
      ) : (
        <InlineAlert status="neutral" my="m">
          {children}
        </InlineAlert>
      )}
    </div>
  );
}

// How a part of a page that may go with a refusal hands it up: undefined when a send begins, the error when it fails.
export type OnRefused = (error: unknown) => void;

// A refusal shown where the control that was refused is gone (the refetch after it changed the state): the notice
// takes the focus that the control had. `text`: as for ProblemNotice, the words the part showed while it was there.
export function RefusedNotice({ error, text }: { error: unknown; text?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1}>
      <ProblemNotice error={error} text={text} />
    </div>
  );
}

// For a page whose parts come and go with a status: `keep` is each part's onRefused, and `gone` is its refusal once
// the status it was refused in has changed (the refetch after it took that part away), for a RefusedNotice.
export function useKeptRefusal(status: string) {
  const [kept, setKept] = useState<{ status: string; error: unknown }>();
  return {
    keep: (error: unknown) => setKept(error === undefined ? undefined : { status, error }),
    gone: kept && kept.status !== status ? kept.error : undefined,
  };
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <ProblemNotice error={error} title={t('states.errorTitle')} />
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {t('states.retry')}
        </Button>
      )}
    </>
  );
}

const noItems = (data: unknown) => Array.isArray(data) && data.length === 0;

// Above what a screen still shows when its read again failed: says so (read out too, as nothing moves the focus),
// and offers to try again.
export function RefreshFailed({ query }: { query: UseQueryResult<unknown> }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const failed = refreshFailed(query);
  // Each failure once: a Try again that fails again is read out again.
  useEffect(() => {
    if (failed) announce(t('states.refreshFailed'));
  }, [failed, query.errorUpdatedAt, announce, t]);
  if (!failed) return null;
  return (
    <InlineAlert status="neutral" my="m">
      <Paragraph>{t('states.refreshFailed')}</Paragraph>
      <Button variant="secondary" mt="s" onClick={() => void query.refetch()}>
        {t('states.retry')}
      </Button>
    </InlineAlert>
  );
}

// Where a screen shows a query's data itself: nothing while reads succeed; the error with a retry when there is
// nothing to show; RefreshFailed above what is kept when a read again failed on the connection or the server.
export function ReadFailure({ query }: { query: UseQueryResult<unknown> }) {
  if (failedToLoad(query)) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return <RefreshFailed query={query} />;
}

// What a query holds, once it holds it: until then the loading state, on failure the error with a retry, and the
// `empty` text instead when there is nothing to show (`isEmpty`; by default an empty list).
export function Loaded<Data>({
  query,
  empty,
  isEmpty = noItems,
  children,
}: {
  query: UseQueryResult<Data>;
  empty?: string;
  isEmpty?: (data: Data) => boolean;
  children: (data: Data) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (failedToLoad(query)) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  // Read once at least: a success, or a failed read again that keeps the data.
  const data = query.data as Data;
  return (
    <>
      <RefreshFailed query={query} />
      {empty !== undefined && isEmpty(data) ? <Empty text={empty} /> : children(data)}
    </>
  );
}

// A page about one thing a query reads: titled `title()` (given nothing while there is nothing to show), and
// otherwise as Loaded.
export function LoadedPage<Data>({
  query,
  title,
  children,
}: {
  query: UseQueryResult<Data>;
  title: (data: Data | undefined) => string;
  children: (data: Data) => ReactNode;
}) {
  return (
    <Page title={title(query.isPending || failedToLoad(query) ? undefined : query.data)}>
      <Loaded query={query}>{children}</Loaded>
    </Page>
  );
}
