import type { CSSProperties } from 'react'

/** A <ul> of tags (roles, members, customers) without bullets, wrapping. */
export const tagList: CSSProperties = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 4 }
