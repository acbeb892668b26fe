/**
 * issue 10 #5: the explicit confirmation of a value far outside the usual. Shown next to the field once the
 * server refused with NEEDS_CONFIRMATION (its message is the field's error); ticked, the next submit sends it.
 */
export function ConfirmCheck({ shown, checked, onChange, label, name }: { shown: boolean; checked: boolean; onChange: (v: boolean) => void; label: string; name: string }) {
  if (!shown && !checked) return null;
  return (
    <label className="confirm-check">
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
