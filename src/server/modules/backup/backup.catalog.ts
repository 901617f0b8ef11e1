// What a backup contains, read from pg_catalog: the public schema's tables in foreign-key-safe order,
// their columns, the sequences, and the applied migrations.
import type pg from 'pg';

export type ColumnInfo = { name: string; type: string; insertable: boolean; identityAlways: boolean };
export type TableInfo = { name: string; columns: ColumnInfo[] };
export type SequenceInfo = { name: string; lastValue: string | null };
export type MigrationInfo = { hash: string; createdAt: string };

export const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Tables of the public schema, parents before children (cycles and self-references broken by name order). */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const tables = (
    await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
    )
  ).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `select ch.relname as child, pa.relname as parent from pg_constraint c
       join pg_class ch on ch.oid = c.conrelid join pg_class pa on pa.oid = c.confrelid
       join pg_namespace n on n.oid = ch.relnamespace
       where c.contype = 'f' and n.nspname = 'public'`,
    )
  ).rows;
  const ordered = topoSort(tables, edges);
  const out: TableInfo[] = [];
  for (const name of ordered) out.push({ name, columns: await listColumns(client, name) });
  return out;
}

export function topoSort(tables: string[], edges: { child: string; parent: string }[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges)
    if (e.child !== e.parent && parents.has(e.parent)) parents.get(e.child)?.add(e.parent);
  const done = new Set<string>();
  const out: string[] = [];
  while (out.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p)));
    // a cycle: take the first remaining table so the order stays total
    const next = ready.length ? ready : [tables.find((t) => !done.has(t))!];
    for (const t of next) {
      done.add(t);
      out.push(t);
    }
  }
  return out;
}

export async function listColumns(client: pg.ClientBase, table: string): Promise<ColumnInfo[]> {
  const r = await client.query<{ name: string; type: string; generated: string; identity: string }>(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
            a.attgenerated as generated, a.attidentity as identity
     from pg_attribute a
     where a.attrelid = ('public.' || quote_ident($1))::regclass and a.attnum > 0 and not a.attisdropped
     order by a.attnum`,
    [table],
  );
  return r.rows.map((c) => ({
    name: c.name,
    type: c.type,
    insertable: c.generated === '',
    identityAlways: c.identity === 'a',
  }));
}

export async function listSequences(client: pg.ClientBase): Promise<SequenceInfo[]> {
  const r = await client.query<{ name: string; last_value: string | null }>(
    `select sequencename as name, last_value::text as last_value from pg_sequences
     where schemaname = 'public' order by sequencename`,
  );
  return r.rows.map((s) => ({ name: s.name, lastValue: s.last_value }));
}

export async function listMigrations(client: pg.ClientBase): Promise<MigrationInfo[]> {
  const exists = await client.query<{ t: string | null }>(
    `select to_regclass('drizzle.__drizzle_migrations')::text as t`,
  );
  if (!exists.rows[0]?.t) return [];
  const r = await client.query<{ hash: string; created_at: string }>(
    'select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id',
  );
  return r.rows.map((m) => ({ hash: m.hash, createdAt: m.created_at }));
}

export async function countRows(client: pg.ClientBase, table: string): Promise<number> {
  const r = await client.query<{ n: string }>(`select count(*)::text as n from public.${quoteIdent(table)}`);
  return Number(r.rows[0].n);
}
