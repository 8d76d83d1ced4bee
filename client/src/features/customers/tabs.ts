export const customerTabs = ['sites', 'contracts', 'assets', 'credit-hours'] as const
export type CustomerTab = (typeof customerTabs)[number]
