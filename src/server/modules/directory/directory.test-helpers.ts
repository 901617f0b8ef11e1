// Test helpers for the directory's route tests: a small world of places and signed-in users in each role.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  buildMunicipality,
  buildOrganization,
  buildRegion,
  signIn,
  signInAs,
  TEST_PASSWORD,
} from '../../../../tests/harness/factories.js';
import type { TestApp } from '../../../../tests/harness/test-app.js';
import { createUserWithGrants } from '../identity/users.service.js';

/** A user who can sign in but holds no role at all. */
export async function signInWithoutRoles(t: TestApp) {
  const email = `noroles-${randomUUID().slice(0, 8)}@example.ru`;
  await createUserWithGrants(t.ctx, null, { email, name: 'Без ролей', password: TEST_PASSWORD, grants: [] });
  return { email, cookie: await signIn(t, email, TEST_PASSWORD) };
}

/**
 * One region with municipalities A and B; organisations A1, A2 (in A) and B1 (in B); a second region with
 * municipality C and organisation C1; users: admin, methodologists of A (municipality) and of A1
 * (organisation) and of the region, the head of A1, a teacher, a guest and a user without roles.
 */
export async function buildWorld(t: TestApp) {
  const region = await buildRegion(t);
  const muniA = await buildMunicipality(t, { regionId: region.id });
  const muniB = await buildMunicipality(t, { regionId: region.id });
  const orgA1 = await buildOrganization(t, { municipalityId: muniA.id });
  const orgA2 = await buildOrganization(t, { municipalityId: muniA.id });
  const orgB1 = await buildOrganization(t, { municipalityId: muniB.id });
  const region2 = await buildRegion(t);
  const muniC = await buildMunicipality(t, { regionId: region2.id });
  const orgC1 = await buildOrganization(t, { municipalityId: muniC.id });
  const admin = await signInAs(t, 'admin');
  const methA = await signInAs(t, 'methodologist', { scopeType: 'municipality', scopeId: muniA.id });
  const methA1 = await signInAs(t, 'methodologist', { scopeType: 'organization', scopeId: orgA1.id });
  const methRegion = await signInAs(t, 'methodologist', { scopeType: 'region', scopeId: region.id });
  const headA1 = await signInAs(t, 'organization_head', { scopeType: 'organization', scopeId: orgA1.id });
  const teacher = await signInAs(t, 'teacher');
  const guest = await signInAs(t, 'guest');
  const noRoles = await signInWithoutRoles(t);
  return {
    region,
    region2,
    muniA,
    muniB,
    muniC,
    orgA1,
    orgA2,
    orgB1,
    orgC1,
    admin,
    methA,
    methA1,
    methRegion,
    headA1,
    teacher,
    guest,
    noRoles,
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Downloads a file route and opens it back with exceljs: header row and data rows as plain values. */
export async function downloadXlsx(t: TestApp, url: string, cookie?: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  if (res.statusCode !== 200) {
    return { status: res.statusCode, headers: res.headers, header: [] as string[], rows: [] as unknown[][] };
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const values: unknown[][] = [];
  ws.eachRow((row) => {
    values.push((row.values as unknown[]).slice(1));
  });
  return {
    status: res.statusCode,
    headers: res.headers,
    sheetName: ws.name,
    autoFilter: ws.autoFilter,
    headerBold: ws.getRow(1).font?.bold ?? ws.getRow(1).getCell(1).font?.bold,
    header: (values[0] ?? []) as string[],
    rows: values.slice(1),
  };
}
