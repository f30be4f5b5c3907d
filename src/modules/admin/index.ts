/**
 * The admin shell. Feature modules build their admin pages with these:
 * `AdminLayout` + `adminViewContext(request)` for the page, `CsrfField` in
 * every form, `recordAudit` for every change, and the form pieces.
 */
export { adminRoutes, type AdminFeature, type AdminOptions, type DashboardPanel } from './admin.plugin.js';
export { AdminLayout } from './AdminLayout.js';
export { adminViewContext, type AdminViewContext, type AdminNavItem } from './view-context.js';
export {
  CsrfField,
  ErrorSummary,
  Field,
  ChoiceFieldset,
  DataTable,
  controlAria,
  TextInput,
  Select,
  RadioGroup,
  Notice,
  translateFieldErrors,
  type FieldErrors,
} from './components.js';
export { sendAdminError, type AdminErrorKind } from './errors.js';
export { recordAudit, type AuditEntry } from '../audit/index.js';
export { SESSION_COOKIE } from './security.js';
