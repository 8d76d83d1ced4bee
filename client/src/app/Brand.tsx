export function Brand({ dark = true, collapsed = false }: { dark?: boolean; collapsed?: boolean }) {
  return (
    <div className={`brand ${dark ? 'brand-dark' : ''}`}>
      <img src="/favicon.svg" width={24} height={24} alt="" />
      {!collapsed && (
        <span>
          Work<b>Orders</b>
        </span>
      )}
    </div>
  )
}
