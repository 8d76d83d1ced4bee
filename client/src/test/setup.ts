import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, vi } from 'vitest'

// CI machines are shared and busy: give findBy/waitFor time (lazy chunks, antd's first render).
configure({ asyncUtilTimeout: 8000 })

// Toasts and confirmations render into roots of their own, after the test that caused them: record them
// instead (tests assert on what was said: `import { message } from '../shared/feedback'`).
vi.mock('../shared/feedback', () => {
  const message = { success: vi.fn(), error: vi.fn(), info: vi.fn(), warning: vi.fn() }
  const modal = { confirm: vi.fn() }
  return { message, modal, useFeedback: () => ({ message, modal }), prefetchFeedback: vi.fn() }
})

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})
// Let closing animations and scheduled renders finish before jsdom goes away.
afterAll(() => new Promise((done) => setTimeout(done, 100)))

// jsdom lacks a few browser APIs antd uses.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: vi.fn(),
      removeListener: vi.fn(),
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
      dispatchEvent: vi.fn(),
    }),
  })
}
if (!('ResizeObserver' in window)) {
  class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserver })
}
// antd measures scrollbars with getComputedStyle(el, '::-webkit-scrollbar'): jsdom does not implement pseudo-elements.
const getComputedStyle = window.getComputedStyle.bind(window)
window.getComputedStyle = (element: Element) => getComputedStyle(element)
