// The small "Nieuw", "Gewijzigd" or "Voor uw partij" mark on what someone else wrote since this
// lid's previous visit on this device (issue 16): in the home page's list and on the items in
// the planmonitor, the knelpunten and the afspraken.

export function NieuwBadge({ children }: { children: string }) {
  return <span className="badge nieuw-badge">{children}</span>;
}
