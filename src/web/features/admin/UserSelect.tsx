// Picker of a user account (value = user id), searching GET /api/users?q.
import { api, type Page } from '../../api/client';
import { RemoteSelect, type RemoteSelectProps } from '../../components/RemoteSelect';
import type { User } from './users.api';

export function UserSelect(props: Omit<RemoteSelectProps, 'queryKey' | 'search' | 'fetchLabel'>) {
  return (
    <RemoteSelect
      queryKey="users"
      search={(q) =>
        api
          .get<Page<User>>('/users', { q, pageSize: 30 })
          .then((p) => p.items.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })))
      }
      fetchLabel={(id) => api.get<User>(`/users/${id}`).then((u) => u.name)}
      {...props}
    />
  );
}
