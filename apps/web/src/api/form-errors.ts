// Puts a problem's field errors onto a Mantine form: `body.email` lands on the field `email`.
import type { ReactNode } from 'react';
import { isApiError } from './api-error';

interface FormWithErrors {
  setErrors: (errors: Record<string, ReactNode>) => void;
}

/** `body.newPassword` → `newPassword`; `query.q` → `q`. */
export function formFieldOf(field: string): string {
  return field.replace(/^(body|query|params|headers)\./, '');
}

/** Server messages are fragments ("must not be empty"); under a field they read as sentences. */
function asSentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Applies the error to the form's fields. `codeFields` names the field a whole-request error belongs to
 * (e.g. `user.email_taken` → `email`). Returns false when nothing could be shown on a field.
 */
export function applyProblemToForm(
  form: FormWithErrors,
  error: unknown,
  fields: readonly string[],
  codeFields: Record<string, string> = {},
): boolean {
  if (!isApiError(error)) return false;
  const errors: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) {
    const name = formFieldOf(fieldError.field);
    if (!fields.includes(name)) continue;
    const message = asSentence(fieldError.message);
    errors[name] = errors[name] ? `${errors[name]}; ${fieldError.message}` : message;
  }
  const codeField = codeFields[error.code];
  if (Object.keys(errors).length === 0 && codeField && fields.includes(codeField))
    errors[codeField] = error.detail;
  if (Object.keys(errors).length === 0) return false;
  form.setErrors(errors);
  return true;
}

/**
 * Like `applyProblemToForm` for requests whose body nests or renames the form's fields: `fieldMap` names the form
 * field of each server field (without `body.`), e.g. `{ 'job.payload.workflowVersionId': 'versionId' }`.
 */
export function applyMappedProblemToForm(
  form: FormWithErrors,
  error: unknown,
  fieldMap: Record<string, string>,
  codeFields: Record<string, string> = {},
): boolean {
  if (!isApiError(error)) return false;
  const errors: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) {
    const name = fieldMap[formFieldOf(fieldError.field)];
    if (!name) continue;
    errors[name] = errors[name] ? `${errors[name]}; ${fieldError.message}` : asSentence(fieldError.message);
  }
  const codeField = codeFields[error.code];
  if (Object.keys(errors).length === 0 && codeField) errors[codeField] = error.detail;
  if (Object.keys(errors).length === 0) return false;
  form.setErrors(errors);
  return true;
}
