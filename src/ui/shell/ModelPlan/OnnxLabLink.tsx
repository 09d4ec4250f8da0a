import { useApp } from '../../../store';
import { findTask } from '../../../tasks/registry';

/** For models Transformers.js cannot run: the raw ONNX lab can still open their graphs (when it exists). */
export function OnnxLabLink() {
  const setTask = useApp((s) => s.setTask);
  if (!findTask('onnx-lab')) return null;
  return (
    <button type="button" className="secondary small-button" onClick={() => setTask('onnx-lab')} data-testid="open-onnx-lab">
      Open the raw ONNX lab
    </button>
  );
}
