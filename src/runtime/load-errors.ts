import {
  ModelNotFoundError,
  NetworkError,
  NoOnnxWeightsError,
  PlaygroundError,
  UnsupportedModelError,
  InferenceError,
} from '../protocol/errors';

interface LoadContext {
  model: string;
  host: string;
  stage: 'config' | 'weights' | 'inspect' | 'load';
}

/** Whether a raw failure is the network's (a fetch that never got an answer), in any browser's wording. */
export function isNetworkFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Failed to fetch|NetworkError|Load failed|network/i.test(message);
}

/** Maps the runtime's raw failures to named errors that tell the user what to do. */
export function classifyLoadError(error: unknown, ctx: LoadContext): PlaygroundError {
  if (error instanceof PlaygroundError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const hostName = safeHost(ctx.host);
  if (ctx.stage === 'config' || /config\.json/.test(message) && /404|not found|Could not locate/i.test(message)) {
    return new ModelNotFoundError(
      `The model host ${hostName} has no model "${ctx.model}".`,
      'Check the spelling of the model id (organisation/name), or pick another host in Settings.',
    );
  }
  if (ctx.stage === 'weights') {
    return new NoOnnxWeightsError(
      `"${ctx.model}" has no ONNX weights (nothing under onnx/), so it cannot run in the browser.`,
      'Look for an ONNX export of this model (often published by onnx-community or Xenova).',
    );
  }
  if (isNetworkFailure(error)) {
    return new NetworkError(
      `Could not reach the model host ${hostName}.`,
      'Check your connection, or point Settings → Model host at a mirror you can reach.',
    );
  }
  if (/Unsupported model type|not supported|Unknown model class|Cannot read properties of undefined \(reading 'model_type'\)/i.test(message)) {
    return new UnsupportedModelError(
      `This version of Transformers.js cannot run "${ctx.model}": ${message}`,
      'Try a model with a supported architecture for this task.',
    );
  }
  return new InferenceError(`Loading "${ctx.model}" failed: ${message}`);
}

function safeHost(host: string): string {
  try {
    return new URL(host).host;
  } catch {
    return host;
  }
}
