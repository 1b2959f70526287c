import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { Page } from '../../components/page';
import { saveBlob } from '../../components/save-file';
import { BusyButton } from '../../components/busy-button';
import { Section } from '../../components/section';
import { Loaded, ProblemNotice, RefusedNotice } from '../../components/states';
import { Button, Heading, InlineAlert, Paragraph } from '../../components/suomifi';
import { formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { fetchMyData, requestErasure, useMe, useStoreMe } from './my-data-api';
import './my-data.css';

// The file is made in the browser from the API's answer: nothing of it passes through a URL.
function saveJson(data: unknown, name: string) {
  saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), name);
}

export function MyDataPage() {
  const { t } = useTranslation();
  return (
    <div className="content-narrow">
      <Page title={t('myData.title')}>
        <Paragraph mb="m">{t('myData.intro')}</Paragraph>
        <Download />
        <Erasure />
      </Page>
    </div>
  );
}

function Download() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const download = useMutation({
    mutationFn: fetchMyData,
    onSuccess: (data) => {
      saveJson(data, `kokemus-${new Date().toISOString().slice(0, 10)}.json`);
      announce(t('myData.download.done'));
    },
  });
  return (
    <Section headingId="download-heading" heading={t('myData.download.heading')} className="my-data-section">
      <Paragraph mb="s">{t('myData.download.intro')}</Paragraph>
      <BusyButton busy={download.isPending} onClick={() => download.mutate()}>
        {t('myData.download.button')}
      </BusyButton>
      {download.isError && <ProblemNotice error={download.error} />}
    </Section>
  );
}

function Erasure() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const me = useMe();
  const store = useStoreMe();
  const [confirming, setConfirming] = useState(false);
  const request = useMutation({
    mutationFn: requestErasure,
    onSuccess: (expert) => {
      store(expert);
      setConfirming(false);
      announce(t('myData.erasure.sent'));
    },
  });
  return (
    <Section headingId="erasure-heading" heading={t('myData.erasure.heading')} className="my-data-section">
      <Paragraph mb="s">{t('myData.erasure.intro')}</Paragraph>
      <Heading variant="h3" mb="xs">
        {t('myData.erasure.goneHeading')}
      </Heading>
      <Paragraph mb="s">{t('myData.erasure.gone')}</Paragraph>
      <Heading variant="h3" mb="xs">
        {t('myData.erasure.keptHeading')}
      </Heading>
      <Paragraph mb="s">{t('myData.erasure.kept')}</Paragraph>
      <Paragraph mb="m">{t('myData.erasure.how')}</Paragraph>
      <Loaded query={me}>
        {(expert) =>
          expert.erasureRequestedAt ? (
            <InlineAlert status="neutral">
              {t('myData.erasure.requested', { at: formatDateTime(language, expert.erasureRequestedAt) })}
            </InlineAlert>
          ) : confirming ? (
            <div className="my-data-confirm" role="group" aria-labelledby="erasure-question">
              <Paragraph id="erasure-question" mb="s">
                {t('myData.erasure.question')}
              </Paragraph>
              <div className="my-data-actions">
                <BusyButton busy={request.isPending} onClick={() => request.mutate()}>
                  {t('myData.erasure.confirm')}
                </BusyButton>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  {t('myData.erasure.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              {t('myData.erasure.button')}
            </Button>
          )
        }
      </Loaded>
      {/* Requested meanwhile (another tab), the refetch takes the buttons: the refusal takes their focus. */}
      {request.isError && <RefusedNotice error={request.error} />}
    </Section>
  );
}
