import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { Empty, Loading, ReadFailure } from '../../components/states';
import { Paragraph } from '../../components/suomifi';
import { Section } from '../../components/section';
import { formatDateRange } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { type Contract, useContracts } from './contracts-api';

function ContractList({ items }: { items: Contract[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <ul className="card-list">
      {items.map((c) => (
        <li key={c.id}>
          <AppLink to={`/contracts/${c.id}`}>{t('contracts.name', { number: c.number })}</AppLink>
          <Paragraph>{language === 'sv' ? c.organisation.nameSv : c.organisation.nameFi}</Paragraph>
          <Paragraph>{formatDateRange(language, c.validFrom, c.validUntil)}</Paragraph>
          <Paragraph>{t(`contracts.status.${c.status}`)}</Paragraph>
        </li>
      ))}
    </ul>
  );
}

export function ContractsPage() {
  const { t } = useTranslation();
  const contracts = useContracts();
  const items = contracts.data?.items ?? [];
  const toSign = items.filter((c) => c.status === 'approved' && c.pdfSha256);
  const others = items.filter((c) => !toSign.includes(c));
  return (
    <Page title={t('contracts.title')}>
      {contracts.isPending && <Loading />}
      <ReadFailure query={contracts} />
      {contracts.data && (
        <>
          <Section headingId="contracts-to-sign" heading={t('contracts.toSign')}>
            {toSign.length === 0 ? <Empty text={t('contracts.noneToSign')} /> : <ContractList items={toSign} />}
          </Section>
          <Section headingId="contracts-others" heading={t('contracts.others')}>
            {others.length === 0 ? <Empty text={t('contracts.noneOthers')} /> : <ContractList items={others} />}
          </Section>
        </>
      )}
    </Page>
  );
}
