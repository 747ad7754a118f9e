/**
 * What each demo account shows a first visitor, in the order the sign-in page lists them. Only the
 * accounts the demo seed creates are listed, and only while they exist (never in production).
 */
export const DEMO_GUIDE: { username: string; can: string }[] = [
  { username: 'admin.shenyang', can: '市级看板：2020年9月沈阳市13个区县的红黄绿灯落在真实行政区划图上，排名、投资统计、挂牌督办' },
  { username: 'admin.sujiatun', can: '苏家屯区：100个亿元以上项目的一表三图，9月10黄4红及原因，红灯出库建议，调度会清单' },
  { username: 'admin.dalian', can: '大连市：150个市级重点项目按节点亮灯，378名服务秘书服务719个项目，57个挂牌督办问题逐月跟踪' },
  { username: 'admin.fuxin', can: '阜新市：人大代表票决民生实事（2021年会议15选10，筹备中：报到、投票、计票），双月调度排名（彰武县第一）' },
  { username: 'admin.liaoning', can: '全省：选择城市查看看板，跨市统计，API 令牌' },
  { username: 'admin.dadong', can: '大东区：本区项目与亮灯，政务服务事项' },
  { username: 'admin.zhongshan', can: '中山区：本区项目、服务秘书与问题' },
  { username: 'admin.shenfu', can: '沈抚示范区：产业链图谱招商，三条产业链的补链图谱、1000多家目标企业、招商项目从线索到入库（招服一体）与招商看板' },
  { username: 'secretary.lijun', can: '服务秘书李军：填报凯丹广场等3个项目的月度进展和现场照片，记录走访，反映问题' },
  { username: 'evaluator.dalian', can: '第三方评估机构：为大连市服务秘书半年度打分' },
  { username: 'delegate.001', can: '人大代表：会议报到、投票并凭回执核验，年终对民生实事满意度测评' },
  { username: 'analyst', can: '只读分析：全省统计、排名与导出' },
];
