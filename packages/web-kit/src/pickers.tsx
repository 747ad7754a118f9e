/**
 * Month and day pickers: antd's DatePicker in the admin's language (zh-CN panels by default), holding
 * the API's own strings — a Period "2020-09" or a LocalDate "2020-09-30" — so forms and filters never
 * handle date objects or the browser's mm/dd/yyyy.
 */
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CSSProperties } from 'react';
import { useLocale } from './i18n';

const MONTH_FORMATS = { zh: ['YYYY年MM月', 'YYYY-MM', 'YYYY/MM'], en: ['YYYY-MM', 'YYYY/MM'] };
const DAY_FORMATS = { zh: ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYY年MM月DD日'], en: ['YYYY-MM-DD', 'YYYY/MM/DD'] };

interface PickerProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The latest choice allowed, in the value's own format. */
  max?: string;
  /** The earliest choice allowed. */
  min?: string;
  allowClear?: boolean;
  disabled?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  testId?: string;
  size?: 'small' | 'middle' | 'large';
}

/** A month: value and onChange carry "YYYY-MM" (usable as an antd Form field). */
export function MonthPicker({ value, onChange, max, min, allowClear = false, testId, ...rest }: PickerProps) {
  const locale = useLocale();
  return (
    <DatePicker
      picker="month"
      value={value ? dayjs(`${value}-01`) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM') : null)}
      format={MONTH_FORMATS[locale]}
      disabledDate={(d: Dayjs) => (max !== undefined && d.format('YYYY-MM') > max) || (min !== undefined && d.format('YYYY-MM') < min)}
      allowClear={allowClear}
      data-testid={testId}
      style={{ width: 150, ...rest.style }}
      {...rest}
    />
  );
}

/** A calendar day: value and onChange carry "YYYY-MM-DD". */
export function DateInput({ value, onChange, max, min, allowClear = false, testId, ...rest }: PickerProps) {
  const locale = useLocale();
  return (
    <DatePicker
      value={value ? dayjs(value) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      format={DAY_FORMATS[locale]}
      disabledDate={(d: Dayjs) => (max !== undefined && d.format('YYYY-MM-DD') > max) || (min !== undefined && d.format('YYYY-MM-DD') < min)}
      allowClear={allowClear}
      data-testid={testId}
      style={{ width: 160, ...rest.style }}
      {...rest}
    />
  );
}

/**
 * A day and time on China's clock: value and onChange carry "YYYY-MM-DDTHH:mm" (what the browser's
 * datetime-local field held, so forms convert it as before, e.g. with fromShanghaiInput).
 */
export function DateTimeInput({ value, onChange, max, min, allowClear = true, testId, ...rest }: PickerProps) {
  return (
    <DatePicker
      showTime={{ format: 'HH:mm' }}
      value={value ? dayjs(value) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM-DDTHH:mm') : null)}
      format={['YYYY-MM-DD HH:mm', 'YYYY-MM-DDTHH:mm', 'YYYY/MM/DD HH:mm']}
      disabledDate={(d: Dayjs) => (max !== undefined && d.format('YYYY-MM-DDTHH:mm') > max) || (min !== undefined && d.format('YYYY-MM-DD') < min.slice(0, 10))}
      allowClear={allowClear}
      data-testid={testId}
      style={{ width: 190, ...rest.style }}
      {...rest}
    />
  );
}
