import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Empty, Result, Spin } from 'antd';
import { chineseMessage, chineseReason, readableError } from './errors';
import { kitMessages, useLocale, useMessages } from './i18n';

/**
 * A failed request shown with the server's readable message, and a retry when one is possible. In
 * Chinese the message is Chinese only: a refused input lists its reasons (never a field path or an
 * English gloss), other refusals say what happened by their code when the server wrote English.
 */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useMessages(kitMessages);
  const locale = useLocale();
  const e = readableError(error);
  const reasons = e.code === 'BAD_USER_INPUT' ? e.problems.map((p) => (locale === 'zh' ? chineseReason(p.reason ?? p.message) : (p.reason ?? p.message ?? ''))) : [];
  let message: string;
  if (e.network) message = t('networkError');
  else if (reasons.length > 1) message = t('inputProblems', { n: reasons.length });
  else if (locale === 'zh') message = chineseMessage(e);
  else message = e.field ? e.message.replace(/^[^:]*:\s*/, '') : e.message;
  const description = (
    <>
      <div data-testid="error-message">{message}</div>
      {reasons.length > 1 && (
        <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
          {reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
    </>
  );
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('error')}
      description={description}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

export function Loading({ tip }: { tip?: string }) {
  const t = useMessages(kitMessages);
  return (
    <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 12, color: '#888' }}>{tip ?? t('loading')}</div>
    </div>
  );
}

export function EmptyState({ description }: { description?: ReactNode }) {
  const t = useMessages(kitMessages);
  return (
    <div data-testid="empty-state">
      <Empty description={description ?? t('empty')} />
    </div>
  );
}

/** One of loading / error / empty / the content, so no page forgets a state. */
export function QueryState<T>({
  fetching,
  error,
  data,
  isEmpty,
  onRetry,
  empty,
  children,
}: {
  fetching: boolean;
  error?: unknown;
  data: T | undefined | null;
  isEmpty?: (data: T) => boolean;
  onRetry?: () => void;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (error && !data) return <ErrorNotice error={error} onRetry={onRetry} />;
  if (fetching && !data) return <Loading />;
  if (!data) return <EmptyState />;
  if (isEmpty?.(data)) return <EmptyState description={empty} />;
  return <>{children(data)}</>;
}

/** A page whose API is not on the server yet: says which API it waits for. */
export function PendingApi({ api, title }: { api: string; title?: string }) {
  const t = useMessages(kitMessages);
  return <Result status="info" title={title ?? t('pending')} subTitle={t('pendingDetail', { api })} />;
}

function RemoteFailed({ name, error, onRetry }: { name: string; error: Error; onRetry: () => void }) {
  const t = useMessages(kitMessages);
  return (
    <div data-testid="remote-failed" data-remote={name}>
      <Result
        status="warning"
        title={t('remoteFailed', { name })}
        subTitle={t('remoteFailedDetail')}
        extra={
          <Button type="primary" onClick={onRetry}>
            {t('retry')}
          </Button>
        }
      >
        <code style={{ color: '#999', fontSize: 12 }}>{error.message}</code>
      </Result>
    </div>
  );
}

interface BoundaryProps {
  /** The module's name as the user knows it, for the notice. */
  name: string;
  children: ReactNode;
  /** Called by the notice's retry, before the boundary renders its children again. */
  onRetry?: () => void;
  /** Changing it (e.g. on navigation) clears a caught error. */
  resetKey?: unknown;
}

/**
 * Contains a micro-frontend: a remote that fails to load or throws while rendering shows a notice in
 * its own area, and the shell around it keeps working.
 */
export class RemoteBoundary extends Component<BoundaryProps, { error: Error | null; resetKey: unknown }> {
  override state: { error: Error | null; resetKey: unknown } = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<{ error: Error }> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: { error: Error | null; resetKey: unknown }) {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`remote ${this.props.name} failed`, error, info.componentStack);
  }

  private retry = () => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  override render() {
    if (this.state.error) return <RemoteFailed name={this.props.name} error={this.state.error} onRetry={this.retry} />;
    return this.props.children;
  }
}
