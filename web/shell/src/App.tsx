import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Drawer, Grid, Layout, Menu, Result, Space, Typography } from 'antd';
import { Provider, useMutation, useQuery } from 'urql';
import { createKpdClient, ErrorNotice, Loading, LocaleProvider, useMessages, type Locale, type Viewer } from '@kpd/web-kit';
import { AuditLog } from './audit';
import { graphql } from './gql';
import { Home } from './Home';
import { messages } from './messages';
import { homeFor, matchNav, navFor, pagesFor } from './nav';
import { AccountPage, Administration, MyTokensPage } from './admin';
import { ExportsPage } from './exports/Exports';
import { Bell } from './notices/Bell';
import { NoticesPage } from './notices/Inbox';
import { matchPublic, type PublicPage } from './public';
import { RemoteView } from './RemoteView';
import { usePath } from './router';
import { SignIn } from './SignIn';

const ME = graphql(`
  query Me {
    me { id username displayName role area { id name level } }
  }
`);
const LOGOUT = graphql(`
  mutation Logout { logout }
`);

function initialLocale(): Locale {
  const stored = window.localStorage.getItem('kpd.locale');
  return stored === 'en' ? 'en' : 'zh';
}

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [epoch, setEpoch] = useState(0);
  // A new client after sign-in and sign-out, so no cached answer of one user reaches the next.
  const client = useMemo(() => createKpdClient({ onUnauthenticated: () => setEpoch((n) => n + 1) }), [epoch]);
  const toggleLocale = useCallback(() => {
    setLocale((l) => {
      const next = l === 'zh' ? 'en' : 'zh';
      window.localStorage.setItem('kpd.locale', next);
      document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
      return next;
    });
  }, []);
  return (
    <LocaleProvider locale={locale}>
      <Provider value={client}>
        <Session locale={locale} onToggleLocale={toggleLocale} onSessionChange={() => setEpoch((n) => n + 1)} />
      </Provider>
    </LocaleProvider>
  );
}

function Session({ locale, onToggleLocale, onSessionChange }: { locale: Locale; onToggleLocale: () => void; onSessionChange: () => void }) {
  const [path, navigate] = usePath();
  const publicPage = matchPublic(path);
  if (publicPage) return <PublicView page={publicPage} path={path} navigate={navigate} locale={locale} onToggleLocale={onToggleLocale} />;
  return <SignedIn locale={locale} onToggleLocale={onToggleLocale} onSessionChange={onSessionChange} />;
}

/** A public page (no sign-in): the remote's ./Public, full width, with only the language switch. */
function PublicView({ page, path, navigate, locale, onToggleLocale }: { page: PublicPage; path: string; navigate: (to: string) => void; locale: Locale; onToggleLocale: () => void }) {
  const t = useMessages(messages);
  return (
    <Layout style={{ minHeight: '100%' }} data-testid="public-page">
      <Layout.Header style={{ background: '#b4232a', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Text strong style={{ color: '#fff' }}>
          {t('title')} · {page.label[locale]}
        </Typography.Text>
        <Button size="small" onClick={onToggleLocale} data-testid="locale-switch">
          {t('language')}
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <RemoteView key={page.remote} remote={page.remote} label={page.label[locale]} basePath={page.path} path={path.slice(page.path.length) || '/'} locale={locale} viewer={null} navigate={navigate} />
      </Layout.Content>
    </Layout>
  );
}

/** Set at sign-in, read once by the shell: go to the role's home view instead of the welcome page. */
const LANDING = 'kpd.landing';

function SignedIn({ locale, onToggleLocale, onSessionChange }: { locale: Locale; onToggleLocale: () => void; onSessionChange: () => void }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ME, requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  if (error && !data)
    return (
      <div style={{ padding: 24 }}>
        <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      </div>
    );
  if (!data?.me)
    return (
      <SignIn
        onSignedIn={() => {
          // Land on the role's most telling view once, right after signing in.
          window.sessionStorage.setItem(LANDING, '1');
          onSessionChange();
        }}
        onToggleLocale={onToggleLocale}
      />
    );
  return <Shell viewer={data.me} locale={locale} onToggleLocale={onToggleLocale} onSignedOut={onSessionChange} />;
}

function Shell({ viewer, locale, onToggleLocale, onSignedOut }: { viewer: Viewer; locale: Locale; onToggleLocale: () => void; onSignedOut: () => void }) {
  const t = useMessages(messages);
  const [path, navigate] = usePath();
  const [, logout] = useMutation(LOGOUT);
  const [drawer, setDrawer] = useState(false);
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const items = navFor(viewer.role);
  const current = matchNav(path);
  const allowed = current ? pagesFor(viewer.role).includes(current) : false;
  useEffect(() => {
    if (!window.sessionStorage.getItem(LANDING)) return;
    window.sessionStorage.removeItem(LANDING);
    if (window.location.pathname === '/') navigate(homeFor(viewer));
  }, [viewer, navigate]);

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={current ? [current.key] : []}
      items={items.map((i) => ({ key: i.key, label: <a href={i.path} onClick={(e) => { e.preventDefault(); navigate(i.path); setDrawer(false); }} data-testid={`nav-${i.key}`}>{i.label[locale]}</a> }))}
    />
  );

  let content;
  if (!current) {
    content = <Result status="404" title={t('notFound')} subTitle={t('notFoundText')} extra={<Button onClick={() => navigate('/')}>{t('backHome')}</Button>} />;
  } else if (!allowed) {
    content = <Result status="403" title={t('forbidden')} subTitle={t('forbiddenText')} extra={<Button onClick={() => navigate('/')}>{t('backHome')}</Button>} />;
  } else if (current.remote) {
    content = (
      <RemoteView
        key={current.remote}
        remote={current.remote}
        label={current.label[locale]}
        basePath={current.path}
        path={path.slice(current.path.length) || '/'}
        locale={locale}
        viewer={viewer}
        navigate={navigate}
      />
    );
  } else if (current.key === 'audit') {
    content = <AuditLog />;
  } else if (current.key === 'admin') {
    content = <Administration viewer={viewer} path={path.slice(current.path.length) || '/'} navigate={navigate} />;
  } else if (current.key === 'account') {
    content = <AccountPage />;
  } else if (current.key === 'tokens') {
    content = <MyTokensPage />;
  } else if (current.key === 'exports') {
    content = <ExportsPage />;
  } else if (current.key === 'notices') {
    content = <NoticesPage path={path.slice(current.path.length) || '/'} navigate={navigate} />;
  } else {
    content = <Home viewer={viewer} items={items} locale={locale} navigate={navigate} />;
  }

  return (
    <Layout style={{ minHeight: '100%' }}>
      {!narrow && (
        <Layout.Sider theme="light" width={200} style={{ borderRight: '1px solid #eee' }}>
          <div style={{ padding: '16px 20px', fontWeight: 600, color: '#b4232a' }}>{t('title')}</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          data-testid="header"
          style={{ background: '#fff', padding: narrow ? '0 8px' : '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, borderBottom: '1px solid #eee', overflow: 'hidden' }}
        >
          <Space size={narrow ? 4 : 'small'} style={{ flexShrink: 0 }}>
            {narrow && (
              <Button onClick={() => setDrawer(true)} aria-label="menu">
                ☰
              </Button>
            )}
            <Typography.Text strong>{narrow ? t('shortTitle') : current?.label[locale]}</Typography.Text>
          </Space>
          {/* On a phone the bar keeps the name only, cut short, so nothing spills out of it. */}
          <Space size={narrow ? 4 : 'middle'} style={{ minWidth: 0 }}>
            <Bell navigate={navigate} path={path} />
            <Typography.Link
              href="/account"
              title={`${viewer.displayName} · ${viewer.area.name} — ${t('account')}`}
              onClick={(e) => {
                e.preventDefault();
                navigate('/account');
              }}
              ellipsis={narrow}
              style={narrow ? { maxWidth: 96, display: 'inline-block', verticalAlign: 'middle' } : undefined}
              data-testid="viewer"
            >
              {narrow ? viewer.displayName : `${viewer.displayName} · ${viewer.area.name}`}
            </Typography.Link>
            <Button size="small" onClick={onToggleLocale} data-testid="locale-switch">
              {t('language')}
            </Button>
            <Button
              size="small"
              data-testid="sign-out"
              onClick={async () => {
                await logout({});
                window.history.pushState(null, '', '/');
                onSignedOut();
              }}
            >
              {t('signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={240} title={t('title')}>
          {menu}
        </Drawer>
        <Layout.Content style={{ padding: narrow ? 12 : 24 }} data-testid="content">
          {content}
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#999', fontSize: 12 }}>
          {t('title')} · {t('build')} {__KPD_BUILD__}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
