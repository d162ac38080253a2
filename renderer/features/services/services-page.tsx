/** Service catalog with SLOs and error budgets. Placeholder until that feature lands. */
export function ServicesPage() {
  return null;
}
