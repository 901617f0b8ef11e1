// Marks the form fields an API error names (validation issues, known conflicts); the form shows the message itself.
import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';

type Issue = { path?: string; message?: string };

/** Field each known conflict code belongs to. */
const CODE_FIELDS: Record<string, string> = {
  PERSON_EMAIL_TAKEN: 'email',
  ORGANIZATION_NAME_TAKEN: 'shortName',
  REGION_NAME_TAKEN: 'name',
  MUNICIPALITY_NAME_TAKEN: 'name',
  UNKNOWN_ORGANIZATION: 'organizationId',
  UNKNOWN_MUNICIPALITY: 'municipalityId',
  UNKNOWN_REGION: 'regionId',
};

export function markFieldErrors(form: FormInstance, error: unknown, fields: string[]): void {
  if (!(error instanceof ApiError)) return;
  const byField = new Map<string, string[]>();
  if (Array.isArray(error.details)) {
    for (const issue of error.details as Issue[]) {
      const name = String(issue?.path ?? '')
        .replace(/^body\.?/, '')
        .split('.')[0];
      if (name && fields.includes(name) && issue.message)
        byField.set(name, [...(byField.get(name) ?? []), issue.message]);
    }
  }
  const codeField = CODE_FIELDS[error.code];
  if (codeField && fields.includes(codeField)) byField.set(codeField, [error.message]);
  if (byField.size > 0) form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
}
