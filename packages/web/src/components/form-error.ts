import { ApiError, messageOf } from '../api/client';

/** An API failure split for a form: the message for the named field, or for the form as a whole. */
export interface FormFailure {
  fields: Record<string, string>;
  form: string | undefined;
}

const none: FormFailure = { fields: {}, form: undefined };

/**
 * Places an error next to the field it names (`body.email` or `email` both land on `email`), else above the form.
 * @example const failure = formFailure(mutation.error, ['email', 'password']);
 */
export function formFailure(error: unknown, fieldNames: readonly string[]): FormFailure {
  if (!error) return none;
  if (error instanceof ApiError && error.field) {
    const last = error.field.split('.').pop() ?? error.field;
    const name = fieldNames.find((f) => f === error.field || f === last);
    if (name) return { fields: { [name]: error.message }, form: undefined };
  }
  return { fields: {}, form: messageOf(error) };
}
