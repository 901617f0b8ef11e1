// /portfolio — the signed-in person's own portfolio.
import type { RouteMeta } from '../app/route-meta';
import { MyPortfolioPage } from '../features/portfolio/MyPortfolioPage';

export const route: RouteMeta = {
  path: '/portfolio',
  nav: { section: 'account', labelKey: 'portfolio:nav', order: 20, icon: 'IdcardOutlined' },
};

export default MyPortfolioPage;
