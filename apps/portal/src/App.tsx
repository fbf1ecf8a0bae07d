import { useEffect } from 'react';
import { useLang } from './i18n';
import { Link, useRoute } from './router';
import { SubmitPage } from './pages/Submit';
import { TrackPage } from './pages/Track';
import { ReceptionPage } from './pages/Reception';
import { StatsPage } from './pages/Stats';
import { useFocusHeading } from './ui';

export function App() {
  const { t, lang, setLang } = useLang();
  const route = useRoute();
  useEffect(() => {
    // (Newer browsers return a promise from scrollTo: never hand it to React as a clean-up.)
    window.scrollTo(0, 0);
  }, [route]);
  return (
    <>
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <header className="top">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            桥
          </span>
          <span>
            <span className="name">{t('appName')}</span>
            <span className="tagline">{t('appTagline')}</span>
          </span>
        </div>
        <button
          type="button"
          className="lang"
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          aria-label={t('switchToLabel')}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('switchTo')}
        </button>
      </header>
      <nav className="tabs" aria-label={t('navLabel')}>
        <Link to="/" current={route === '/'}>
          {t('navSubmit')}
        </Link>
        <Link to="/track" current={route === '/track'}>
          {t('navTrack')}
        </Link>
        <Link to="/reception" current={route === '/reception'}>
          {t('navReception')}
        </Link>
        <Link to="/stats" current={route === '/stats'}>
          {t('navStats')}
        </Link>
      </nav>
      <main id="main" tabIndex={-1}>
        {route === '/' ? (
          <SubmitPage />
        ) : route === '/track' ? (
          <TrackPage />
        ) : route === '/reception' ? (
          <ReceptionPage />
        ) : route === '/stats' ? (
          <StatsPage />
        ) : (
          <NotFound />
        )}
      </main>
      <footer className="foot">
        <p>{t('footer')}</p>
      </footer>
    </>
  );
}

function NotFound() {
  const { t } = useLang();
  const h = useFocusHeading<HTMLHeadingElement>([]);
  return (
    <section>
      <h1 tabIndex={-1} ref={h}>
        {t('notFound')}
      </h1>
      <p>
        <Link to="/">{t('backHome')}</Link>
      </p>
    </section>
  );
}
