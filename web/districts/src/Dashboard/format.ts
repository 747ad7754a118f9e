

type Rate = { percent?: number | null; reason?: string | null };

export function rate(r: Rate | null | undefined): string {
  return r?.percent === null || r?.percent === undefined ? '—' : `${r.percent.toFixed(1)}%`;
}

export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${v.toFixed(1)}%`;
}
