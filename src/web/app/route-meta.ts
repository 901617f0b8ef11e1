// The contract between the router shell and route files.
// Each file in src/web/routes/*.tsx default-exports its page component and exports `route: RouteMeta`.
// The shell collects them with import.meta.glob, so adding a page never edits a shared file.
export type Role =
  | 'admin'
  | 'methodologist'
  | 'organization_head'
  | 'community_leader'
  | 'mentor'
  | 'teacher'
  | 'student'
  | 'guest';

export type NavSection = 'main' | 'directory' | 'admin' | 'account';

export type RouteMeta = {
  /** React Router path, e.g. '/people' or '/people/:id' */
  path: string;
  /** false for sign-in, password reset, invitation acceptance, verification pages */
  auth?: boolean;
  /** only these roles may open the page (and see it in the navigation); absent = any signed-in user */
  roles?: Role[];
  /** shown in the side navigation when present */
  nav?: { section: NavSection; labelKey: string; order: number; icon?: string };
};
