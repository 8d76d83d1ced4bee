export const customerTabs = ['sites', 'contracts', 'assets'] as const
export type CustomerTab = (typeof customerTabs)[number]
