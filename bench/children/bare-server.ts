// The yardstick for the people search: a bare Fastify route running the same SQL by hand
// (no auth, no validation, no policy), on the same database. Usage: bare-server.ts DATABASE_URL PORT
import Fastify from 'fastify';
import pg from 'pg';

const [url, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const LIST = `
select p.id, p.surname, p.name, p.patronymic, p.gender, p.email, p.phone, p.birth_date, p.position, p.subjects,
       p.experience_start,
       case when p.experience_start is null then null else extract(year from age(current_date, p.experience_start))::int end as experience_years,
       coalesce(p.experience_start > current_date - interval '3 years', false) as young_specialist,
       p.category, p.category_date, p.organization_id, o.short_name as organization_name,
       o.municipality_id, m.name as municipality_name, m.region_id, p.status, p.created_at, p.updated_at
from person p
left join organization o on o.id = p.organization_id
left join municipality m on m.id = o.municipality_id
where (p.surname || ' ' || p.name || ' ' || coalesce(p.patronymic, '')) ilike $1
order by p.surname collate ru_icu asc, p.name collate ru_icu asc, (coalesce(p.patronymic, '') collate ru_icu) asc, p.id asc
limit 50 offset 0`;
const COUNT = `
select count(*)::int as total from person p
left join organization o on o.id = p.organization_id
left join municipality m on m.id = o.municipality_id
where (p.surname || ' ' || p.name || ' ' || coalesce(p.patronymic, '')) ilike $1`;

const app = Fastify();
app.get('/people', async (req) => {
  const q = String((req.query as { q?: string }).q ?? '');
  const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
  const [items, total] = await Promise.all([pool.query(LIST, [pattern]), pool.query(COUNT, [pattern])]);
  return { items: items.rows, total: total.rows[0].total, page: 1, pageSize: 50 };
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('ready');
