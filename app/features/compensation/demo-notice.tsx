/** Said wherever seeded schedules show: the amounts are invented, nobody should plan with them. */
export function DemoNotice() {
  return (
    <p className="mt-3 rounded-md border border-accent-600 bg-amber-50 px-4 py-3">
      <strong>Let op: demowaarden.</strong> Deze bedragen zijn verzonnen om Stapsteen te tonen. Het zijn geen echte of wettelijke bedragen.
    </p>
  )
}
