// Collects every page from src/web/routes/*.tsx: each default-exports a component and exports `route: RouteMeta`.
import type { ComponentType } from 'react';
import type { RouteMeta } from './route-meta';

export type PageModule = { default: ComponentType; route: RouteMeta };
export type Page = RouteMeta & { Component: ComponentType; file: string };

const modules = import.meta.glob<PageModule>('../routes/*.tsx', { eager: true });

export const pages: Page[] = Object.entries(modules)
  .filter(([, m]) => m.route && m.default)
  .map(([file, m]) => ({ ...m.route, Component: m.default, file }))
  .sort((a, b) => a.path.localeCompare(b.path));

export const publicPages = pages.filter((p) => p.auth === false);
export const privatePages = pages.filter((p) => p.auth !== false);
