/** The submit button of an answer form: "Check", and "Checking…" (disabled) while the server grades. */
export function CheckButton({ saving }: { saving: boolean }) {
  return (
    <button type="submit" className="button" disabled={saving}>
      {saving ? 'Checking…' : 'Check'}
    </button>
  );
}
