// Shows a failed request's message (from ApiError, already in the user's language) as an antd Alert.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from './notify';

export type ErrorAlertProps = {
  /** anything thrown; nothing is rendered when it is null/undefined */
  error: unknown;
  /** shows a «Повторить» button */
  onRetry?: () => void;
  style?: React.CSSProperties;
};

type FieldProblem = { path?: string; message?: string };

/** Renders an error for people: the server message, and the field problems of a VALIDATION_FAILED. */
export function ErrorAlert({ error, onRetry, style }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (error === null || error === undefined || error === false) return null;
  const problems: FieldProblem[] =
    error instanceof ApiError && Array.isArray(error.details) ? (error.details as FieldProblem[]) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16, ...style }}
      title={errorMessage(error)}
      description={
        problems.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {problems.map((p) => {
              const text = p.path ? `${p.path}: ${p.message}` : String(p.message);
              return <li key={text}>{text}</li>;
            })}
          </ul>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
