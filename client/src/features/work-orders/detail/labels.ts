import type { ApprovalStatus, WorkOrderAction, WorkOrderStatus } from '../../../api'

/** The buttons of the status actions, in the order they are offered. */
export const actionOrder: WorkOrderAction[] = [
  'Publish',
  'Assign',
  'Start',
  'Resume',
  'WaitForParts',
  'WaitForVendor',
  'WaitForCustomer',
  'Complete',
  'Unassign',
  'Cancel',
]

export const actionLabels: Record<WorkOrderAction, string> = {
  Publish: 'Publish',
  Assign: 'Assign…',
  Unassign: 'Unassign…',
  Start: 'Start work',
  WaitForParts: 'Wait for parts…',
  WaitForVendor: 'Wait on vendor…',
  WaitForCustomer: 'Wait on customer…',
  Resume: 'Resume work',
  Complete: 'Complete…',
  Cancel: 'Cancel work order…',
}

/** What each action did, for the toast. */
export const actionDone: Record<WorkOrderAction, string> = {
  Publish: 'published',
  Assign: 'assigned',
  Unassign: 'unassigned',
  Start: 'started',
  WaitForParts: 'now waiting for parts',
  WaitForVendor: 'now waiting on the vendor',
  WaitForCustomer: 'now waiting on the customer',
  Resume: 'resumed',
  Complete: 'completed',
  Cancel: 'cancelled',
}

/** The history's action names (the API's, e.g. "Create", "Publish", "Assign"), readable. */
export const historyActionLabels: Record<string, string> = {
  Create: 'Opened',
  Publish: 'Published',
  Assign: 'Assigned',
  Unassign: 'Unassigned',
  Start: 'Started',
  WaitForParts: 'Waiting for parts',
  WaitForVendor: 'Waiting on vendor',
  WaitForCustomer: 'Waiting on customer',
  Resume: 'Resumed',
  Complete: 'Completed',
  Cancel: 'Cancelled',
}

export const approvalColors: Record<ApprovalStatus, string> = { Pending: 'gold', Approved: 'green', Rejected: 'red' }

/** Statuses in which time is recorded (BillingPolicy.TimeTakingStatuses). */
export const timeTakingStatuses: WorkOrderStatus[] = ['Assigned', 'InProgress', 'WaitingParts', 'WaitingOnVendor', 'WaitingOnCustomer']

export const isOpenStatus = (status: WorkOrderStatus) => status !== 'Completed' && status !== 'Cancelled'
