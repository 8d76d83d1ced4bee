// The staff roles of PRODUCT.md and what each may see in the SPA. The API enforces them; the SPA only
// hides what would answer 403, so a user is never offered a button that cannot work.

export const Roles = {
  Admin: 'Admin',
  Dispatcher: 'Dispatcher',
  ProjectManager: 'ProjectManager',
  AccountsReceivable: 'AccountsReceivable',
  TeamManager: 'TeamManager',
  Technician: 'Technician',
  Ops: 'Ops',
} as const

export type Role = (typeof Roles)[keyof typeof Roles]

export const roleLabels: Record<string, string> = {
  Admin: 'Admin',
  Dispatcher: 'Dispatcher',
  ProjectManager: 'Project Manager',
  AccountsReceivable: 'Accounts Receivable',
  TeamManager: 'Team Manager',
  Technician: 'Technician',
  Ops: 'Ops',
}

const has = (roles: readonly string[], ...any: Role[]) => roles.some((r) => (any as string[]).includes(r))

/** Office staff (and Admin) manage customers, sites, contracts and assets. */
export const canEditCustomers = (roles: readonly string[]) =>
  has(roles, Roles.Admin, Roles.Dispatcher, Roles.ProjectManager, Roles.TeamManager)

/** Office staff and Accounts Receivable read customers; technicians and ops do not. */
export const canReadCustomers = (roles: readonly string[]) => canEditCustomers(roles) || has(roles, Roles.AccountsReceivable)

export const canSeeWorkOrders = (roles: readonly string[]) => canReadCustomers(roles) || has(roles, Roles.Technician)

/** Office staff open work orders from the SPA (technicians open monitoring work orders through the API). */
export const canCreateWorkOrders = (roles: readonly string[]) => canEditCustomers(roles)

export const canSeeOps = (roles: readonly string[]) => has(roles, Roles.Admin, Roles.Ops)

export const isAdmin = (roles: readonly string[]) => has(roles, Roles.Admin)

/** Where a user lands after signing in. */
export function homePath(roles: readonly string[]): string {
  if (canSeeWorkOrders(roles)) return '/queue'
  return '/welcome'
}
