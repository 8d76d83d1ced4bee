import type { ThemeConfig } from 'antd'

/** Dense back-office look: 13px type, 28px controls (the navy navigation rail is in global.css). */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fbf',
    colorInfo: '#1d5fbf',
    colorSuccess: '#2e8b57',
    colorWarning: '#c77700',
    colorError: '#c62828',
    borderRadius: 4,
    fontSize: 13,
    controlHeight: 28,
    colorBgLayout: '#f3f5f8',
    fontFamily:
      "Inter, -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
  components: {
    Table: { cellPaddingBlockSM: 6, cellPaddingInlineSM: 8, headerBg: '#f7f8fa' },
    Descriptions: { itemPaddingBottom: 6 },
    Card: { headerHeight: 40 },
  },
}
