// The staff roles of PRODUCT.md and what each may see in the SPA. The API enforces them; the SPA only
// hides what would answer 403, so a user is never offered a button that cannot work.

import type { BulkAction } from '../../api'

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

/** The bulk actions of the Work Events grid, in menu order (the API's BulkAction enum). */
export const bulkActions = [
  'Publish',
  'AssignProvider',
  'AssignTeam',
  'SendToWorkMarket',
  'Complete',
  'Cancel',
  'Delete',
  'MarkInvoiced',
  'MarkInvoiceNotRequired',
  'ApprovePayment',
] as const satisfies readonly BulkAction[]

/**
 * May these roles run this bulk action? The API's rule (BulkWorkOrdersCommandHandler.EnsureRoleMayUse): Admin
 * everything; invoice flags Accounts Receivable only; payment approval Project Managers only; the rest office staff.
 */
export function canBulk(roles: readonly string[], action: BulkAction): boolean {
  if (isAdmin(roles)) return true
  switch (action) {
    case 'MarkInvoiced':
    case 'MarkInvoiceNotRequired':
      return has(roles, Roles.AccountsReceivable)
    case 'ApprovePayment':
      return has(roles, Roles.ProjectManager)
    default:
      return has(roles, Roles.Dispatcher, Roles.ProjectManager, Roles.TeamManager)
  }
}

/** The bulk actions these roles may run (empty: no selection column at all). */
export const allowedBulkActions = (roles: readonly string[]): BulkAction[] => bulkActions.filter((a) => canBulk(roles, a))

// ---- Work-order page, time and billing (the API's rules: src/Application/Common/Security/Roles.cs and the
// [Authorize] attribute of each use case; Admin may send every request).

const office = [Roles.Admin, Roles.Dispatcher, Roles.ProjectManager, Roles.TeamManager] as const

/** A technician without an office role: sees only its own work and may only work it (TransitionWorkOrderCommand). */
export const isRestrictedTechnician = (roles: readonly string[]) =>
  has(roles, Roles.Technician) && !has(roles, ...office, Roles.AccountsReceivable)

/** Status actions (TransitionWorkOrderCommand: Office, Technician). */
export const canTransitionWorkOrders = (roles: readonly string[]) => has(roles, ...office, Roles.Technician)

/** What a technician may do on its own work (TransitionWorkOrderCommandHandler.TechnicianActions). */
export const technicianActions = ['Start', 'WaitForParts', 'WaitForVendor', 'WaitForCustomer', 'Resume', 'Complete'] as const

/** Edit the work order's details, add and edit line items (UpdateWorkOrderCommand, LineItemCommands: Office). */
export const canEditWorkOrders = (roles: readonly string[]) => has(roles, ...office)

/** Comment (AddCommentCommand: Office, Accounts Receivable, Technician). */
export const canComment = (roles: readonly string[]) => has(roles, ...office, Roles.AccountsReceivable, Roles.Technician)

/** Delete comments (DeleteCommentCommand: Managers). */
export const canDeleteComments = (roles: readonly string[]) => has(roles, Roles.Admin, Roles.ProjectManager, Roles.TeamManager)

/** Run one's own timer (Start/StopTimerCommand: TimeKeepers = Office, Technician). */
export const canRunTimer = (roles: readonly string[]) => has(roles, ...office, Roles.Technician)

/** Read the time entries (GetTimeEntriesQuery: TimeReaders = Office, Accounts Receivable, Technician). */
export const canReadTimeEntries = (roles: readonly string[]) => has(roles, ...office, Roles.AccountsReceivable, Roles.Technician)

/** The assessors: set billed hours, read the progress report and the credit-hour bank (Roles.Billing). */
export const canBill = (roles: readonly string[]) => has(roles, ...office, Roles.AccountsReceivable)

/** Record purchased credit hours (PurchaseCreditHoursCommand: Accounts Receivable; Admin). */
export const canPurchaseCreditHours = (roles: readonly string[]) => has(roles, Roles.Admin, Roles.AccountsReceivable)

/** Pick a service provider to assign (GetServiceProvidersQuery: ProviderReaders). */
export const canReadProviders = (roles: readonly string[]) => has(roles, ...office, Roles.AccountsReceivable, Roles.Technician)

// ---- Service providers, users and API keys (ServiceProviders/*, Users/*, ApiKeys/*: writes Admin only).

/** The Service Providers section: office staff and Accounts Receivable read it (GetServiceProvidersQuery, GetTeamsQuery:
 * ProviderReaders); technicians may read providers through the API to route work but have no section for it. */
export const canSeeProviders = (roles: readonly string[]) => has(roles, ...office, Roles.AccountsReceivable)

/** Add and edit providers, (de)activate them, create teams (Create/UpdateServiceProviderCommand, CreateTeamCommand: Admin). */
export const canManageProviders = (roles: readonly string[]) => isAdmin(roles)

/** Users (GetUsersQuery, CreateUserCommand: Admin). */
export const canManageUsers = (roles: readonly string[]) => isAdmin(roles)

/** Partner API keys (GetApiKeysQuery, CreateApiKeyCommand, RevokeApiKeyCommand: Admin). */
export const canManageApiKeys = (roles: readonly string[]) => isAdmin(roles)

/** The roles a user may be given (Roles.StaffRoles), in the order of PRODUCT.md. */
export const staffRoles: Role[] = [Roles.Admin, Roles.Dispatcher, Roles.ProjectManager, Roles.AccountsReceivable, Roles.TeamManager, Roles.Technician, Roles.Ops]

// ---- WorkMarket (ResyncWorkMarketCommand: Dispatcher; Admin may send every request).

/** Re-sync a WorkMarket-routed work order (POST /work-orders/{id}/workmarket/resync). */
export const canResyncWorkMarket = (roles: readonly string[]) => has(roles, Roles.Admin, Roles.Dispatcher)
