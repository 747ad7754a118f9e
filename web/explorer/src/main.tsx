import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * GraphiQL against this server's /graphql. A signed-in admin or analyst is recognised by the session cookie
 * the browser sends with each request; a script's token goes in the Headers tab as
 * {"authorization": "Bearer kpd_…"}.
 */
const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.origin).toString(), fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }) });

const FIRST_QUERY = `# 重点项目调度平台 GraphQL 接口浏览器
# Ctrl+Enter 运行；右侧“文档”可查每个类型和字段（英文说明附中文术语）。
# 用 API 令牌时，在下方 Headers 中写 {"authorization": "Bearer kpd_…"}。

query DistrictInvestment($areaId: ID!, $period: Period!) {
  me { username role area { id name } }
  investmentStats(areaId: $areaId, period: $period, groupBy: DISTRICT) {
    area { name }
    rows { label reported ytdPlanned ytdActual ytdCompletion }
    total { ytdPlanned ytdActual ytdCompletion }
  }
}
`;

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={FIRST_QUERY} initialVariables={'{ "areaId": "1", "period": "2020-09" }'} defaultEditorToolsVisibility="variables" />
  </StrictMode>,
);
