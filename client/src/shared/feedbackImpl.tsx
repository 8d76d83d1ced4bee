import { ConfigProvider, message, Modal } from 'antd'
import { theme } from '../app/theme'

// Static toasts and dialogs render outside the React tree: give them the app's theme.
ConfigProvider.config({ holderRender: (children) => <ConfigProvider theme={theme}>{children}</ConfigProvider> })
message.config({ maxCount: 3, duration: 3 })

export { message, Modal }
