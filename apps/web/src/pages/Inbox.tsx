import { categories, channels, domains, rateParts, statuses, type RateMeasure } from '@qiao/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Badge,
  Button,
  DatePicker,
  Dropdown,
  Empty,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type InputRef,
  type TableColumnsType,
} from 'antd';
import { CloseOutlined, DeleteOutlined, FilterOutlined, ReloadOutlined, SaveOutlined, StarOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useMe } from '../auth';
import { DueBadge, StatusTag } from '../components/Badges';
import { LeaderPanel } from '../components/LeaderPanel';
import { UnitSupervisionLink } from '../components/SupervisionRecordLink';
import { api, errorMessage, type LateUnit, type List, type ListFilters, type ListItem, type TabKey } from '../lib/api';
import { useJurisdictions, useUnits } from '../lib/directory';
import { useShortcuts } from '../lib/keys';
import { useStored } from '../lib/storage';

const LateUnitsChart = lazy(() => import('../components/LateUnitsChart'));

const LIST_KEYS = ['status', 'domain', 'category', 'channel'] as const;

/** Tabs that are no to-do list: a user is never landed on them for their count. */
const NOT_TO_DO: readonly TabKey[] = ['all', 'recent'];

/** Where a user lands when the URL names no tab: the first to-do tab that holds petitions, else the first tab. */
function landingTab(tabs: readonly { key: TabKey }[], counts: Partial<Record<TabKey, number>>): TabKey | undefined {
  return tabs.find((x) => !NOT_TO_DO.includes(x.key) && (counts[x.key] ?? 0) > 0)?.key;
}

interface SavedView {
  name: string;
  tab: TabKey;
  query: string;
}

/** Filters live in the URL, so going back from a petition restores the list as it was. */
function filtersOf(params: URLSearchParams): ListFilters & { sort?: 'due' | 'received' } {
  const list = (k: string) => params.get(k)?.split(',').filter(Boolean);
  const f: ListFilters & { sort?: 'due' | 'received' } = {};
  for (const k of LIST_KEYS) {
    const v = list(k);
    if (v?.length) f[k] = v;
  }
  if (params.get('overdue') === 'true') f.overdue = 'true';
  const from = params.get('receivedFrom');
  const to = params.get('receivedTo');
  if (from) f.receivedFrom = from;
  if (to) f.receivedTo = to;
  const text = params.get('text');
  if (text) f.text = text;
  const unit = params.get('unit');
  if (unit) f.unit = unit;
  const handlingUnit = params.get('handlingUnit');
  if (handlingUnit) f.handlingUnit = handlingUnit;
  const measure = params.get('measure');
  if (measure && measure in rateParts) {
    f.measure = measure as RateMeasure;
    const part = params.get('part');
    if (part === 'met' || part === 'missed') f.part = part;
  }
  const jurisdiction = params.get('jurisdiction');
  if (jurisdiction) f.jurisdiction = jurisdiction;
  if (jurisdiction && params.get('jurisdictionOnly') === 'true') f.jurisdictionOnly = 'true';
  const sort = params.get('sort');
  if (sort === 'due' || sort === 'received') f.sort = sort;
  return f;
}

/** A filter the bar has no picker for, with a button that removes it alone. */
function FilterTag({ children, onRemove }: { children: ReactNode; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Tag className="filter-tag">
      {children}
      <Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('inbox.removeFilter')} onClick={onRemove} />
    </Tag>
  );
}

/**
 * A cockpit rate drilled down to: the petitions it counts, and a switch to those that meet it or miss it (the
 * late replies behind an on-time rate, the dissatisfied behind a satisfaction rate).
 */
function MeasureFilter(props: { measure: RateMeasure; part: 'met' | 'missed' | undefined; onPart: (p: 'met' | 'missed' | undefined) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const m = props.measure;
  return (
    <Space size={4} className="measure-filter">
      <FilterTag onRemove={props.onRemove}>{t('inbox.measureTag', { name: t(`inbox.measure.${m}.name`) })}</FilterTag>
      <Segmented
        size="small"
        aria-label={t(`inbox.measure.${m}.name`)}
        value={props.part ?? 'all'}
        options={[
          { value: 'all', label: t('inbox.measureAll') },
          { value: 'met', label: t(`inbox.measure.${m}.met`) },
          { value: 'missed', label: t(`inbox.measure.${m}.missed`) },
        ]}
        onChange={(v) => props.onPart(v === 'met' || v === 'missed' ? v : undefined)}
      />
    </Space>
  );
}

export default function InboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams<{ tab?: string }>();
  const [search, setSearch] = useSearchParams();
  const tabs = me.tabs;
  const tab = (tabs.find((x) => x.key === params.tab) ?? tabs[0])!;
  const filters = useMemo(() => filtersOf(search), [search]);
  const { sort: sortParam, ...listFilters } = filters;
  const sort = sortParam ?? tab.sort;
  const filtered = Object.keys(listFilters).length > 0;
  const [places] = useJurisdictions();
  const placeNames = useMemo(() => new Map(places.map((p) => [p.code, p.name])), [places]);

  // With no tab in the URL (/inbox: signing in, the menu) the user has chosen none: once the counts arrive they land
  // on the first to-do tab that holds petitions (the list waits for that), unless they have meanwhile chosen a tab
  // or a filter themselves. A tab in the URL is always kept.
  const noTab = params.tab === undefined;
  const [landing, setLanding] = useState(noTab);
  const chose = useRef(false);
  const latest = useRef({ noTab, query: search.toString() });
  latest.current = { noTab, query: search.toString() };
  const [counts, setCounts] = useState<Partial<Record<TabKey, number>>>({});
  /** Tabs counted only up to the server's cap: "at least" that many. */
  const [capped, setCapped] = useState<TabKey[]>([]);
  const [items, setItems] = useState<ListItem[]>([]);
  // The tab the shown rows came from: until a new tab's page arrives the table keeps the last one's rows, and
  // their columns with them (the notices' tab reads another due day).
  const [itemsTab, setItemsTab] = useState<string | null>(null);
  const loadSeq = useRef(0);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [next, setNext] = useState<string | null>(null);
  // A filtered list's total (from its first page): a cockpit figure drilled down to shows its count here.
  const [total, setTotal] = useState<List['total']>(undefined);
  const totalFor = useRef(0);
  /** A search that found nothing in this tab: how many the same search finds under 全部 (All). */
  const [inAll, setInAll] = useState<List['total']>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [pageSize, setPageSize] = useStored<number>('qiao.pageSize', 50);
  const [views, setViews] = useStored<SavedView[]>(`qiao.views.${me.user.username}`, []);
  const [naming, setNaming] = useState(false);
  const [lateUnits, setLateUnits] = useState<LateUnit[] | null>(null);
  const [units] = useUnits();
  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const searchRef = useRef<InputRef>(null);
  const [text, setText] = useState(listFilters.text ?? '');
  useEffect(() => setText(listFilters.text ?? ''), [listFilters.text]);

  const filterKey = search.toString();
  const cursor = cursors[cursors.length - 1] ?? null;

  useEffect(() => {
    let live = true;
    if (noTab) {
      chose.current = false;
      setLanding(true);
    }
    api
      .counts()
      .then((c) => {
        if (!live) return;
        setCounts(c.counts);
        setCapped(c.capped);
        const { noTab: stillNoTab, query } = latest.current;
        const to = stillNoTab && !chose.current ? landingTab(tabs, c.counts) : undefined;
        if (to && to !== tabs[0]?.key) void navigate(`/inbox/${to}${query ? `?${query}` : ''}`, { replace: true });
        setLanding(false);
      })
      .catch(() => {
        if (live) setLanding(false);
      });
    return () => {
      live = false;
    };
    // tabs and navigate are the same for the session; noTab: coming back to /inbox lands again
  }, [tab.key, noTab]);

  // A new tab, filter or sort starts again at the first page.
  useEffect(() => {
    setCursors([null]);
    setActive(0);
  }, [tab.key, filterKey, pageSize]);

  const load = useCallback(async () => {
    if (landing) return;
    if (tab.key === 'lateUnits') {
      setLoading(true);
      try {
        setLateUnits(await api.lateUnits());
        setError(null);
      } catch (e) {
        setError(errorMessage(e, t('inbox.loadError')));
      } finally {
        setLoading(false);
      }
      return;
    }
    setLoading(true);
    const seq = ++loadSeq.current;
    try {
      const asked = cursor === null ? ++totalFor.current : totalFor.current;
      if (cursor === null) {
        setTotal(undefined);
        setInAll(undefined);
      }
      // The total is asked for apart, so the page never waits for it (a narrow filter at 1,000,000 petitions
      // is counted in a few hundred ms); an answer for filters no longer shown is dropped.
      if (filtered && cursor === null)
        void api
          .inboxCount(tab.key, listFilters)
          .then((n) => asked === totalFor.current && setTotal(n))
          .catch(() => undefined);
      const page = await api.inbox(tab.key, listFilters, { cursor, limit: pageSize, sort });
      // A search is a question about any petition (a caller reads out their tracking code): when this tab holds
      // none that match, the same search is counted under All and offered there, rather than a bare "none".
      if (cursor === null && page.items.length === 0 && listFilters.text && tab.key !== 'all' && tabs.some((x) => x.key === 'all'))
        void api
          .inboxCount('all', listFilters)
          .then((n) => asked === totalFor.current && setInAll(n))
          .catch(() => undefined);
      // A page asked for before the tab, filters or page last changed is dropped: it would show one tab's rows
      // under another's name.
      if (seq !== loadSeq.current) return;
      setItems(page.items);
      setItemsTab(tab.key);
      setNext(page.nextCursor);
      setError(null);
    } catch (e) {
      if (seq === loadSeq.current) setError(errorMessage(e, t('inbox.loadError')));
    } finally {
      if (seq === loadSeq.current) setLoading(false);
    }
    // listFilters is derived from filterKey
  }, [landing, tab.key, filterKey, cursor, pageSize, sort, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const setParam = (patch: Record<string, string | undefined>) => {
    chose.current = true;
    const p = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setSearch(p, { replace: true });
  };

  const open = (item: ListItem | undefined) => {
    if (item) void navigate(`/petitions/${item.id}`);
  };

  useShortcuts({
    '/': () => searchRef.current?.focus(),
    j: () => setActive((i) => Math.min(i + 1, items.length - 1)),
    k: () => setActive((i) => Math.max(i - 1, 0)),
    Enter: () => open(items[active]),
  });
  useEffect(() => {
    document.querySelector(`tr[data-row-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);


  const unitColumn = listFilters.handlingUnit
    ? ({ field: 'handlingUnit', title: 'inbox.handlingUnit' } as const)
    : ({ field: 'currentUnit', title: 'inbox.unit' } as const);
  const columns: TableColumnsType<ListItem> = [
    // The notices' tab is about the unit's answers: it shows (and sorts by) the day its notice must be answered, not
    // the petition's next deadline, which may be another unit's.
    itemsTab === 'supervised'
      ? { title: t('inbox.noticeDue'), dataIndex: 'noticeDueOn', width: 112, render: (_, r) => <DueBadge today={me.today} due={r.noticeDueOn} /> }
      : { title: t('inbox.due'), dataIndex: 'nextDueOn', width: 112, render: (_, r) => <DueBadge today={me.today} due={r.nextDueOn} /> },
    { title: t('inbox.code'), dataIndex: 'trackingCode', width: 150, render: (v: string) => <span className="mono">{v}</span> },
    {
      title: t('inbox.titleCol'),
      dataIndex: 'title',
      render: (_, r) => (
        <Space size={4} wrap>
          <Link to={`/petitions/${r.id}`} onClick={(e) => e.stopPropagation()}>
            {r.title}
          </Link>
          {r.collective && <span className="pill pill-amber">{t('inbox.collective', { count: r.headcount })}</span>}
          {r.category === 'accusation' && <span className="pill pill-purple">{t('category.accusation')}</span>}
        </Space>
      ),
    },
    { title: t('inbox.status'), dataIndex: 'status', width: 110, render: (_, r) => <StatusTag status={r.status} /> },
    { title: t('inbox.domain'), dataIndex: 'domain', width: 110, render: (_, r) => t(`domain.${r.domain}`) },
    { title: t('inbox.channel'), dataIndex: 'channel', width: 90, render: (_, r) => t(`channel.${r.channel}`) },
    // Listing a unit's petitions as its scorecard counts them, the unit column names the handling unit: under
    // review the current unit is the reviewing body, which is not the unit the row was counted for.
    { title: t(unitColumn.title), dataIndex: unitColumn.field, width: 200, ellipsis: true, render: (_, r) => r[unitColumn.field]?.name ?? '—' },
    { title: t('inbox.receivedOn'), dataIndex: 'receivedOn', width: 110, render: (v: string) => dayjs(v).format('L') },
    { title: t('inbox.petitioner'), dataIndex: 'petitioner', width: 90 },
  ];

  const saveView = (name: string) => {
    const rest = views.filter((v) => v.name !== name);
    setViews([...rest, { name, tab: tab.key, query: search.toString() }]);
    message.success(t('inbox.viewSaved', { name }));
    setNaming(false);
  };

  const tabItems = tabs.map((x) => ({
    key: x.key,
    label: (
      <Tooltip title={t(`tabHelp.${x.key}`)} placement="bottom">
        <span className="tab-label">
          {t(`tabs.${x.key}`)}
          {counts[x.key] !== undefined && (
            <Badge
              count={counts[x.key]}
              overflowCount={9999}
              showZero
              className={`tab-count ${(x.key === 'overdue' || x.key === 'lateUnits' || x.key === 'supervised') && counts[x.key] ? 'tab-count-red' : ''}`}
            />
          )}
        </span>
      </Tooltip>
    ),
  }));

  const pageNo = cursors.length;
  return (
    <div className="inbox">
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('inbox.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {me.unit?.name ?? me.jurisdiction?.name} · {dayjs(me.today).format('LL')}
        </Typography.Text>
      </div>
      {me.user.role === 'leader' && <LeaderPanel />}
      <Tabs
        activeKey={tab.key}
        items={tabItems}
        // Every click counts as a choice, also one on the tab already shown (which changes nothing).
        onTabClick={() => {
          chose.current = true;
        }}
        onChange={(k) => {
          chose.current = true;
          void navigate(`/inbox/${k}${filtered ? `?${search.toString()}` : ''}`);
        }}
        className="inbox-tabs"
      />
      {tab.key === 'lateUnits' ? (
        <LateUnitsView
          units={lateUnits}
          loading={loading}
          error={error}
          onPick={(unitId) => void navigate(`/inbox/overdue?unit=${encodeURIComponent(unitId)}`)}
        />
      ) : (
        <>
          <div className="filters" role="search" aria-label={t('inbox.filters')}>
            <Input.Search
              ref={searchRef}
              aria-label={t('inbox.text')}
              placeholder={`${t('inbox.text')}  ( / )`}
              allowClear
              value={text}
              onChange={(e) => setText(e.target.value)}
              onSearch={(v) => setParam({ text: v.trim() || undefined })}
              className="filter-text"
            />
            {LIST_KEYS.map((k) => {
              const values = k === 'status' ? statuses : k === 'domain' ? domains : k === 'category' ? categories : channels;
              return (
                <Select
                  key={k}
                  mode="multiple"
                  allowClear
                  maxTagCount="responsive"
                  aria-label={t(`inbox.${k}`)}
                  placeholder={t(`inbox.${k}`)}
                  value={listFilters[k] ?? []}
                  onChange={(v: string[]) => setParam({ [k]: v.join(',') || undefined })}
                  options={values.map((v) => ({ value: v, label: t(`${k}.${v}`) }))}
                  className="filter-select"
                  showSearch={{ optionFilterProp: 'label' }}
                />
              );
            })}
            <DatePicker.RangePicker
              aria-label={t('inbox.received')}
              placeholder={[t('inbox.received'), t('inbox.received')]}
              value={listFilters.receivedFrom || listFilters.receivedTo ? [listFilters.receivedFrom ? dayjs(listFilters.receivedFrom) : null, listFilters.receivedTo ? dayjs(listFilters.receivedTo) : null] : null}
              onChange={(v) => setParam({ receivedFrom: v?.[0]?.format('YYYY-MM-DD'), receivedTo: v?.[1]?.format('YYYY-MM-DD') })}
              allowEmpty={[true, true]}
            />
            <label className="filter-switch">
              <Switch size="small" checked={listFilters.overdue === 'true'} onChange={(v) => setParam({ overdue: v ? 'true' : undefined })} />
              {t('inbox.overdueOnly')}
            </label>
            <Select
              aria-label={t('inbox.sort')}
              value={sort}
              onChange={(v) => setParam({ sort: v === tab.sort ? undefined : v })}
              options={[
                { value: 'due', label: t('inbox.sortDue') },
                { value: 'received', label: t('inbox.sortReceived') },
              ]}
              className="filter-sort"
            />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  ...(views.length
                    ? views.map((v) => ({
                        key: v.name,
                        label: (
                          <span className="view-item">
                            {v.name} <small>· {t(`tabs.${v.tab}`)}</small>
                          </span>
                        ),
                        extra: (
                          <DeleteOutlined
                            aria-label={t('inbox.deleteView')}
                            onClick={(e) => {
                              e.stopPropagation();
                              setViews(views.filter((x) => x.name !== v.name));
                            }}
                          />
                        ),
                      }))
                    : [{ key: '_none', label: t('inbox.noViews'), disabled: true }]),
                  { type: 'divider' as const },
                  { key: '_save', icon: <SaveOutlined />, label: t('inbox.saveView') },
                ],
                onClick: ({ key }) => {
                  if (key === '_save') return setNaming(true);
                  const v = views.find((x) => x.name === key);
                  if (v) void navigate(`/inbox/${v.tab}${v.query ? `?${v.query}` : ''}`);
                },
              }}
            >
              <Button icon={<StarOutlined />}>{t('inbox.savedViews')}</Button>
            </Dropdown>
            {/* A drill-down's place and units have no picker here: shown, so the list's narrowing is never hidden. */}
            {listFilters.jurisdiction && (
              <FilterTag onRemove={() => setParam({ jurisdiction: undefined, jurisdictionOnly: undefined })}>
                {t('inbox.inJurisdiction', {
                  name: listFilters.jurisdictionOnly
                    ? t('cockpit.cityLevel', { name: placeNames.get(listFilters.jurisdiction) ?? listFilters.jurisdiction })
                    : (placeNames.get(listFilters.jurisdiction) ?? listFilters.jurisdiction),
                })}
              </FilterTag>
            )}
            {listFilters.unit && (
              <FilterTag onRemove={() => setParam({ unit: undefined })}>
                {t('inbox.ofUnit', { name: unitNames.get(listFilters.unit) ?? listFilters.unit })}
              </FilterTag>
            )}
            {listFilters.measure && (
              <MeasureFilter
                measure={listFilters.measure}
                part={listFilters.part}
                onPart={(part) => setParam({ part })}
                onRemove={() => setParam({ measure: undefined, part: undefined })}
              />
            )}
            {listFilters.handlingUnit && (
              <FilterTag onRemove={() => setParam({ handlingUnit: undefined })}>
                {t('inbox.handledBy', { name: unitNames.get(listFilters.handlingUnit) ?? listFilters.handlingUnit })}
              </FilterTag>
            )}
            {filtered && (
              <Button icon={<FilterOutlined />} onClick={() => setSearch(new URLSearchParams(), { replace: true })}>
                {t('inbox.clearFilters')}
              </Button>
            )}
            <Tooltip title={t('common.refresh')}>
              <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void load()} />
            </Tooltip>
          </div>
          {error && <Alert type="error" showIcon title={error} action={<Button onClick={() => void load()}>{t('common.retry')}</Button>} className="gap-bottom" />}
          <Table<ListItem>
            className="inbox-list"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={loading || landing}
            pagination={false}
            scroll={{ x: 1100 }}
            onRow={(r, i) => ({
              onClick: () => open(r),
              className: i === active ? 'row-active' : undefined,
              'data-row-index': i,
            } as React.HTMLAttributes<HTMLElement>)}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    <span>
                      <strong>{filtered ? t('inbox.emptyFiltered') : t('inbox.empty')}</strong>
                      <br />
                      {!filtered && (tab.key === 'supervised' ? t('inbox.emptyHintSupervised') : t('inbox.emptyHint'))}
                    </span>
                  }
                >
                  {inAll && inAll.count > 0 && (
                    <div className="search-elsewhere" role="status">
                      <Typography.Paragraph>
                        {t(inAll.capped ? 'inboxSearch.foundInAllAtLeast' : 'inboxSearch.foundInAll', { count: inAll.count, tab: t('tabs.all') })}
                      </Typography.Paragraph>
                      <Button
                        type="primary"
                        onClick={() => {
                          chose.current = true;
                          void navigate(`/inbox/all?${search.toString()}`);
                        }}
                      >
                        {t('inboxSearch.showInAll', { tab: t('tabs.all') })}
                      </Button>
                    </div>
                  )}
                  {filtered && <Button onClick={() => setSearch(new URLSearchParams(), { replace: true })}>{t('inbox.clearFilters')}</Button>}
                </Empty>
              ),
            }}
          />
          <div className="pager">
            <Typography.Text type="secondary" className="pager-hint">
              {t('inbox.nav')}
            </Typography.Text>
            <Space>
              {!filtered && counts[tab.key] !== undefined && (
                <span>{t(capped.includes(tab.key) ? 'common.totalAtLeast' : 'common.total', { count: counts[tab.key] })}</span>
              )}
              {filtered && total && (
                <span className="list-total">{t(total.capped ? 'common.totalAtLeast' : 'common.total', { count: total.count })}</span>
              )}
              <span>{t('common.page', { page: pageNo })}</span>
              {pageNo > 1 && (
                <Button disabled={loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
                  {t('common.prev')}
                </Button>
              )}
              {next && (
                <Button disabled={loading} onClick={() => setCursors((c) => [...c, next])}>
                  {t('common.next')}
                </Button>
              )}
              <Select
                aria-label={t('common.perPage', { count: pageSize })}
                value={pageSize}
                onChange={setPageSize}
                options={[20, 50, 100, 200].map((n) => ({ value: n, label: t('common.perPage', { count: n }) }))}
              />
            </Space>
          </div>
        </>
      )}
      <ViewNameModal open={naming} onCancel={() => setNaming(false)} onSave={saveView} />
    </div>
  );
}

function ViewNameModal({ open, onCancel, onSave }: { open: boolean; onCancel: () => void; onSave: (name: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  return (
    <Modal open={open} title={t('inbox.saveView')} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => onSave(v.name.trim())} preserve={false}>
        <Form.Item name="name" label={t('inbox.viewName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input autoFocus maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LateUnitsView({ units, loading, error, onPick }: { units: LateUnit[] | null; loading: boolean; error: string | null; onPick: (unitId: string) => void }) {
  const { t } = useTranslation();
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <div className="late-units">
      {units && units.length > 0 && (
        <Suspense fallback={<div className="chart-placeholder" />}>
          <LateUnitsChart units={units} onPick={onPick} />
        </Suspense>
      )}
      <Table<LateUnit>
        rowKey="unitId"
        loading={loading}
        dataSource={units ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} /> }}
        columns={[
          { title: t('inbox.unit'), dataIndex: 'name' },
          { title: t('inbox.overdueCount'), dataIndex: 'overdue', width: 110, render: (v: number) => <span className="due due-overdue">{v}</span> },
          { title: t('inbox.dueSoonCount'), dataIndex: 'dueSoon', width: 130 },
          { title: t('inbox.openCount'), dataIndex: 'open', width: 100 },
          {
            title: t('common.actions'),
            width: 240,
            render: (_, r) => (
              <Space size={6}>
                <Button size="small" onClick={() => onPick(r.unitId)}>
                  {t('inbox.viewUnit')}
                </Button>
                <UnitSupervisionLink unitId={r.unitId} name={r.name} />
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
