/** Incident metrics by period and severity. Placeholder until that feature lands. */
export function MetricsPage() {
  return null;
}
