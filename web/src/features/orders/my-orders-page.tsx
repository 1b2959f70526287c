import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTimeField, SelectField } from '../../components/fields';
import { Page } from '../../components/page';
import { Pager } from '../../components/pager';
import { AppLink } from '../../components/router-link';
import { Empty, Loading, ReadFailure } from '../../components/states';
import { Heading, Paragraph } from '../../components/suomifi';
import { formatSpan } from '../../components/work-facts';
import type { Language } from '../../i18n/languages';
import { organisationName, waitingFor } from './order-state';
import {
  type Order,
  type OrderFilters,
  type OrderStatus,
  type Organisation,
  PAGE_SIZE,
  useMyOrganisations,
  useOrders,
} from './orders-api';
import './orders.css';

const STATUSES: OrderStatus[] = [
  'draft',
  'submitted',
  'matching',
  'partially_filled',
  'filled',
  'completed',
  'cancelled',
];

function OrderRow({ order, organisations }: { order: Order; organisations: Organisation[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const organisation = organisations.find((o) => o.id === order.organisationId);
  return (
    <li>
      <AppLink to={`/orders/${order.id}`}>{order.title}</AppLink>
      <Paragraph className="order-row__meta">
        {formatSpan(language, order.startsAt, order.endsAt)}
        {organisation ? ` · ${organisationName(organisation, language)}` : ''}
      </Paragraph>
      <Paragraph>
        {t(`orders.status.${order.status}`)}:{' '}
        <span className="order-row__waiting">{t(`orders.waiting.${waitingFor(order)}`)}</span>
      </Paragraph>
    </li>
  );
}

export function MyOrdersPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<OrderFilters>({ offset: 0 });
  const orders = useOrders(filters);
  const organisations = useMyOrganisations();
  const set = (change: Partial<OrderFilters>) =>
    setFilters((f) => ({ ...f, ...change, offset: 'offset' in change ? (change.offset ?? 0) : 0 }));
  const total = orders.data?.total ?? 0;
  // Nothing to show with no filter set is a first visit, not a search that found nothing.
  const filtered = Boolean(filters.status || filters.organisationId || filters.from || filters.to);
  return (
    <Page title={t('orders.list.title')}>
      <div className="actions">
        <AppLink to="/orders/new">{t('orders.list.new')}</AppLink>
      </div>
      <section aria-labelledby="order-filters-heading">
        <Heading variant="h2" id="order-filters-heading" mb="s">
          {t('orders.list.filters')}
        </Heading>
        <div className="order-filters">
          <SelectField
            field="filter-status"
            label={t('orders.list.filterStatus')}
            value={filters.status ?? ''}
            onChange={(v) => set({ status: (v || undefined) as OrderStatus | undefined })}
            options={[
              { value: '', label: t('orders.list.all') },
              ...STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) })),
            ]}
          />
          <SelectField
            field="filter-organisation"
            label={t('orders.list.filterOrganisation')}
            value={filters.organisationId ?? ''}
            onChange={(v) => set({ organisationId: v || undefined })}
            options={[
              { value: '', label: t('orders.list.all') },
              ...(organisations.data ?? []).map((o) => ({ value: o.id, label: organisationName(o, i18n.language) })),
            ]}
          />
          <DateTimeField
            field="filter-from"
            type="date"
            label={t('orders.list.filterFrom')}
            value={filters.from ?? ''}
            onChange={(v) => set({ from: v || undefined })}
          />
          <DateTimeField
            field="filter-to"
            type="date"
            label={t('orders.list.filterTo')}
            value={filters.to ?? ''}
            onChange={(v) => set({ to: v || undefined })}
          />
        </div>
      </section>
      {orders.isPending && <Loading />}
      <ReadFailure query={orders} />
      {orders.data && (
        <section aria-labelledby="order-list-heading">
          <Heading variant="h2" id="order-list-heading" mb="s">
            {t('orders.list.heading')}
          </Heading>
          <Paragraph mb="s" aria-live="polite">
            {t('orders.list.results', { count: total })}
          </Paragraph>
          {orders.data.items.length === 0 ? (
            <Empty text={t(filtered ? 'orders.list.empty' : 'orders.list.none')} />
          ) : (
            <ul className="card-list">
              {orders.data.items.map((o) => (
                <OrderRow key={o.id} order={o} organisations={organisations.data ?? []} />
              ))}
            </ul>
          )}
          {total > PAGE_SIZE && (
            <Pager offset={filters.offset} limit={PAGE_SIZE} total={total} onChange={(offset) => set({ offset })} />
          )}
        </section>
      )}
    </Page>
  );
}
