// /api/events/:id/sections, /api/sections/:id — sections of a research-practice conference (S2-4).
import { errorResponses, type RoutesPlugin, ZIdParams, ZOk } from '../../../platform/routes.js';
import { ZSection, ZSectionCreate, ZSectionList, ZSectionUpdate } from './sections.schemas.js';
import { createSection, deleteSection, listSections, updateSection } from './sections.service.js';

export const sectionRoutes: RoutesPlugin = async (app) => {
  const tags = ['sections'];
  app.get(
    '/events/:id/sections',
    {
      schema: {
        tags,
        summary: 'Секции мероприятия (у научно-практической конференции), по алфавиту',
        params: ZIdParams,
        response: { 200: ZSectionList, ...errorResponses },
      },
    },
    async (req) => listSections(app.ctx, req.actor, req.params.id),
  );
  app.post(
    '/events/:id/sections',
    {
      schema: {
        tags,
        summary:
          'Добавить секцию: название и предмет из справочника; только для НПК (иначе 409 SECTIONS_ONLY_FOR_CONFERENCE)',
        params: ZIdParams,
        body: ZSectionCreate,
        response: { 201: ZSection, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createSection(app.ctx, req.actor, req.params.id, req.body)),
  );
  app.patch(
    '/sections/:id',
    {
      schema: {
        tags,
        summary: 'Изменить секцию',
        params: ZIdParams,
        body: ZSectionUpdate,
        response: { 200: ZSection, ...errorResponses },
      },
    },
    async (req) => updateSection(app.ctx, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/sections/:id',
    {
      schema: {
        tags,
        summary: 'Удалить секцию без заявок и пунктов программы (иначе 409 SECTION_IN_USE)',
        params: ZIdParams,
        response: { 200: ZOk, ...errorResponses },
      },
    },
    async (req) => deleteSection(app.ctx, req.actor, req.params.id),
  );
};
