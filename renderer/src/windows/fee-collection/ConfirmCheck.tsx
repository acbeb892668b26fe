/**
 * issue 10 #5: the explicit confirmation of a value far outside the usual. Shown next to the field once the
 * server refused with NEEDS_CONFIRMATION (its message is the field's error); ticked, the next submit sends it.
 * Keyboard-first: Tab from the field reaches the box, Space ticks it, Enter submits (onEnter) as on the field.
 */
export function ConfirmCheck({
  shown,
  checked,
  onChange,
  label,
  name,
  onEnter,
}: {
  shown: boolean;
  checked: boolean;
  onChange: (v: boolean) => void;
  label: string;
  name: string;
  onEnter?: () => void;
}) {
  if (!shown && !checked) return null;
  return (
    <label className="confirm-check">
      <input
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter) {
            e.preventDefault();
            onEnter();
          }
        }}
      />
      {label}
    </label>
  );
}
