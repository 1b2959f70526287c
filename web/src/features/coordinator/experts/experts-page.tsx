import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAnnounce } from '../../../components/announcer';
import { Page } from '../../../components/page';
import { Pager } from '../../../components/pager';
import { AppLink } from '../../../components/router-link';
import { Empty, Loading, ReadFailure } from '../../../components/states';
import { Button } from '../../../components/suomifi';
import { TASK_TYPES } from '../../../components/task-types';
import { formatDate } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import { TableRegion } from '../../../components/table-region';
import '../shared/coordinator.css';
import { type DirectoryQuery, useDirectory, useTopics } from './experts-api';
import { municipalityName as nameOf, municipalityOptions, useMunicipalities } from '../../../api/municipalities';

const PAGE_SIZE = 50;
const STATUSES = ['applicant', 'active', 'paused', 'retired'] as const;
const LANGUAGES = ['fi', 'sv', 'en'] as const;
const CREDENTIAL_STATES = ['pending', 'verified', 'rejected', 'none'] as const;
const FILTERS = ['search', 'status', 'language', 'municipality', 'topic', 'taskType', 'credentialState'] as const;
type Filter = (typeof FILTERS)[number];
type Sort = 'name' | 'status' | 'createdAt';

// The filters, sort and page live in the address: a filtered list can be bookmarked, and Today links into it.
function queryOf(params: URLSearchParams): DirectoryQuery {
  const query: Record<string, string | number> = {};
  for (const f of FILTERS) {
    const v = params.get(f);
    if (v) query[f] = v;
  }
  const sort = params.get('sort');
  if (sort === 'status' || sort === 'createdAt') query.sort = sort;
  if (params.get('order') === 'desc') query.order = 'desc';
  query.limit = PAGE_SIZE;
  query.offset = Math.max(0, Number(params.get('offset')) || 0);
  return query as DirectoryQuery;
}

function SelectFilter({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: Filter;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('coordinator.experts.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

// A column header that sorts the list by its column, and says so (aria-sort) when it does. A component of its own,
// not one made anew in each render of the page: made anew, React replaced the button at each sort, and the focus of a
// keyboard user who had pressed it fell to the start of the page.
function SortHeader({
  column,
  label,
  sort,
  order,
  onSort,
}: {
  column: Sort;
  label: string;
  sort: Sort;
  order: 'asc' | 'desc';
  onSort: (column: Sort) => void;
}) {
  const sorted = sort === column;
  return (
    <th scope="col" aria-sort={sorted ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true">{sorted ? (order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

export function ExpertsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const list = useDirectory(query);
  const municipalities = useMunicipalities();
  const topics = useTopics();
  const [draft, setDraft] = useState<Record<Filter, string>>(
    () => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<Filter, string>,
  );
  const searched = useRef(false);

  const municipalityName = (code: string | null) => {
    const m = municipalities.data?.find((x) => x.code === code);
    return m ? nameOf(language, m) : (code ?? '');
  };

  useEffect(() => {
    if (searched.current && list.data && !list.isPlaceholderData) {
      searched.current = false;
      announce(t('coordinator.experts.found', { count: list.data.total }));
    }
  }, [list.data, list.isPlaceholderData, announce, t]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    searched.current = true;
    setParams(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ ...draft, offset: undefined });
  };
  const clear = () => {
    setDraft(Object.fromEntries(FILTERS.map((f) => [f, ''])) as Record<Filter, string>);
    update({ ...Object.fromEntries(FILTERS.map((f) => [f, undefined])), offset: undefined });
  };

  const sort = (query.sort ?? 'name') as Sort;
  const order = query.order ?? 'asc';
  const sortBy = (column: Sort) =>
    update({ sort: column, order: sort === column && order === 'asc' ? 'desc' : undefined, offset: undefined });
  const sortHeader = { sort, order, onSort: sortBy };

  const set = (f: Filter) => (v: string) => setDraft((d) => ({ ...d, [f]: v }));
  const data = list.data;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  return (
    <Page title={t('coordinator.experts.title')}>
      <div className="wide-page" />
      <form
        className="coordinator-filters"
        onSubmit={submit}
        role="search"
        aria-label={t('coordinator.experts.filters')}
      >
        <div>
          <label htmlFor="filter-search">{t('coordinator.experts.search')}</label>
          <input
            id="filter-search"
            name="search"
            type="search"
            value={draft.search}
            maxLength={100}
            onChange={(e) => set('search')(e.target.value)}
          />
        </div>
        <SelectFilter
          name="status"
          label={t('coordinator.experts.status')}
          value={draft.status}
          onChange={set('status')}
          options={STATUSES.map((s) => ({ value: s, label: t(`coordinator.expertStatus.${s}`) }))}
        />
        <SelectFilter
          name="language"
          label={t('coordinator.experts.language')}
          value={draft.language}
          onChange={set('language')}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`coordinator.languages.${l}`) }))}
        />
        <SelectFilter
          name="municipality"
          label={t('coordinator.experts.municipality')}
          value={draft.municipality}
          onChange={set('municipality')}
          options={municipalityOptions(language, municipalities.data)}
        />
        <SelectFilter
          name="topic"
          label={t('coordinator.experts.topic')}
          value={draft.topic}
          onChange={set('topic')}
          options={(topics.data?.topics ?? []).map((x) => ({
            value: x.code,
            label: language === 'sv' ? x.nameSv : language === 'en' ? x.nameEn : x.nameFi,
          }))}
        />
        <SelectFilter
          name="taskType"
          label={t('coordinator.experts.taskType')}
          value={draft.taskType}
          onChange={set('taskType')}
          options={TASK_TYPES.map((x) => ({ value: x, label: t(`taskTypes.${x}`) }))}
        />
        <SelectFilter
          name="credentialState"
          label={t('coordinator.experts.credentialState')}
          value={draft.credentialState}
          onChange={set('credentialState')}
          options={CREDENTIAL_STATES.map((x) => ({ value: x, label: t(`coordinator.credentialStates.${x}`) }))}
        />
        <div className="actions">
          <Button type="submit">{t('coordinator.experts.apply')}</Button>
          <Button type="button" variant="secondary" onClick={clear}>
            {t('coordinator.experts.clear')}
          </Button>
        </div>
      </form>

      {list.isPending && <Loading />}
      <ReadFailure query={list} />
      {data && data.total === 0 && <Empty text={t('coordinator.experts.none')} />}
      {data && data.total > 0 && (
        <>
          <TableRegion
            boxed
            id="experts"
            caption={t('coordinator.experts.caption', {
              from: offset + 1,
              to: offset + data.items.length,
              total: data.total,
            })}
          >
            <thead>
              <tr>
                <SortHeader {...sortHeader} column="name" label={t('coordinator.columns.name')} />
                <SortHeader {...sortHeader} column="status" label={t('coordinator.columns.state')} />
                <th scope="col">{t('coordinator.columns.languages')}</th>
                <th scope="col">{t('coordinator.columns.municipality')}</th>
                <th scope="col">{t('coordinator.columns.certificates')}</th>
                <SortHeader {...sortHeader} column="createdAt" label={t('coordinator.columns.joined')} />
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <AppLink to={`/coordinator/experts/${e.id}`}>{e.name}</AppLink>
                  </td>
                  <td>{t(`coordinator.expertStatus.${e.status}`)}</td>
                  <td>{e.languages.join(', ')}</td>
                  <td>{municipalityName(e.homeMunicipality)}</td>
                  <td>
                    {e.credentials.pending > 0 && (
                      <strong>{t('coordinator.experts.pendingCount', { count: e.credentials.pending })}</strong>
                    )}
                    {e.credentials.pending > 0 && e.credentials.verified > 0 && ', '}
                    {e.credentials.verified > 0 &&
                      t('coordinator.experts.verifiedCount', { count: e.credentials.verified })}
                    {e.credentials.pending + e.credentials.verified === 0 && t('coordinator.experts.noneVerified')}
                  </td>
                  <td>{formatDate(language, e.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
          <Pager
            offset={offset}
            limit={PAGE_SIZE}
            total={data.total}
            onChange={(next) => update({ offset: String(next) })}
          />
        </>
      )}
    </Page>
  );
}
