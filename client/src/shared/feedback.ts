// Toasts and confirmation dialogs (antd message and Modal.confirm), loaded on first use: the shell's
// first render does not wait for them, and they are prefetched when the browser is idle.
import type { ModalFuncProps } from 'antd'

type Impl = typeof import('./feedbackImpl')
let loading: Promise<Impl> | null = null
const load = () => (loading ??= import('./feedbackImpl'))

/** Starts loading the toast/dialog code in the background (call once the app has rendered). */
export function prefetchFeedback() {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200))
  idle(() => void load())
}

type Toast = (content: React.ReactNode) => void
const toast = (kind: 'success' | 'error' | 'info' | 'warning'): Toast => (content) => void load().then((m) => m.message[kind](content))

export const message = { success: toast('success'), error: toast('error'), info: toast('info'), warning: toast('warning') }

export const modal = {
  confirm: (props: ModalFuncProps) => void load().then((m) => m.Modal.confirm(props)),
}

const feedback = { message, modal }

/** The same API as antd's App.useApp() for the parts we use. */
export const useFeedback = () => feedback
