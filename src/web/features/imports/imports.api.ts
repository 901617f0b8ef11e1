// Types and hooks for imports: start a job with a file, poll it until it finishes, list earlier jobs.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../api/client';

export type ImportKind = 'people' | 'organizations';
export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';
export type ImportRowError = { row: number; column: string | null; message: string };
export type ImportJob = {
  id: string;
  kind: ImportKind;
  fileName: string;
  dryRun: boolean;
  status: ImportStatus;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: ImportRowError[];
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** How often a running job is asked for its progress. */
export const POLL_MS = 500;

export const isFinished = (job: Pick<ImportJob, 'status'> | undefined) =>
  job?.status === 'done' || job?.status === 'failed';

export function templateUrl(kind: ImportKind, format: 'xlsx' | 'csv'): string {
  return api.url(`/imports/templates/${kind}.${format}`);
}

export function useImportJob(id: string | undefined) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['imports', 'one', id],
    queryFn: async () => {
      const job = await api.get<ImportJob>(`/imports/${id}`);
      if (isFinished(job)) {
        // the list of earlier imports and, after a real import, the directory lists are now out of date
        void qc.invalidateQueries({ queryKey: ['imports', 'list'] });
        if (!job.dryRun && job.status === 'done') {
          void qc.invalidateQueries({ queryKey: [job.kind] });
          void qc.invalidateQueries({ queryKey: ['remote-select'] });
        }
      }
      return job;
    },
    enabled: !!id,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : POLL_MS),
    staleTime: (query) => (isFinished(query.state.data) ? Infinity : 0),
  });
}

export function useImportJobs(query: Query) {
  return useQuery({
    queryKey: ['imports', 'list', query],
    queryFn: () => api.get<Page<ImportJob>>('/imports', query),
    placeholderData: keepPreviousData,
  });
}

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, dryRun, file }: { kind: ImportKind; dryRun: boolean; file: File }) =>
      api.upload<ImportJob>('/imports', file, { kind, dryRun: String(dryRun) }),
    onSuccess: (job) => {
      qc.setQueryData(['imports', 'one', job.id], job);
      void qc.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}
