export { recordAudit, listAuditPage, AUDIT_PAGE_SIZE, type AuditEntry, type AuditFilter, type AuditListRow, type AuditPage } from './audit.service.js';
