/**
 * The one way a window turns a server error into what the clerk sees (issue 10 #16): the error lands at the
 * field the window renders for it, or, when the window has no such field, in the window's visible message.
 * Nothing the contract answers is dropped.
 */

/** The field name of an error the window shows in its general message rather than at a field. */
export const GENERAL = '';

export interface ShownError {
  code?: string;
  /** A field the window renders, or GENERAL. */
  field: string;
  message: string;
}

/**
 * Places an error: the server's field when the window renders it; else a schema path (tickets.0.backName)
 * by its aliases, its last segment or its first one; without a field, `fallback`; anything else in the
 * general message.
 */
export function placeError(
  error: { code: string; message: string; field?: string | undefined },
  rendered: readonly string[],
  fallback: string,
  aliases: Readonly<Record<string, string>> = {},
): ShownError {
  const known = (f: string | undefined): string | null => {
    if (f === undefined) return null;
    const alias = aliases[f];
    if (alias !== undefined && (alias === GENERAL || rendered.includes(alias))) return alias;
    return rendered.includes(f) ? f : null;
  };
  let field: string;
  if (error.field === undefined || error.field === '') field = known(fallback) ?? GENERAL;
  else {
    const parts = error.field.split('.');
    field = known(error.field) ?? known(parts[parts.length - 1]) ?? known(parts[0]) ?? GENERAL;
  }
  return { code: error.code, field, message: error.message };
}

/** The window's general message: shows an error that has no field of its own in this window. */
export function ErrorNotice({ error, id = 'general-error' }: { error: { field: string; message: string } | null; id?: string }) {
  if (!error || error.field !== GENERAL) return null;
  return (
    <div className="panel field-error general-error" role="alert" id={id}>
      {error.message}
    </div>
  );
}
