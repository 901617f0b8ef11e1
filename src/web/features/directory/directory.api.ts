// Types and TanStack Query hooks for the directory API (regions, municipalities, organisations, people, catalogues).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../api/client';

export type Region = { id: string; name: string; code: string | null };
export type Municipality = { id: string; name: string; regionId: string; regionName: string };
export type OrganizationKind =
  | 'school'
  | 'kindergarten'
  | 'additional_education'
  | 'college'
  | 'university'
  | 'methodological_centre'
  | 'other';
export type Organization = {
  id: string;
  kind: OrganizationKind;
  shortName: string;
  fullName: string;
  address: string | null;
  inn: string | null;
  email: string | null;
  phone: string | null;
  municipalityId: string;
  municipalityName: string;
  regionId: string;
  regionName: string;
  peopleCount: number;
  canEdit: boolean;
};
export type PersonStatus = 'active' | 'left';
export type Person = {
  id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  fullName: string;
  gender: 'male' | 'female' | null;
  email: string | null;
  phone: string | null;
  birthDate: string | null;
  position: string | null;
  subjects: string[];
  experienceStart: string | null;
  experienceYears: number | null;
  youngSpecialist: boolean;
  /** a qualificationCategories code; 'none' = без категории */
  category: string;
  categoryDate: string | null;
  organizationId: string | null;
  organizationName: string | null;
  municipalityId: string | null;
  municipalityName: string | null;
  status: PersonStatus;
  createdAt: string;
  updatedAt: string;
  canEdit: boolean;
};
export type PersonInput = {
  surname: string;
  name: string;
  patronymic?: string | null;
  gender?: 'male' | 'female' | null;
  email?: string | null;
  phone?: string | null;
  birthDate?: string | null;
  position?: string | null;
  subjects?: string[];
  experienceStart?: string | null;
  category?: string;
  categoryDate?: string | null;
  organizationId?: string | null;
  status?: PersonStatus;
};
export type OrganizationInput = {
  kind: OrganizationKind;
  shortName: string;
  fullName: string;
  address?: string | null;
  inn?: string | null;
  email?: string | null;
  phone?: string | null;
  municipalityId: string;
};
export type Employment = {
  organizationId: string;
  organizationName: string;
  position: string | null;
  from: string | null;
  to: string | null;
};
export type CodeLabel = { code: string; label: string };
export type Catalogs = {
  positions: string[];
  subjects: string[];
  organizationKinds: CodeLabel[];
  qualificationCategories: CodeLabel[];
};

export const keys = {
  catalogs: ['catalogs'] as const,
  regions: (q: Query) => ['regions', q] as const,
  municipalities: (q: Query) => ['municipalities', q] as const,
  organizations: (q: Query) => ['organizations', q] as const,
  organization: (id: string) => ['organizations', 'one', id] as const,
  people: (q: Query) => ['people', q] as const,
  person: (id: string) => ['people', 'one', id] as const,
  employment: (id: string) => ['people', 'employment', id] as const,
};

export function useCatalogs() {
  return useQuery({
    queryKey: keys.catalogs,
    queryFn: () => api.get<Catalogs>('/catalogs'),
    staleTime: Infinity,
  });
}

/** «первая квалификационная категория» → «первая»: the column title already says what it is. */
export function shortCategoryLabel(list: CodeLabel[] | undefined, code: string | null | undefined): string {
  return labelOf(list, code).replace(/\s+квалификационная категория$/, '');
}

/** Label of a catalogue code, falling back to the code itself. */
export function labelOf(list: CodeLabel[] | undefined, code: string | null | undefined): string {
  if (!code) return '';
  return list?.find((x) => x.code === code)?.label ?? code;
}

export function useRegions(query: Query) {
  return useQuery({
    queryKey: keys.regions(query),
    queryFn: () => api.get<Page<Region>>('/regions', query),
    placeholderData: keepPreviousData,
  });
}

export function useMunicipalities(query: Query) {
  return useQuery({
    queryKey: keys.municipalities(query),
    queryFn: () => api.get<Page<Municipality>>('/municipalities', query),
    placeholderData: keepPreviousData,
  });
}

export function useOrganizations(query: Query, enabled = true) {
  return useQuery({
    queryKey: keys.organizations(query),
    queryFn: () => api.get<Page<Organization>>('/organizations', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: keys.organization(id ?? ''),
    queryFn: () => api.get<Organization>(`/organizations/${id}`),
    enabled: !!id,
  });
}

export function usePeople(query: Query, enabled = true) {
  return useQuery({
    queryKey: keys.people(query),
    queryFn: () => api.get<Page<Person>>('/people', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: keys.person(id ?? ''),
    queryFn: () => api.get<Person>(`/people/${id}`),
    enabled: !!id,
  });
}

export function useEmployment(id: string | undefined) {
  return useQuery({
    queryKey: keys.employment(id ?? ''),
    queryFn: () => api.get<{ items: Employment[] }>(`/people/${id}/employment`),
    enabled: !!id,
  });
}

/** Create, update and delete for one collection; every change refreshes the collection's queries. */
export function useCrud<TItem, TInput>(
  collection: 'regions' | 'municipalities' | 'organizations' | 'people',
) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: [collection] });
  const create = useMutation({
    mutationFn: (body: TInput) => api.post<TItem>(`/${collection}`, body),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<TInput> }) =>
      api.patch<TItem>(`/${collection}/${id}`, body),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/${collection}/${id}`),
    // mark stale without refetching now: the deleted record's own page is being left
    onSuccess: () => qc.invalidateQueries({ queryKey: [collection], refetchType: 'none' }),
  });
  return { create, update, remove };
}
