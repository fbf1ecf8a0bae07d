import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Layout, Menu, Modal, Result, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import {
  ApartmentOutlined,
  ApiOutlined,
  BankOutlined,
  DashboardOutlined,
  BellOutlined,
  CalendarOutlined,
  FieldTimeOutlined,
  FormOutlined,
  InboxOutlined,
  LogoutOutlined,
  QuestionCircleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { canRegister, intakePath, isOffice, useAuth } from '../auth';
import { errorMessage } from '../lib/api';
import { useShortcuts } from '../lib/keys';
import { LanguageSwitch } from './LanguageSwitch';
import { accountabilityMenu } from './accountability/menu';
import { NotificationBell } from './accountability/NotificationBell';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { t } = useTranslation();
  const { context, contextError, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [help, setHelp] = useState(false);
  const pendingG = useRef(0);

  useShortcuts({
    g: () => {
      pendingG.current = Date.now();
    },
    i: () => {
      if (Date.now() - pendingG.current < 1500) void navigate('/inbox');
    },
    n: () => {
      if (context && canRegister(context)) void navigate(intakePath(context));
    },
    '?': () => setHelp(true),
  });

  const items = useMemo(() => {
    if (!context) return [];
    const role = context.user.role;
    const list: NonNullable<React.ComponentProps<typeof Menu>['items']> = [
      { key: '/inbox', icon: <InboxOutlined />, label: t('nav.inbox') },
    ];
    if (role === 'proxyAgent') list.push({ key: intakePath(context), icon: <FormOutlined />, label: t('nav.intake') });
    else if (canRegister(context))
      list.push({
        key: 'intake',
        icon: <FormOutlined />,
        label: t('nav.intake'),
        children: (['visit', 'letter', 'hotline', 'transfer'] as const).map((c) => ({ key: `/intake/${c}`, label: t(`intake.${c}`) })),
      });
    if (role === 'clerk' || role === 'leader') list.push({ key: '/reception', icon: <CalendarOutlined />, label: t('reception.nav') });
    if (role === 'proxyAgent') list.push({ key: '/reminders', icon: <BellOutlined />, label: t('reminders.nav') });
    if (role === 'leader' || role === 'supervisor' || isOffice(context))
      list.push({ key: '/cockpit', icon: <DashboardOutlined />, label: t('cockpit.nav') });
    list.push(...accountabilityMenu(context, t));
    if (role === 'admin')
      list.push({
        key: 'admin',
        icon: <BankOutlined />,
        label: t('nav.admin'),
        children: [
          { key: '/admin/jurisdictions', icon: <ApartmentOutlined />, label: t('nav.jurisdictions') },
          { key: '/admin/units', icon: <BankOutlined />, label: t('nav.units') },
          { key: '/admin/users', icon: <TeamOutlined />, label: t('nav.users') },
          { key: '/admin/settings', icon: <FieldTimeOutlined />, label: t('nav.settings') },
          { key: '/admin/integrations', icon: <ApiOutlined />, label: t('integrations.nav') },
        ],
      });
    return list;
  }, [context, t]);

  if (contextError)
    return (
      <Result
        status="error"
        title={errorMessage(contextError, t('errors.unknown'))}
        extra={
          <Space>
            <Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>
            <Button onClick={signOut}>{t('nav.logout')}</Button>
          </Space>
        }
      />
    );
  if (!context)
    return (
      <div className="page-loading" role="status">
        <Spin />
      </div>
    );

  const selected = location.pathname.startsWith('/petitions') ? '/inbox' : location.pathname.replace(/^\/inbox\/.*/, '/inbox').replace(/^\/ledgers\/.*/, '/ledgers');
  const openKeys = location.pathname.startsWith('/intake') ? ['intake'] : location.pathname.startsWith('/admin') ? ['admin'] : [];

  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header className="app-header no-print">
        <div className="brand" onClick={() => void navigate('/inbox')} role="link" tabIndex={-1}>
          <span className="brand-mark" aria-hidden="true">
            桥
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <Space size="middle" className="header-right" wrap>
          <span className="who">
            <strong>{context.user.displayName}</strong>
            <Tag className="role-tag">{t(`roles.${context.user.role}`, context.user.role)}</Tag>
            <span className="who-unit">{context.unit?.name ?? context.jurisdiction?.name ?? ''}</span>
          </span>
          <NotificationBell />
          <LanguageSwitch />
          <Tooltip title={t('nav.shortcuts')}>
            <Button type="text" className="header-btn" icon={<QuestionCircleOutlined />} aria-label={t('nav.shortcuts')} onClick={() => setHelp(true)} />
          </Tooltip>
          <Button type="text" className="header-btn" icon={<LogoutOutlined />} onClick={signOut}>
            {t('nav.logout')}
          </Button>
        </Space>
      </Header>
      <Layout>
        <Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0} className="app-sider no-print">
          <nav aria-label={t('app.name')}>
            <Menu mode="inline" selectedKeys={[selected]} defaultOpenKeys={openKeys} items={items} onClick={(e) => void navigate(e.key)} />
          </nav>
        </Sider>
        <Content id="main" className="app-content" tabIndex={-1}>
          <Outlet />
        </Content>
      </Layout>
      <Modal open={help} title={t('shortcuts.title')} footer={null} onCancel={() => setHelp(false)}>
        <ul className="shortcut-list">
          {(['inbox', 'intake', 'search', 'move', 'open', 'submit', 'print', 'help'] as const).map((k) => (
            <li key={k}>
              <Typography.Text>{t(`shortcuts.${k}`)}</Typography.Text>
            </li>
          ))}
        </ul>
        <Alert type="info" title={t('petition.shortcutSubmit')} showIcon />
      </Modal>
    </Layout>
  );
}
