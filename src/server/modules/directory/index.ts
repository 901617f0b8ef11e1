// directory: regions, municipalities, organisations, people with their employment history; catalogues.
export {
  getCatalogs,
  ORGANIZATION_KIND_LABELS,
  QUALIFICATION_CATEGORY_LABELS,
} from './catalogs.service.js';
export {
  canManageOrganizationsIn,
  canManagePeopleAt,
  canReadDirectory,
  canSeePrivateFields,
  type DirectoryPlace,
} from './directory.policy.js';
export { directoryRoutes } from './directory.routes.js';
export * from './directory.schemas.js';
export * from './directory.tables.js';
export { findMunicipalityPlace, findOrganizationPlace } from './organizations.repository.js';
export { fullNameExpr } from './people.repository.js';
export { fullNameOf, getPerson, listPeople } from './people.service.js';
