/** The value of one sample line of the exposition text /metrics serves, e.g. `huitouke_visits_recorded_total`. */
export function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
