import { App as AntApp, Tabs, Typography } from 'antd';
import { route, useMessages, type Viewer } from '@kpd/web-kit';
import { Account } from './Account';
import { SessionsCard, TwoFactorCard } from '../identity/Security';
import { CitySettings } from './CitySettings';
import { adminMessages } from './messages';
import { MonthEnd } from './MonthEnd';
import { Tokens } from './Tokens';
import { Users } from './Users';
import { NoticeChannels } from '../notices/Channels';
import { ResponsibleUnits } from '../notices/Units';

const TABS = ['users', 'tokens', 'settings', 'month-end', 'notices', 'units'] as const;
type Tab = (typeof TABS)[number];

/**
 * 系统管理 (admins): users, API tokens, city settings and the month-end job, one tab each at
 * /admin/users, /admin/tokens, /admin/settings and /admin/month-end, the outbound notice channels at
 * /admin/notices and the directory of responsible units at /admin/units.
 */
export function Administration({ viewer, path, navigate }: { viewer: Viewer; path: string; navigate: (to: string) => void }) {
  const t = useMessages(adminMessages);
  const matched = route(path, { tab: '/:tab' });
  const tab: Tab = matched && (TABS as readonly string[]).includes(matched.params.tab) ? (matched.params.tab as Tab) : 'users';
  const labels: Record<Tab, string> = { users: t('tabUsers'), tokens: t('tabTokens'), settings: t('tabSettings'), 'month-end': t('tabMonthEnd'), notices: '外发渠道', units: '责任单位名录' };
  return (
    <AntApp>
      <Typography.Title level={3}>{t('admin')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/admin/${k}`)}
        destroyOnHidden
        items={TABS.map((k) => ({
          key: k,
          label: <span data-testid={`admin-tab-${k}`}>{labels[k]}</span>,
          children: k === 'users' ? <Users viewerId={viewer.id} /> : k === 'tokens' ? <Tokens /> : k === 'settings' ? <CitySettings viewer={viewer} /> : k === 'month-end' ? <MonthEnd /> : k === 'notices' ? <NoticeChannels /> : <ResponsibleUnits viewer={viewer} />,
        }))}
      />
    </AntApp>
  );
}

/** 我的 API 令牌 (analysts): their own tokens, made and revoked here; contacts are not theirs to grant. */
export function MyTokensPage() {
  const t = useMessages(adminMessages);
  return (
    <AntApp>
      <Typography.Title level={3}>{t('myTokens')}</Typography.Title>
      <Typography.Paragraph>{t('myTokensHint')}</Typography.Paragraph>
      <Tokens mayGrantContacts={false} />
    </AntApp>
  );
}

/** 修改密码, for every signed-in user. */
export function AccountPage() {
  return (
    <AntApp>
      <Account />
      <TwoFactorCard />
      <SessionsCard />
    </AntApp>
  );
}
