// Searchable pickers of a region, municipality or organisation (value = id), built on RemoteSelect.
import { api, type Page } from '../../api/client';
import { RemoteSelect, type RemoteSelectProps } from '../../components/RemoteSelect';

type Region = { id: string; name: string; code?: string | null };
type Municipality = { id: string; name: string; regionName?: string };
type Organization = { id: string; shortName: string; municipalityName?: string };

type PickerProps = Omit<RemoteSelectProps, 'queryKey' | 'search' | 'fetchLabel'>;

/** Region picker: searches GET /api/regions?q. */
export function RegionSelect(props: PickerProps) {
  return (
    <RemoteSelect
      queryKey="regions"
      search={(q) =>
        api
          .get<Page<Region>>('/regions', { q, pageSize: 50 })
          .then((p) => p.items.map((r) => ({ value: r.id, label: r.name })))
      }
      fetchLabel={(id) => api.get<Region>(`/regions/${id}`).then((r) => r.name)}
      {...props}
    />
  );
}

/** Municipality picker: searches GET /api/municipalities?q (within `regionId` when given). */
export function MunicipalitySelect({ regionId, ...props }: PickerProps & { regionId?: string }) {
  return (
    <RemoteSelect
      queryKey="municipalities"
      deps={[regionId]}
      search={(q) =>
        api
          .get<Page<Municipality>>('/municipalities', { q, regionId, pageSize: 50 })
          .then((p) => p.items.map((m) => ({ value: m.id, label: m.name })))
      }
      fetchLabel={(id) => api.get<Municipality>(`/municipalities/${id}`).then((m) => m.name)}
      {...props}
    />
  );
}

/** Organisation picker: searches GET /api/organizations?q (within `municipalityId` when given). */
export function OrganizationSelect({ municipalityId, ...props }: PickerProps & { municipalityId?: string }) {
  return (
    <RemoteSelect
      queryKey="organizations"
      deps={[municipalityId]}
      search={(q) =>
        api
          .get<Page<Organization>>('/organizations', { q, municipalityId, pageSize: 50, sort: 'shortName' })
          .then((p) =>
            p.items.map((o) => ({
              value: o.id,
              label: o.municipalityName ? `${o.shortName} (${o.municipalityName})` : o.shortName,
            })),
          )
      }
      fetchLabel={(id) => api.get<Organization>(`/organizations/${id}`).then((o) => o.shortName)}
      {...props}
    />
  );
}
