import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Alert, type FormInstance } from 'antd';
import { chineseMessage, chineseReason, readableError } from './errors';
import { useLocale } from './i18n';

type NamePath = Array<string | number>;

/**
 * The antd Form field a server path names: `input.months[3].plannedInvestment` → ['months', 3,
 * 'plannedInvestment'] (the mutation's argument name dropped, so the form's fields are named as the
 * input's).
 */
export function fieldName(path: string, argument = /^(input|filter|settings)\./): NamePath {
  return path
    .replace(argument, '')
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const same = (a: NamePath, b: NamePath) => a.length === b.length && a.every((x, i) => String(x) === String(b[i]));

export interface FormErrors {
  /**
   * Shows a failed mutation: each refused field's reason under that field (Chinese only), and what no
   * field of the form shows — other problems, a conflict, a refusal — in the notice. Returns true
   * when there was an error.
   */
  show(error: unknown): boolean;
  clear(): void;
  /** The notice for what is not under a field (render it above the submit button). */
  notice: ReactNode;
}

/**
 * Server errors under the fields they name. `labels` names fields that are not on the form (by the
 * last part of their path, e.g. { evidence: '销号依据' }) so the notice says which input was refused.
 */
export function useFormErrors<T>(form: FormInstance<T>, labels: Record<string, string> = {}): FormErrors {
  const locale = useLocale();
  const [rest, setRest] = useState<string[]>([]);
  const clear = useCallback(() => setRest([]), []);
  const show = useCallback(
    (error: unknown): boolean => {
      if (!error) {
        setRest([]);
        return false;
      }
      const e = readableError(error);
      const problems = e.problems.length ? e.problems : e.field ? [{ field: e.field, reason: e.message.replace(/^[^:]*:\s*/, '') }] : [];
      const registered = form.getFieldsError().map((f) => f.name as NamePath);
      const left: string[] = [];
      const fields: Array<{ name: NamePath; errors: string[] }> = [];
      for (const p of problems) {
        const reason = locale === 'zh' ? chineseReason(p.reason ?? p.message) : (p.reason ?? p.message ?? '');
        const name = p.field ? fieldName(p.field) : null;
        if (name && registered.some((r) => same(r, name))) {
          const existing = fields.find((f) => same(f.name, name));
          if (existing) existing.errors.push(reason);
          else fields.push({ name, errors: [reason] });
        } else {
          const label = name ? labels[String(name[name.length - 1])] ?? labels[name.join('.')] : undefined;
          left.push(label ? `${label}：${reason}` : reason);
        }
      }
      if (fields.length) form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
      if (!problems.length) left.push(locale === 'zh' ? chineseMessage(e) : e.network ? 'Cannot reach the server.' : e.message);
      setRest(left);
      if (fields.length) form.scrollToField(fields[0].name as never, { block: 'center' });
      return true;
    },
    [form, labels, locale],
  );
  const notice = useMemo(
    () =>
      rest.length ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          data-testid="form-error"
          title={rest.length === 1 ? rest[0] : <ul style={{ margin: 0, paddingLeft: 20 }}>{rest.map((r, i) => <li key={i}>{r}</li>)}</ul>}
        />
      ) : null,
    [rest],
  );
  return { show, clear, notice };
}
