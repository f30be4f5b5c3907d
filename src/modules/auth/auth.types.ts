import type { LangCode, UserRole } from '../../db/schema.js';

export type Role = UserRole;

export const ROLES: readonly Role[] = ['admin', 'editor', 'contributor'];

/** The signed-in person, as routes and services see them (`request.user`). */
export interface AdminUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

/** A signed-in person with what the session knows besides. */
export interface SessionUser extends AdminUser {
  /** The language the admin interface is shown in for them. */
  uiLang: LangCode;
}
