// A quarter "YYYY-Qn" as two selects (year, quarter): no typing, so no format to get wrong.

import { strings } from '../strings';

const YEARS_BACK = 3;
const YEARS_AHEAD = 15;

export function KwartaalInput(props: { id: string; label: string; value: string; describedBy: string; onChange: (v: string) => void }) {
  const { id, label, value, describedBy, onChange } = props;
  const m = /^(\d{4})-Q([1-4])$/.exec(value);
  const year = m ? m[1]! : '';
  const q = m ? m[2]! : '';
  const now = new Date().getFullYear();
  const years: number[] = [];
  for (let y = now - YEARS_BACK; y <= now + YEARS_AHEAD; y++) years.push(y);
  if (year && !years.includes(Number(year))) years.unshift(Number(year));
  const emit = (y: string, k: string) => onChange(y ? `${y}-Q${k || '1'}` : '');
  return (
    <div className="kwartaal">
      <select id={id} aria-describedby={describedBy} value={year} onChange={(e) => emit(e.target.value, q)}>
        <option value="">{strings.project.nietGepland}</option>
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </select>
      <select aria-label={`${label}: ${strings.project.kwartaalKwartaal.toLowerCase()}`} value={q} disabled={!year} onChange={(e) => emit(year, e.target.value)}>
        {!year && <option value="">{strings.common.leeg}</option>}
        {['1', '2', '3', '4'].map((k) => (
          <option key={k} value={k}>
            Q{k}
          </option>
        ))}
      </select>
    </div>
  );
}
