import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { Empty, Loading, ReadFailure } from '../../components/states';
import { Paragraph } from '../../components/suomifi';
import { formatSpan } from '../../components/work-facts';
import { Section } from '../../components/section';
import { formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { isWaiting, type Offer, useOffers } from './offers-api';

function OfferList({ offers, waiting }: { offers: Offer[]; waiting: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <ul className="card-list">
      {offers.map((offer) => (
        <li key={offer.id}>
          <AppLink to={`/offers/${offer.id}`}>{offer.title}</AppLink>
          <Paragraph>{formatSpan(language, offer.startsAt, offer.endsAt)}</Paragraph>
          <Paragraph>
            {waiting
              ? t('offers.answerBy', { deadline: formatDateTime(language, offer.deadline) })
              : t(`offers.status.${offer.status === 'offered' ? 'expired' : offer.status}`)}
          </Paragraph>
        </li>
      ))}
    </ul>
  );
}

export function OffersPage() {
  const { t } = useTranslation();
  const offers = useOffers();
  const now = Date.now();
  const waiting = offers.data?.filter((o) => isWaiting(o, now)) ?? [];
  const answered = offers.data?.filter((o) => !isWaiting(o, now)).reverse() ?? [];
  return (
    <Page title={t('offers.title')}>
      {offers.isPending && <Loading />}
      <ReadFailure query={offers} />
      {offers.data && (
        <>
          <Section headingId="offers-waiting" heading={t('offers.waiting')}>
            {waiting.length === 0 ? <Empty text={t('offers.noneWaiting')} /> : <OfferList offers={waiting} waiting />}
          </Section>
          <Section headingId="offers-answered" heading={t('offers.answered')}>
            {answered.length === 0 ? (
              <Empty text={t('offers.noneAnswered')} />
            ) : (
              <OfferList offers={answered} waiting={false} />
            )}
          </Section>
        </>
      )}
    </Page>
  );
}
