import { CHAIN_LINK_LABELS, type ChainLinkName } from '@kpd/domain';
import { In } from 'typeorm';
import { queryArea } from '../../core/areas/areas.service';
import type { Context } from '../../core/context';
import { readUploadedSpreadsheet } from '../../core/files';
import { parseId } from '../../core/ids';
import type { Tx } from '../../core/transaction';
import { choice, duplicateKeyProblems, ImportRowError, integer, runImport, text, type ImportResult, type SheetProblem, type SheetRow, type SheetSpec } from '../../core/xlsx';
import { ChainLink, ChainNode, IndustryChain } from './investment.entity';
import { requireManager, scopedChains, scopedNodes } from './investment.scope';

/** One row of the chain sheet: a node of a chain, under its parent (by name) or at the top of its link. */
export interface ChainRow {
  chain: string;
  link: ChainLink;
  parent: string | null;
  node: string;
  priority: number | null;
  description: string | null;
}

export const CHAIN_SHEET: SheetSpec<ChainRow> = {
  name: '产业链图谱',
  maxRows: 5000,
  columns: [
    text<ChainRow, 'chain'>('chain', { header: '产业链', required: true, max: 64, width: 14, note: '如 集成电路；本区划没有的产业链会新建' }),
    choice<ChainRow, 'link'>('link', { header: '环节', required: true, labels: CHAIN_LINK_LABELS, width: 8 }),
    text<ChainRow, 'parent'>('parent', { header: '上级节点', max: 64, width: 18, note: '同一产业链、同一环节的节点名称（已有的或本表中的）；留空为该环节的一级节点' }),
    text<ChainRow, 'node'>('node', { header: '节点名称', required: true, max: 64, width: 22, note: '产品或能力，产业链内唯一；再次导入时按“产业链 + 节点名称”更新，表中没有的节点保留不动' }),
    integer<ChainRow, 'priority'>('priority', { header: '优先级', min: 1, max: 5, width: 8, note: '1 最优先 … 5 最低；新节点留空为 3，已有节点留空不修改' }),
    text<ChainRow, 'description'>('description', { header: '产业链说明', max: 500, width: 40, note: '写在该产业链的任一行；留空不修改' }),
  ],
};

const key = (chain: string, node: string) => `${chain}\u0000${node}`;

interface Planned {
  link: ChainLink;
  parent: string | null;
  /** The sheet row that sets it; none for a node only in the database. */
  row: number | null;
}

/** The chains of the area (by name) and their nodes, as they stand. */
async function existing(ctx: Context, areaId: number, names: string[]) {
  const chains = names.length ? await scopedChains(ctx).andWhere('c.areaId = :area AND c.name IN (:...names)', { area: areaId, names }).getMany() : [];
  const nodes = chains.length ? await scopedNodes(ctx).andWhere('n.chainId IN (:...ids)', { ids: chains.map((c) => c.id) }).getMany() : [];
  return { chains, nodes };
}

/**
 * Every problem of the sheet against what the chains will be once it is imported: a parent that is missing,
 * in another link, or the node itself, and parents that go round in a circle; each named by row and column.
 */
async function chainProblems(ctx: Context, areaId: number, rows: SheetRow<ChainRow>[], at: (row: number, col: keyof ChainRow & string, reason: string) => SheetProblem): Promise<SheetProblem[]> {
  const problems: SheetProblem[] = [];
  const { chains, nodes } = await existing(ctx, areaId, [...new Set(rows.map((r) => r.values.chain))]);
  const plan = new Map<string, Map<string, Planned>>();
  const of = (chain: string) => plan.get(chain) ?? plan.set(chain, new Map()).get(chain)!;
  for (const chain of chains) {
    const names = new Map(nodes.filter((n) => n.chainId === chain.id).map((n) => [n.id, n.name]));
    for (const n of nodes.filter((x) => x.chainId === chain.id)) of(chain.name).set(n.name, { link: n.link, parent: n.parentId === null ? null : (names.get(n.parentId) ?? null), row: null });
  }
  for (const { rowNumber, values: v } of rows) of(v.chain).set(v.node, { link: v.link, parent: v.parent ?? null, row: rowNumber });
  for (const [chain, planned] of plan) {
    for (const [name, p] of planned) {
      if (p.parent === null) continue;
      const parent = planned.get(p.parent);
      if (p.parent === name) {
        if (p.row !== null) problems.push(at(p.row, 'parent', '上级节点不能是节点自身 (a node cannot be its own parent)'));
        continue;
      }
      if (!parent) {
        if (p.row !== null) problems.push(at(p.row, 'parent', `产业链“${chain}”中没有节点“${p.parent}”，须是已有节点或本表中的节点 (no such node in the chain)`));
        continue;
      }
      if (parent.link !== p.link) {
        const reason = `上级节点“${p.parent}”在${CHAIN_LINK_LABELS[parent.link as ChainLinkName]}，须与节点“${name}”同一环节 (the parent must be in the same link)`;
        if (p.row !== null) problems.push(at(p.row, 'parent', reason));
        else if (parent.row !== null) problems.push(at(parent.row, 'link', `${reason}；“${name}”是它已有的下级节点`));
      }
      const seen = new Set([name]);
      for (let up: string | null = p.parent; up !== null; up = planned.get(up)?.parent ?? null) {
        if (seen.has(up)) {
          if (p.row !== null) problems.push(at(p.row, 'parent', `上级节点形成循环：${[...seen].join(' → ')} → ${up} (parents go round in a circle)`));
          break;
        }
        seen.add(up);
      }
    }
  }
  return problems;
}

/**
 * Imports chains and their nodes into an area from the chain sheet, the one import flow: a dry run names every
 * problem by row and column, a commit writes all rows in one transaction with its audit record, or nothing.
 * New chains and nodes are created, known ones (by chain and node name) updated; nodes not in the sheet stay.
 */
export async function importChains(ctx: Context, areaId: string, fileId: string, dryRun: boolean): Promise<ImportResult> {
  const area = queryArea(ctx, parseId(areaId, 'areaId'));
  requireManager(ctx, area.id);
  const buffer = await readUploadedSpreadsheet(ctx, fileId);
  return runImport<ChainRow>(ctx, {
    spec: CHAIN_SHEET,
    buffer,
    dryRun,
    validateRows: async (rows, locate) => [
      ...duplicateKeyProblems(rows, (r) => key(r.chain, r.node), locate('node')),
      ...(await chainProblems(ctx, area.id, rows, (row, col, reason) => ({ row, ...locate(col), reason }))),
    ],
    commit: (tx, rows) => commitChains(tx, area.id, rows),
    audit: { action: 'investment.chain.import', entityType: 'IndustryChain', entityId: area.id, areaId: area.id },
  });
}

async function commitChains(tx: Tx, areaId: number, rows: SheetRow<ChainRow>[]): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  const names = [...new Set(rows.map((r) => r.values.chain))];
  const chainByName = new Map((await tx.em.findBy(IndustryChain, { areaId, name: In(names) })).map((c) => [c.name, c]));
  for (const name of names) {
    const description = rows.find((r) => r.values.chain === name && r.values.description)?.values.description ?? null;
    const chain = chainByName.get(name);
    if (!chain) {
      chainByName.set(name, await tx.em.save(tx.em.create(IndustryChain, { areaId, name, description: description ?? '' })));
      created++;
    } else if (description !== null && description !== chain.description) {
      await tx.em.update(IndustryChain, { id: chain.id }, { description });
      updated++;
    }
  }
  const chainIds = [...chainByName.values()].map((c) => c.id);
  const nodes = await tx.em.findBy(ChainNode, { chainId: In(chainIds) });
  const chainName = new Map([...chainByName.values()].map((c) => [c.id, c.name]));
  const nodeByKey = new Map(nodes.map((n) => [key(chainName.get(n.chainId)!, n.name), n]));
  const lastOrder = new Map<number, number>();
  for (const n of nodes) lastOrder.set(n.chainId, Math.max(lastOrder.get(n.chainId) ?? 0, n.sortOrder));
  // Parents first: a row waits until its parent (in the database or earlier in this pass) has its id.
  let pending = rows;
  while (pending.length) {
    const later: SheetRow<ChainRow>[] = [];
    for (const row of pending) {
      const v = row.values;
      const chain = chainByName.get(v.chain)!;
      const parent = v.parent ? nodeByKey.get(key(v.chain, v.parent)) : null;
      if (v.parent && !parent) {
        later.push(row);
        continue;
      }
      const current = nodeByKey.get(key(v.chain, v.node));
      const parentId = parent ? parent.id : null;
      if (!current) {
        const order = (lastOrder.get(chain.id) ?? 0) + 1;
        lastOrder.set(chain.id, order);
        const node = await tx.em.save(tx.em.create(ChainNode, { chainId: chain.id, areaId, parentId, link: v.link, name: v.node, priority: v.priority ?? 3, sortOrder: order }));
        nodeByKey.set(key(v.chain, v.node), node);
        created++;
      } else if (current.link !== v.link || current.parentId !== parentId || (v.priority !== null && v.priority !== undefined && v.priority !== current.priority)) {
        const changes = { link: v.link, parentId, priority: v.priority ?? current.priority };
        await tx.em.update(ChainNode, { id: current.id }, changes);
        Object.assign(current, changes);
        updated++;
      }
    }
    if (later.length === pending.length) {
      const row = later[0];
      throw new ImportRowError({ row: row.rowNumber, column: 'C', header: '上级节点', reason: `上级节点“${row.values.parent}”无法确定 (the parent cannot be placed)` });
    }
    pending = later;
  }
  return { created, updated };
}

/** The chains of an area as the import reads them (an export imports back unchanged). */
export async function chainRows(ctx: Context, areaId: number): Promise<ChainRow[]> {
  const chains = await scopedChains(ctx).andWhere('c.areaId = :area', { area: areaId }).orderBy('c.id', 'ASC').getMany();
  if (!chains.length) return [];
  const nodes = await scopedNodes(ctx).andWhere('n.chainId IN (:...ids)', { ids: chains.map((c) => c.id) }).orderBy('n.sortOrder', 'ASC').addOrderBy('n.id', 'ASC').getMany();
  const nameOf = new Map(nodes.map((n) => [n.id, n.name]));
  return chains.flatMap((c) =>
    nodes
      .filter((n) => n.chainId === c.id)
      .map((n, i) => ({ chain: c.name, link: n.link, parent: n.parentId === null ? null : nameOf.get(n.parentId)!, node: n.name, priority: n.priority, description: i === 0 && c.description ? c.description : null })),
  );
}

export const CHAIN_EXAMPLES: ChainRow[] = [
  { chain: '集成电路', link: ChainLink.UPSTREAM, parent: null, node: '半导体材料', priority: 2, description: '补齐材料与设备短板，做强芯片设计与封测' },
  { chain: '集成电路', link: ChainLink.UPSTREAM, parent: '半导体材料', node: '光刻胶', priority: 1, description: null },
  { chain: '集成电路', link: ChainLink.MIDSTREAM, parent: null, node: '封装测试', priority: 2, description: null },
  { chain: '集成电路', link: ChainLink.DOWNSTREAM, parent: null, node: '汽车电子', priority: 2, description: null },
];
