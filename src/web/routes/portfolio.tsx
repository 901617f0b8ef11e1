// /people/:id/portfolio — a person's portfolio of event evidence.
import type { RouteMeta } from '../app/route-meta';
import { PortfolioPage } from '../features/portfolio/PortfolioPage';

export const route: RouteMeta = { path: '/people/:id/portfolio' };

export default PortfolioPage;
