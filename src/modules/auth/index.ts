export { can, assertCan, type Action, type PolicyItem } from './policy.js';
export { ROLES, type AdminUser, type Role, type SessionUser } from './auth.types.js';
export {
  SESSION_IDLE_MS,
  SESSION_ABSOLUTE_MS,
  startSession,
  resolveSession,
  endUserSessions,
  countUserSessions,
  type ActiveSession,
  type NewSession,
} from './sessions.service.js';
export { signIn, signOut, normaliseEmail, type SignInInput, type SignInResult } from './sign-in.service.js';
export { FAILURE_WINDOW_MS, PAIR_FAILURE_LIMIT, ACCOUNT_FAILURE_LIMIT, IP_FAILURE_LIMIT } from './login-throttle.js';
export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, generatePassword, hashPassword, verifyPassword } from './passwords.js';
export { csrfTokenFor, newToken, sameToken } from './tokens.js';
export {
  createUser,
  newUserProblems,
  listUsers,
  getUser,
  findUserByEmail,
  countUsers,
  changeRole,
  disableUser,
  enableUser,
  resetPassword,
  changeOwnPassword,
  changeOwnEmail,
  setInterfaceLanguage,
  signOutEverywhere,
  passwordProblemKey,
  type Actor,
  type NewUserInput,
  type PasswordChange,
  type EmailChange,
} from './users.service.js';
export {
  prepareFirstSetup,
  setupState,
  completeFirstSetup,
  SETUP_TOKEN_LIFETIME_MS,
  type SetupState,
  type FirstAdminInput,
  type FirstSetupResult,
} from './setup.service.js';
export { CommandError, runUserCommand } from './user-command.js';
export {
  requestPasswordReset,
  resetLinkState,
  completePasswordReset,
  noticePasswordChanged,
  noticeEmailChanged,
  RESET_LINK_LIFETIME_MS,
  RESET_EMAIL_LIMIT,
  RESET_IP_LIMIT,
  type ResetRequestResult,
  type ResetLinkState,
  type ResetResult,
} from './password-reset.service.js';
export {
  inviteUser,
  listInvitations,
  resendInvitation,
  withdrawInvitation,
  invitationState,
  acceptInvitation,
  INVITATION_LIFETIME_MS,
  type InvitationInput,
  type InvitationState,
  type AcceptResult,
} from './invitations.service.js';
export { editorialNoticesOn, setEditorialNotices } from './notice-preferences.js';
