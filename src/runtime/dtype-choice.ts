import { DtypeUnavailableError } from '../protocol/errors';
import type { Device, Dtype, DtypeChoice } from '../protocol/messages';

// Preference when the user leaves dtype on "auto": small quantized weights on CPU,
// half precision on a GPU that supports it.
const WASM_ORDER: Dtype[] = ['q8', 'int8', 'uint8', 'fp32', 'q4', 'bnb4', 'fp16', 'q4f16'];
const GPU_ORDER: Dtype[] = ['fp16', 'q4f16', 'fp32', 'q4', 'q8', 'int8', 'uint8', 'bnb4'];
const GPU_NO_F16_ORDER: Dtype[] = ['fp32', 'q4', 'q8', 'int8', 'uint8', 'bnb4', 'fp16', 'q4f16'];

export function resolveDtype(
  choice: DtypeChoice,
  available: readonly Dtype[],
  options: { device: Device; shaderF16: boolean; configDtype?: unknown },
): Dtype {
  if (choice !== 'auto') {
    if (available.includes(choice)) return choice;
    throw new DtypeUnavailableError(
      `This model has no ${choice} weights.`,
      `Available precisions: ${available.join(', ') || 'none'}. Pick one of them, or "auto".`,
    );
  }
  const configDtype = options.configDtype;
  if (typeof configDtype === 'string' && available.includes(configDtype as Dtype)) return configDtype as Dtype;
  const order = options.device === 'wasm' ? WASM_ORDER : options.shaderF16 ? GPU_ORDER : GPU_NO_F16_ORDER;
  const pick = order.find((dtype) => available.includes(dtype));
  if (!pick) throw new DtypeUnavailableError('This model has no ONNX weights in a precision this app can load.');
  return pick;
}
