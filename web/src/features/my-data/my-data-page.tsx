import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { Page } from '../../components/page';
import { saveBlob } from '../../components/save-file';
import { LoadError, Loading, ProblemNotice } from '../../components/states';
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
    <section aria-labelledby="download-heading" className="my-data-section">
      <Heading variant="h2" id="download-heading" mb="s">
        {t('myData.download.heading')}
      </Heading>
      <Paragraph mb="s">{t('myData.download.intro')}</Paragraph>
      <Button
        aria-disabled={download.isPending}
        loading={download.isPending || undefined}
        ariaLoadingText={t('forms.sending')}
        onClick={() => !download.isPending && download.mutate()}
      >
        {t('myData.download.button')}
      </Button>
      {download.isError && <ProblemNotice error={download.error} />}
    </section>
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
    <section aria-labelledby="erasure-heading" className="my-data-section">
      <Heading variant="h2" id="erasure-heading" mb="s">
        {t('myData.erasure.heading')}
      </Heading>
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
      {me.isPending ? (
        <Loading />
      ) : me.isError ? (
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      ) : me.data.erasureRequestedAt ? (
        <InlineAlert status="neutral">
          {t('myData.erasure.requested', { at: formatDateTime(language, me.data.erasureRequestedAt) })}
        </InlineAlert>
      ) : confirming ? (
        <div className="my-data-confirm" role="group" aria-labelledby="erasure-question">
          <Paragraph id="erasure-question" mb="s">
            {t('myData.erasure.question')}
          </Paragraph>
          <div className="my-data-actions">
            <Button
              aria-disabled={request.isPending}
              loading={request.isPending || undefined}
              ariaLoadingText={t('forms.sending')}
              onClick={() => !request.isPending && request.mutate()}
            >
              {t('myData.erasure.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('myData.erasure.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('myData.erasure.button')}
        </Button>
      )}
      {request.isError && <ProblemNotice error={request.error} />}
    </section>
  );
}
