export { openAuditLog, appendAuditRecords, type AuditLog, type AuditLogOptions } from './writer.js';
export { AUDIT_KEY_ENV, decodeLog, encodeBatch, readAuditKey } from './envelope.js';
export { auditLogOptionsFor, includesMetadata } from './logger-options.js';
export { runAuditCommand, AUDIT_USAGE } from './read.js';
