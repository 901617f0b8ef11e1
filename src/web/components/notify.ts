// Toast messages and confirmation dialogs through antd's App context, callable from anywhere
// (event handlers, mutation callbacks). <AppFeedbackBridge/> inside antd <App> wires them up.
import type { App } from 'antd';
import i18n from 'i18next';
import { ApiError } from '../api/client';

type AppApi = ReturnType<typeof App.useApp>;
let appApi: AppApi | null = null;

/** Called once by the shell with the antd App context. */
export function bindAppFeedback(api: AppApi | null): void {
  appApi = api;
}

/** Human text for any thrown value: ApiError messages come from the server already translated. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return i18n.t('common:errors.network');
  if (error instanceof Error && error.message) return error.message;
  return i18n.t('common:errors.unknown');
}

/** Shows an error toast for a failed request or action. */
export function notifyError(error: unknown): void {
  const text = errorMessage(error);
  if (appApi) appApi.message.error(text);
  else console.error(text);
}

/** Shows a success toast, e.g. `notifySuccess('Организация сохранена')`. */
export function notifySuccess(text: string): void {
  if (appApi) appApi.message.success(text);
}

export type ConfirmActionOptions = {
  title: string;
  content?: string;
  /** text of the confirming button, e.g. «Отключить» */
  okText: string;
  /** red confirming button for destructive actions */
  danger?: boolean;
  /** runs on confirm; the dialog waits for it, and shows the error if it fails */
  onConfirm: () => Promise<unknown> | unknown;
};

/**
 * Asks to confirm an action in a modal (focus starts on «Отмена»). Resolves true when done, false when
 * cancelled or failed (the error is shown as a toast).
 * @example confirmAction({ title: 'Отключить учётную запись?', okText: 'Отключить', danger: true, onConfirm })
 */
export function confirmAction(options: ConfirmActionOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const onOk = async () => {
      try {
        await options.onConfirm();
        resolve(true);
      } catch (e) {
        notifyError(e);
        resolve(false);
      }
    };
    if (!appApi) {
      if (window.confirm(options.title)) void onOk();
      else resolve(false);
      return;
    }
    appApi.modal.confirm({
      title: options.title,
      content: options.content,
      okText: options.okText,
      cancelText: i18n.t('common:actions.cancel'),
      okButtonProps: { danger: options.danger },
      autoFocusButton: 'cancel',
      onOk,
      onCancel: () => resolve(false),
    });
  });
}

export type ConfirmDeleteOptions = {
  /** what is being deleted, shown in the title: «Удалить «Школа № 5»?» */
  name?: string;
  /** extra explanation under the title; default «Это действие нельзя отменить.» */
  content?: string;
  /** runs on «Удалить»; the dialog waits for it, and shows the error if it fails */
  onConfirm: () => Promise<unknown> | unknown;
};

/**
 * Asks «Удалить …? Это действие нельзя отменить.» with a red «Удалить» button and «Отмена».
 * Resolves true when deleted, false when cancelled or failed (the error is shown as a toast).
 * @example confirmDelete({ name: org.shortName, onConfirm: () => api.delete(`/organizations/${org.id}`) })
 */
export function confirmDelete(options: ConfirmDeleteOptions): Promise<boolean> {
  const t = i18n.t.bind(i18n);
  return confirmAction({
    title: options.name
      ? t('common:confirmDelete.title', { name: options.name })
      : t('common:confirmDelete.titleNoName'),
    content: options.content ?? t('common:confirmDelete.content'),
    okText: t('common:confirmDelete.ok'),
    danger: true,
    onConfirm: options.onConfirm,
  });
}
