/** The scrutiny role sees partnership figures, never a case; the figures screen is not built yet. */
export function Scrutiny() {
  return (
    <section class="narrow">
      <h1>Partnership figures</h1>
      <p>As a scrutiny panel member you see de-identified figures month by month, never a case or a meeting.</p>
      <div class="state empty"><p>The figures are published by each agency monthly; this screen will show them once the partnership dashboard is switched on.</p></div>
    </section>
  );
}
