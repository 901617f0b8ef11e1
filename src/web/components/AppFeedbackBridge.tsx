// Captures antd's App context (message, modal, notification) for notifyError/notifySuccess/confirmDelete.
import { App } from 'antd';
import { useEffect } from 'react';
import { bindAppFeedback } from './notify';

export function AppFeedbackBridge() {
  const api = App.useApp();
  useEffect(() => {
    bindAppFeedback(api);
    return () => bindAppFeedback(null);
  }, [api]);
  return null;
}
