import { Connection } from '../pagination';
import { AuditRecord } from './audit-record.entity';

export const AuditRecordConnection = Connection(AuditRecord, 'AuditRecord');
