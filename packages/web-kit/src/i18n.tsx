import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

/** The admin speaks Chinese by default; English by the switch in the header. */
export type Locale = 'zh' | 'en';

export type Messages<K extends string> = Record<Locale, Record<K, string>>;

const LocaleContext = createContext<Locale>('zh');

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/**
 * A translator over a table of messages: t('key') or t('key', { n: 3 }) for "{n}" placeholders.
 * Falls back to Chinese, then to the key, so a missing English text never blanks the page.
 */
export function useMessages<K extends string>(messages: Messages<K>): (key: K, values?: Record<string, string | number>) => string {
  const locale = useLocale();
  return useMemo(
    () => (key: K, values?: Record<string, string | number>) => {
      const text = messages[locale][key] ?? messages.zh[key] ?? key;
      return values ? text.replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? `{${name}}`)) : text;
    },
    [locale, messages],
  );
}

/** Sets the language for the kit's messages and Ant Design's own texts (date pickers, pagination, empty). */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  // The date pickers' month and week names follow the admin's language.
  dayjs.locale(locale === 'zh' ? 'zh-cn' : 'en');
  return (
    <LocaleContext.Provider value={locale}>
      <ConfigProvider locale={locale === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#b4232a' } }}>
        {children}
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

export const kitMessages: Messages<
  'loading' | 'empty' | 'retry' | 'error' | 'inputProblems' | 'networkError' | 'remoteFailed' | 'remoteFailedDetail' | 'signInAgain' | 'pending' | 'pendingDetail' | 'mapNoTiles' | 'mapEmpty'
> = {
  zh: {
    loading: '加载中…',
    empty: '暂无数据',
    retry: '重试',
    error: '出错了',
    inputProblems: '提交的内容有 {n} 处需要修改：',
    networkError: '无法连接服务器，请检查网络后重试。',
    remoteFailed: '“{name}”模块暂时无法加载',
    remoteFailedDetail: '该模块加载失败，其他功能不受影响。请稍后重试或联系管理员。',
    signInAgain: '登录已过期，请重新登录。',
    pending: '功能建设中',
    pendingDetail: '本页面依赖的接口（{api}）尚未上线。',
    mapNoTiles: '底图不可用，仅显示边界',
    mapEmpty: '没有可绘制的范围',
  },
  en: {
    loading: 'Loading…',
    empty: 'No data',
    retry: 'Retry',
    error: 'Something went wrong',
    inputProblems: '{n} things to correct:',
    networkError: 'Cannot reach the server. Check the network and retry.',
    remoteFailed: 'The "{name}" module cannot be loaded right now',
    remoteFailedDetail: 'This module failed to load; the rest of the admin keeps working. Retry later or tell the administrator.',
    signInAgain: 'Your session has ended. Please sign in again.',
    pending: 'Coming soon',
    pendingDetail: 'The API this page needs ({api}) is not available yet.',
    mapNoTiles: 'No map tiles: outlines only',
    mapEmpty: 'No outlines to draw',
  },
};
