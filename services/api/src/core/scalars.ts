import { formatYuan, isPeriod, MoneyFormatError, parseYuan, type Fen } from '@kpd/domain';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function readMoney(value: unknown): Fen {
  if (typeof value !== 'string') {
    throw invalid('Money is written as a decimal string in 元, e.g. "1234.50" — not as a number');
  }
  try {
    return parseYuan(value);
  } catch (e) {
    if (e instanceof MoneyFormatError) throw invalid(e.message);
    throw e;
  }
}

/**
 * An exact amount in 元, exchanged as a decimal string with two decimals ("1234.50"),
 * held inside the service as integer 分 (bigint). Never a float.
 */
export const MoneyScalar = new GraphQLScalarType<Fen, string>({
  name: 'Money',
  description: 'An exact amount of money in 元 (yuan), as a decimal string with two decimals, e.g. "148000000.00". 金额（元）',
  serialize(value) {
    if (typeof value === 'bigint') return formatYuan(value);
    if (typeof value === 'string') return formatYuan(parseYuan(value));
    throw new TypeError(`Money cannot represent ${typeof value}`);
  },
  parseValue: readMoney,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('Money is written as a string, e.g. "1234.50"');
    return readMoney(ast.value);
  },
});

/** A calendar month "YYYY-MM" on the Asia/Shanghai calendar. */
export const PeriodScalar = new GraphQLScalarType<string, string>({
  name: 'Period',
  description: 'A calendar month written "YYYY-MM" (ISO 8601 calendar month, reduced precision), e.g. "2020-09". 期间（月）',
  specifiedByURL: 'https://www.iso.org/iso-8601-date-and-time-format.html',
  serialize(value) {
    if (typeof value === 'string' && isPeriod(value)) return value;
    throw new TypeError(`Period cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value === 'string' && isPeriod(value)) return value;
    throw invalid(`"${String(value).slice(0, 40)}" is not a month in the form YYYY-MM`);
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && isPeriod(ast.value)) return ast.value;
    throw invalid('A period is a string in the form YYYY-MM');
  },
});

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function readDate(value: unknown): string {
  if (typeof value === 'string') {
    const m = DATE.exec(value);
    if (m) {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      if (d.toISOString().slice(0, 10) === value) return value;
    }
  }
  throw invalid(`"${String(value).slice(0, 40)}" is not a calendar date in the form YYYY-MM-DD`);
}

/** A calendar day "YYYY-MM-DD" (Asia/Shanghai), for due dates and deadlines. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar day written "YYYY-MM-DD" (RFC 3339 full-date) on the Asia/Shanghai calendar. 日期',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return readDate(value);
  },
  parseValue: readDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('A date is a string in the form YYYY-MM-DD');
    return readDate(ast.value);
  },
});
