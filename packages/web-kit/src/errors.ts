/** The readable message of a failed request, as the server wrote it. */
export interface ReadableError {
  message: string;
  code?: string;
  field?: string;
  /** Every problem the server listed (BAD_USER_INPUT with several problems). */
  problems: Array<{ field?: string; reason?: string; message?: string }>;
  network: boolean;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

interface CombinedErrorLike {
  message?: string;
  graphQLErrors?: GraphQLErrorLike[];
  networkError?: Error;
  response?: { status?: number };
}

/**
 * Reads an urql CombinedError (or any thrown value) into what a user should see: the server's
 * own message (never urql's "[GraphQL]" prefix), its code, the field and every listed problem.
 */
export function readableError(error: unknown): ReadableError {
  const e = error as CombinedErrorLike | null | undefined;
  const first = e?.graphQLErrors?.[0];
  if (first) {
    const ext = first.extensions ?? {};
    const problems = Array.isArray(ext.problems) ? (ext.problems as ReadableError['problems']) : [];
    return {
      message: first.message,
      code: typeof ext.code === 'string' ? ext.code : undefined,
      field: typeof ext.field === 'string' ? ext.field : undefined,
      problems,
      network: false,
    };
  }
  if (e?.networkError) {
    return { message: e.networkError.message, problems: [], network: true };
  }
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'Unknown error';
  return { message, problems: [], network: false };
}

const HAN = /\p{Script=Han}/u;

/** Reasons the server still writes in English, as a Chinese user should read them. */
const ENGLISH_REASONS: Array<[RegExp, string | ((...m: string[]) => string)]> = [
  [/must be longer than or equal to (\d+) characters?/i, (_m, n) => `至少 ${n} 个字`],
  [/must be shorter than or equal to (\d+) characters?/i, (_m, n) => `至多 ${n} 个字`],
  [/should not be empty|must not be empty|is empty|is required/i, '不能为空'],
  [/must not be greater than (-?[\d.]+)/i, (_m, n) => `不能大于 ${n}`],
  [/must not be less than (-?[\d.]+)/i, (_m, n) => `不能小于 ${n}`],
  [/must be an integer/i, '须为整数'],
  [/must be a (?:number|decimal)/i, '须为数字'],
  [/must not be negative/i, '不能为负数'],
  [/must be between (-?[\d.]+) and (-?[\d.]+)/i, (_m, a, b) => `须在 ${a} 至 ${b} 之间`],
  [/must add up to 1(?: \(now ([\d.]+)\))?/i, (_m, now) => (now ? `各项之和须为 1（现为 ${now}）` : '各项之和须为 1')],
  [/is not your current password/i, '当前密码不正确'],
  [/must be at least (\d+) characters?/i, (_m, n) => `至少 ${n} 个字符`],
  [/must be at most (\d+) characters?/i, (_m, n) => `至多 ${n} 个字符`],
  [/must mix at least three of/i, '须包含小写字母、大写字母、数字、符号中的至少三类'],
  [/you cannot disable yourself/i, '不能停用自己的账号'],
  [/may hold only letters, digits, dot, dash and underscore/i, '只能包含字母、数字、点、横线和下划线'],
  [/is too long/i, '内容太长'],
  [/is not a valid id/i, '不是有效的编号'],
  [/is not a district/i, '不是区县'],
  [/is not a day|YYYY-MM-DD/i, '日期应写作 YYYY-MM-DD'],
  [/YYYY-MM/i, '月份应写作 YYYY-MM'],
  [/list of \[longitude, latitude\]/i, '边界须为经纬度坐标的列表'],
  [/at least 4 positions/i, '边界至少需要 3 个拐点'],
  [/not in China/i, '坐标不在中国境内（经度在前，纬度在后）'],
  [/outside −?-?180|outside −?-?90|longitude|latitude/i, '经纬度超出范围'],
  [/must end where it starts/i, '边界须首尾闭合'],
  [/not a cursor/i, '翻页位置无效，请回到第一页'],
  [/password/i, '密码不符合要求'],
];

/**
 * A server reason in Chinese only: the English gloss in brackets dropped when the reason has Chinese
 * ("项目编码 X 已存在 (code already used)" → "项目编码 X 已存在"), a known English reason translated,
 * and anything else a plain "填写有误". Never a field path.
 */
export function chineseReason(reason: string | null | undefined): string {
  const text = (reason ?? '').trim();
  if (HAN.test(text)) return text.replace(/\s*[(（][^()（）]*[A-Za-z][^()（）]*[)）]/g, '').trim();
  for (const [pattern, zh] of ENGLISH_REASONS) {
    const m = pattern.exec(text);
    if (m) return typeof zh === 'string' ? zh : zh(...m);
  }
  return '填写有误，请检查';
}

const CODE_MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: '登录已过期，请重新登录。',
  FORBIDDEN: '您无权执行此操作。',
  NOT_FOUND: '没有找到这条记录，可能已被删除或不在您的管辖范围内。',
  CONFLICT: '有人在您打开之后修改了这里的内容，请刷新后再改。',
  THROTTLED: '操作太频繁，请稍后再试。',
};

/** What a Chinese user reads for a failed request: the server's words when they are Chinese, else by its code. */
export function chineseMessage(error: ReadableError): string {
  if (error.code === 'BAD_USER_INPUT') {
    const reasons = (error.problems.length ? error.problems.map((p) => p.reason ?? p.message) : [error.field ? error.message.replace(/^[^:]*:\s*/, '') : error.message]).map(chineseReason);
    return [...new Set(reasons)].join('；');
  }
  if (HAN.test(error.message)) return chineseReason(error.message);
  return (error.code && CODE_MESSAGES[error.code]) || '操作没有成功，请稍后重试。';
}

/**
 * A value the server put in a failed request's extensions beside the code (e.g. `monthClosed`, the
 * closed month a refused save names), or undefined.
 */
export function errorExtension(error: unknown, key: string): unknown {
  const errors = (error as CombinedErrorLike | null | undefined)?.graphQLErrors ?? [];
  return errors.map((e) => e.extensions?.[key]).find((v) => v !== undefined && v !== null);
}
