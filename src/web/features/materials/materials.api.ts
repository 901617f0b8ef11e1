// Types and hooks of the event's materials folder (S0-13).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';

export const MATERIAL_CATEGORIES = [
  'final_report',
  'talks',
  'lesson_notes',
  'presentations',
  'registration_lists',
  'feedback_forms',
  'photos',
  'other',
] as const;
export type MaterialCategory = (typeof MATERIAL_CATEGORIES)[number];

export type Material = {
  id: string;
  eventId: string;
  category: MaterialCategory;
  title: string;
  activityId: string | null;
  generated: boolean;
  fileId: string;
  fileName: string;
  mime: string;
  size: number;
  uploadedBy: string | null;
  uploadedByName: string | null;
  createdAt: string;
  canDelete: boolean;
};

const key = (eventId: string) => ['materials', eventId];

export function useMaterials(eventId: string) {
  return useQuery({
    queryKey: key(eventId),
    queryFn: () => api.get<Page<Material>>(`/events/${eventId}/materials`, { pageSize: 200 }),
    placeholderData: keepPreviousData,
  });
}

export function useUploadMaterial(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; category: MaterialCategory; title?: string }) =>
      api.upload<Material>(`/events/${eventId}/materials`, v.file, {
        category: v.category,
        ...(v.title ? { title: v.title } : {}),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(eventId) }),
  });
}

export function useInvalidateMaterials(eventId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: key(eventId) });
}

export const materialFileUrl = (id: string) => api.url(`/materials/${id}/file`);
export const archiveUrl = (eventId: string) => api.url(`/events/${eventId}/archive.zip`);
export const deleteMaterial = (id: string) => api.delete<{ ok: true }>(`/materials/${id}`);

/** Size in KB/MB, Russian style. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} КБ`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
}
