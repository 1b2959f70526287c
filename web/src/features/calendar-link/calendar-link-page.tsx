import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextInput } from 'suomifi-ui-components';
import { useAnnounce } from '../../components/announcer';
import { BusyButton } from '../../components/busy-button';
import { Page } from '../../components/page';
import { ProblemNotice, RefusedNotice, Loaded } from '../../components/states';
import { Button, InlineAlert, Paragraph } from '../../components/suomifi';
import { Section } from '../../components/section';
import { formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { createFeed, revokeFeed, useCalendarFeed, useRefreshCalendarFeed } from './calendar-link-api';
import './calendar-link.css';

// The secret address of the expert's own calendar. Only its hash is kept, so the address is shown once, when
// made; to see it again the expert makes a new one, which stops the old one.
export function CalendarLinkPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const query = useCalendarFeed();
  const refresh = useRefreshCalendarFeed();
  const [url, setUrl] = useState<string>();
  const [copyFailed, setCopyFailed] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const create = useMutation({
    mutationFn: createFeed,
    onSuccess: async (result) => {
      setUrl(result.url);
      setCopyFailed(false);
      await refresh();
      announce(t(query.data?.active ? 'calendarLink.renewed' : 'calendarLink.created'));
    },
  });
  const revoke = useMutation({
    mutationFn: revokeFeed,
    onSuccess: async () => {
      setUrl(undefined);
      setConfirmRevoke(false);
      await refresh();
      announce(t('calendarLink.revoked'));
    },
  });
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopyFailed(false);
      announce(t('calendarLink.copied'));
    } catch {
      // No clipboard (an old browser, a page not allowed to write): the address is selected for copying by hand.
      setCopyFailed(true);
      field.current?.focus();
      field.current?.select();
      announce(t('calendarLink.copyByHand'));
    }
  };
  const busy = create.isPending || revoke.isPending;
  return (
    <div className="content-narrow">
      <Page title={t('calendarLink.title')}>
        <Paragraph mb="s">{t('calendarLink.intro')}</Paragraph>
        <Paragraph mb="m">{t('calendarLink.secret')}</Paragraph>
        <Loaded query={query}>
          {(link) => (
            <>
              <InlineAlert status="neutral" mb="m">
                {link.active && link.createdAt
                  ? t('calendarLink.active', { at: formatDateTime(language, link.createdAt) })
                  : t('calendarLink.none')}
              </InlineAlert>
              {url && (
                <Section headingId="link-heading" heading={t('calendarLink.yourLink')} className="calendar-link">
                  <TextInput
                    id="calendar-url"
                    labelText={t('calendarLink.address')}
                    hintText={t('calendarLink.addressHint')}
                    value={url}
                    readOnly
                    fullWidth
                    ref={field}
                    onFocus={(e) => e.target.select()}
                    mb="s"
                  />
                  <Button onClick={() => void copy()}>{t('calendarLink.copy')}</Button>
                  {copyFailed && (
                    <InlineAlert status="warning" mt="s">
                      {t('calendarLink.copyByHand')}
                    </InlineAlert>
                  )}
                </Section>
              )}
              <Section
                headingId="actions-heading"
                heading={t(link.active ? 'calendarLink.changeHeading' : 'calendarLink.createHeading')}
                className="calendar-link"
              >
                {link.active && <Paragraph mb="s">{t('calendarLink.renewIntro')}</Paragraph>}
                <div className="calendar-link__actions">
                  <BusyButton busy={create.isPending} blocked={revoke.isPending} onClick={() => create.mutate()}>
                    {t(link.active ? 'calendarLink.renew' : 'calendarLink.create')}
                  </BusyButton>
                  {link.active && !confirmRevoke && (
                    <Button variant="secondary" aria-disabled={busy} onClick={() => !busy && setConfirmRevoke(true)}>
                      {t('calendarLink.revoke')}
                    </Button>
                  )}
                </div>
                {link.active && confirmRevoke && (
                  <div className="calendar-link__confirm" role="group" aria-labelledby="revoke-question">
                    <Paragraph id="revoke-question" mb="s">
                      {t('calendarLink.revokeQuestion')}
                    </Paragraph>
                    <div className="calendar-link__actions">
                      <BusyButton busy={revoke.isPending} blocked={create.isPending} onClick={() => revoke.mutate()}>
                        {t('calendarLink.revokeConfirm')}
                      </BusyButton>
                      <Button variant="secondary" onClick={() => setConfirmRevoke(false)}>
                        {t('calendarLink.cancel')}
                      </Button>
                    </div>
                  </div>
                )}
                {create.isError && <ProblemNotice error={create.error} />}
                {/* Removed meanwhile (another tab), the refetch takes the question: the refusal takes its focus. */}
                {revoke.isError &&
                  (link.active ? <ProblemNotice error={revoke.error} /> : <RefusedNotice error={revoke.error} />)}
              </Section>
            </>
          )}
        </Loaded>
      </Page>
    </div>
  );
}
