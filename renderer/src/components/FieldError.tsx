/** The message shown right under the field it belongs to. */
export function FieldError({ message, id }: { message: string | null | undefined; id: string }) {
  if (!message) return null;
  return (
    <div className="field-error" role="alert" id={id}>
      {message}
    </div>
  );
}
