// /municipalities — municipalities by region.
import type { RouteMeta } from '../app/route-meta';
import { MunicipalitiesPage } from '../features/directory/MunicipalitiesPage';

export const route: RouteMeta = {
  path: '/municipalities',
  nav: {
    section: 'directory',
    labelKey: 'directory:nav.municipalities',
    order: 30,
    icon: 'EnvironmentOutlined',
  },
};

export default MunicipalitiesPage;
