// Guests (S0-9): an external participant registers on their own — a person record and a guest account — and
// either picks an organisation from the directory (public search) or proposes a new one, which administrators
// are notified of so they can add it. Public: no sign-in.
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { CommonErrors, defineErrors } from '../../platform/errors.js';
import { likePattern } from '../directory/directory.common.js';
import { municipality, organization, person, region } from '../directory/directory.tables.js';
import { PASSWORD_MIN } from '../identity/auth.js';
import { roleAssignment } from '../identity/identity.tables.js';
import { createUserWithGrants } from '../identity/index.js';
import { notify } from '../notifications/notifications.service.js';

export const GuestErrors = defineErrors({
  GUEST_PERSON_EXISTS: {
    kind: 'conflict',
    ru: 'Педагог с этой электронной почтой уже есть в справочнике. Попросите методиста прислать вам приглашение или восстановите пароль.',
    en: 'A person with this e-mail is already in the directory. Ask a methodologist for an invitation or reset your password.',
  },
});

const ZText = (max: number) => z.string().trim().max(max);

export const ZGuestRegistration = z
  .object({
    email: z.email().max(200),
    password: z.string().min(PASSWORD_MIN, `не короче ${PASSWORD_MIN} символов`).max(200),
    surname: ZText(100).min(1),
    name: ZText(100).min(1),
    patronymic: ZText(100).nullish(),
    position: ZText(200).nullish(),
    organizationId: z.uuid().nullish(),
    proposedOrganization: z
      .object({ name: ZText(300).min(1), locality: ZText(300).min(1) })
      .nullish()
      .describe('если организации нет в справочнике: её название и населённый пункт (регион)'),
  })
  .refine((v) => !!v.organizationId !== !!v.proposedOrganization, {
    message: 'Выберите организацию из справочника или предложите новую',
    path: ['organizationId'],
  });
export type TGuestRegistration = z.infer<typeof ZGuestRegistration>;

export const ZPublicOrganizationQuery = z.object({ q: z.string().trim().min(2).max(100) });
export const ZPublicOrganization = z.object({
  id: z.uuid(),
  shortName: z.string(),
  municipalityName: z.string(),
  regionName: z.string(),
});

/** Organisations by a part of the name, for the guest registration form (names and places only). */
export async function searchPublicOrganizations(ctx: AppContext, q: string) {
  const pattern = likePattern(q);
  const items = await ctx.db
    .select({
      id: organization.id,
      shortName: organization.shortName,
      municipalityName: municipality.name,
      regionName: region.name,
    })
    .from(organization)
    .innerJoin(municipality, eq(municipality.id, organization.municipalityId))
    .innerJoin(region, eq(region.id, municipality.regionId))
    .where(or(ilike(organization.shortName, pattern), ilike(organization.fullName, pattern)))
    .orderBy(sql`${organization.shortName} collate ru_icu`, asc(organization.id))
    .limit(20);
  return { items };
}

export async function registerGuest(ctx: AppContext, input: TGuestRegistration) {
  const email = input.email.trim().toLowerCase();
  if (input.organizationId) {
    const [org] = await ctx.db
      .select({ id: organization.id })
      .from(organization)
      .where(eq(organization.id, input.organizationId));
    if (!org)
      throw CommonErrors.VALIDATION_FAILED({}, [
        { path: 'organizationId', message: 'Организация не найдена' },
      ]);
  }
  const [taken] = await ctx.db
    .select({ id: person.id })
    .from(person)
    .where(sql`lower(${person.email}) = ${email}`);
  if (taken) throw GuestErrors.GUEST_PERSON_EXISTS();
  const [p] = await ctx.db
    .insert(person)
    .values({
      surname: input.surname,
      name: input.name,
      patronymic: input.patronymic || null,
      email,
      position: input.position || null,
      organizationId: input.organizationId ?? null,
    })
    .returning();
  let userId: string;
  try {
    userId = await createUserWithGrants(ctx, null, {
      email,
      name: [input.surname, input.name, input.patronymic].filter(Boolean).join(' '),
      password: input.password,
      personId: p.id,
      grants: [{ role: 'guest', scopeType: 'global', scopeId: null }],
    });
  } catch (e) {
    await ctx.db.delete(person).where(eq(person.id, p.id));
    throw e;
  }
  await ctx.db.transaction(async (tx) => {
    await audit(tx, null, 'create', 'person', p.id, null, {
      ...p,
      selfRegistered: true,
      proposedOrganization: input.proposedOrganization ?? null,
    });
    if (input.proposedOrganization) {
      const admins = await tx
        .select({ id: roleAssignment.userId })
        .from(roleAssignment)
        .where(and(eq(roleAssignment.role, 'admin')));
      await notify(ctx, tx, {
        userIds: admins.map((a) => a.id),
        kind: 'organization_proposed',
        title: `Предложена новая организация: ${input.proposedOrganization.name}`,
        body: `${input.surname} ${input.name} (${email}) зарегистрировался как гость и указал организацию «${input.proposedOrganization.name}», ${input.proposedOrganization.locality}. Добавьте её в справочник и укажите в карточке педагога.`,
        link: `/people/${p.id}`,
        email: true,
      });
    }
  });
  return { userId, personId: p.id };
}
