import { lazy, Suspense, useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import updateLocale from 'dayjs/plugin/updateLocale';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth';
import { AppLayout } from './components/AppLayout';
import { LoginPage } from './pages/Login';
import { fontFamily } from './lib/fonts';

dayjs.extend(localizedFormat);
dayjs.extend(updateLocale);
// Short dates in English as the date pickers write them (2026-07-20), not in American order (07/20/2026), which a
// reader of Chinese dates, or of British ones, takes for another day.
dayjs.updateLocale('en', { formats: { LT: 'h:mm A', LTS: 'h:mm:ss A', L: 'YYYY-MM-DD', LL: 'MMMM D, YYYY', LLL: 'MMMM D, YYYY h:mm A', LLLL: 'dddd, MMMM D, YYYY h:mm A' } });

const InboxPage = lazy(() => import('./pages/Inbox'));
const PetitionPage = lazy(() => import('./pages/Petition'));
const IntakePage = lazy(() => import('./pages/Intake'));
const CockpitPage = lazy(() => import('./pages/Cockpit'));
const JurisdictionsPage = lazy(() => import('./pages/admin/Jurisdictions'));
const UnitsPage = lazy(() => import('./pages/admin/Units'));
const UsersPage = lazy(() => import('./pages/admin/Users'));
const SettingsPage = lazy(() => import('./pages/admin/Settings'));
const IntegrationsPage = lazy(() => import('./pages/admin/Integrations'));
const ReceptionDaysPage = lazy(() => import('./pages/reception/ReceptionDays'));
const ReceptionBookingsPage = lazy(() => import('./pages/reception/ReceptionBookings'));
const RemindersPage = lazy(() => import('./pages/reception/Reminders'));
const NotFoundPage = lazy(() => import('./pages/NotFound'));
const SupervisionDraftsPage = lazy(() => import('./pages/SupervisionDrafts'));
const OwnedCasesPage = lazy(() => import('./pages/OwnedCases'));
const LedgersPage = lazy(() => import('./pages/Ledgers'));
const UnitSupervisionPage = lazy(() => import('./pages/UnitSupervision'));

// Higher-contrast text and the government-blue brand; meets WCAG AA on white.
const baseTheme = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    colorError: '#c62828',
    colorWarning: '#b26a00',
    colorSuccess: '#2e7d32',
    colorTextDescription: 'rgba(0,0,0,0.68)',
    colorTextTertiary: 'rgba(0,0,0,0.62)',
    colorTextPlaceholder: 'rgba(0,0,0,0.6)',
    borderRadius: 4,
  },
};
const themes = {
  zh: { token: { ...baseTheme.token, fontFamily: fontFamily.zh } },
  en: { token: { ...baseTheme.token, fontFamily: fontFamily.en } },
};

function Loading() {
  return (
    <div className="page-loading" role="status">
      <Spin />
    </div>
  );
}

function RequireAuth({ children }: { children: React.ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

export function Root() {
  const { i18n } = useTranslation();
  const [lang, setLang] = useState(i18n.language);
  useEffect(() => {
    const on = (l: string) => setLang(l);
    i18n.on('languageChanged', on);
    return () => i18n.off('languageChanged', on);
  }, [i18n]);
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = i18n.t('app.name');
  }, [lang, i18n]);

  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={themes[lang === 'en' ? 'en' : 'zh']} button={{ autoInsertSpace: false }}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  element={
                    <RequireAuth>
                      <AppLayout />
                    </RequireAuth>
                  }
                >
                  <Route index element={<Navigate to="/inbox" replace />} />
                  <Route path="/inbox" element={<InboxPage />} />
                  <Route path="/inbox/:tab" element={<InboxPage />} />
                  <Route path="/petitions/:id" element={<PetitionPage />} />
                  <Route path="/intake" element={<Navigate to="/intake/visit" replace />} />
                  <Route path="/intake/:channel" element={<IntakePage />} />
                  <Route path="/cockpit" element={<CockpitPage />} />
                  <Route path="/supervision" element={<SupervisionDraftsPage />} />
                  <Route path="/owned" element={<OwnedCasesPage />} />
                  <Route path="/ledgers" element={<LedgersPage />} />
                  <Route path="/ledgers/:id" element={<LedgersPage />} />
                  <Route path="/units/:id/supervision" element={<UnitSupervisionPage />} />
                  <Route path="/admin/jurisdictions" element={<JurisdictionsPage />} />
                  <Route path="/admin/units" element={<UnitsPage />} />
                  <Route path="/admin/users" element={<UsersPage />} />
                  <Route path="/admin/settings" element={<SettingsPage />} />
                  <Route path="/admin/integrations" element={<IntegrationsPage />} />
                  <Route path="/reception" element={<ReceptionDaysPage />} />
                  <Route path="/reception/:id" element={<ReceptionBookingsPage />} />
                  <Route path="/reminders" element={<RemindersPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
