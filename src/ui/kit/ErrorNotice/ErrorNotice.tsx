import type { WireError } from '../../../protocol/messages';
import { own } from '../../../protocol/own';

const TITLES: Record<string, string> = {
  ModelNotFoundError: 'Model not found',
  NoOnnxWeightsError: 'No ONNX weights',
  DtypeUnavailableError: 'Precision not available',
  UnsupportedModelError: 'Unsupported model',
  NetworkError: 'Network problem',
  InvalidInputError: 'Check the input',
  CancelledError: 'Stopped',
  WorkerCrashedError: 'Engine restarted',
  NotLoadedError: 'No model loaded',
  InferenceError: 'Something went wrong',
  IncompleteModelError: 'Files missing',
  HostNotAllowedError: 'Model host not allowed',
};

export function ErrorNotice({ error, testId }: { error: WireError; testId?: string }) {
  return (
    <div className="notice notice-error" role="alert" data-testid={testId} data-error-name={error.name}>
      <strong>{own(TITLES, error.name) ?? 'Error'}</strong>
      <span className="notice-message">{error.message}</span>
      {error.hint && <span className="notice-hint">{error.hint}</span>}
    </div>
  );
}
