// Builds the side navigation from the pages' `route.nav`, grouped by section and filtered by the user's roles.
import type { NavSection, Role } from './route-meta';
import { pages } from './routes';

export const NAV_SECTIONS: NavSection[] = ['main', 'directory', 'admin', 'account'];

export type NavItem = { path: string; labelKey: string; order: number; icon?: string };
export type NavGroup = { section: NavSection; items: NavItem[] };

/** Pages visible to a user holding `roles`; sections without items are left out (no dead links). */
export function navFor(roles: Role[]): NavGroup[] {
  const visible = pages.filter(
    (p) =>
      p.nav &&
      p.auth !== false &&
      !p.path.includes(':') &&
      (!p.roles || p.roles.some((r) => roles.includes(r))),
  );
  return NAV_SECTIONS.map((section) => ({
    section,
    items: visible
      .filter((p) => p.nav!.section === section)
      .map((p) => ({ path: p.path, labelKey: p.nav!.labelKey, order: p.nav!.order, icon: p.nav!.icon }))
      .sort((a, b) => a.order - b.order),
  })).filter((g) => g.items.length > 0);
}
