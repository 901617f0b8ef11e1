// Demo certificates for the completed pedagogical session: everyone who attended gets one (presenters with
// the form and topic), one certificate is revoked with a reason and one reissued, so that the registry and
// the public verification page show every state.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import { certificate, issueCertificatesAs } from '../certificates/index.js';

export async function seedDemoCertificates(ctx: AppContext, eventId: string): Promise<{ issued: number }> {
  let issued = 0;
  try {
    issued = (await issueCertificatesAs(ctx, null, eventId, { to: 'attended' })).issued;
  } catch {
    return { issued: 0 }; // no attendance in this demo event: nothing to certify
  }
  const rows = await ctx.db
    .select()
    .from(certificate)
    .where(
      and(eq(certificate.eventId, eventId), isNull(certificate.revokedAt), eq(certificate.role, 'listener')),
    )
    .orderBy(asc(certificate.seq))
    .limit(2);
  if (rows[0]) {
    await ctx.db
      .update(certificate)
      .set({ revokedAt: new Date(), revokedReason: 'Выдан ошибочно: участник не присутствовал' })
      .where(eq(certificate.id, rows[0].id));
  }
  if (rows[1]) {
    // a reissue: the old one revoked, a new one with a new number replaces it
    await ctx.db
      .update(certificate)
      .set({ revokedAt: new Date(), revokedReason: 'Переоформлен' })
      .where(eq(certificate.id, rows[1].id));
    const again = await issueCertificatesAs(ctx, null, eventId, {
      to: { personIds: [rows[1].personId] },
      role: 'listener',
    });
    const replacement = again.items[0];
    if (replacement) {
      await ctx.db
        .update(certificate)
        .set({ replacesId: rows[1].id })
        .where(eq(certificate.id, replacement.id));
      issued++;
    }
  }
  return { issued };
}
