import { registerEnumType } from 'type-graphql';

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
  JSONL = 'JSONL',
}

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'The file format of a bulk export. 导出格式',
  valuesConfig: {
    CSV: { description: 'Comma-separated values in UTF-8 with a byte-order mark; money as exact decimal text. 逗号分隔' },
    XLSX: { description: 'An Excel workbook; money as numbers shown with two decimals. 电子表格' },
    JSONL: { description: 'JSON Lines: one node per line, exactly as the API answers it. 每行一个 JSON' },
  },
});

export enum ExportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

registerEnumType(ExportStatus, {
  name: 'ExportStatus',
  description: 'Where a bulk export stands. 导出状态',
  valuesConfig: {
    QUEUED: { description: 'Accepted, not started yet. 排队中' },
    RUNNING: { description: 'Paging through the list. 导出中' },
    DONE: { description: 'The file is ready to download. 已完成' },
    FAILED: { description: 'Stopped; see error. 失败' },
  },
});
