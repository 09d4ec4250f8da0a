import type { TaskView } from '../types';
import { formatPercent } from '../../ui/format';
import { imageInputView } from '../shared/image-view';
import { ImageOrCamera } from '../shared/ImageOrCamera';
import { drawBoxes } from '../shared/draw';
import { DetectionView, thresholdOf } from '../shared/DetectionView';
import type { Input, Output, WorkerInput } from './types';

function CameraSummary({ output, threshold }: { output: Output; threshold: number }) {
  const shown = output.detections.filter((d) => d.score >= threshold);
  return (
    <p className="muted small" data-testid="camera-detections" data-count={shown.length}>
      {shown.length === 0 ? `Nothing at or above ${threshold.toFixed(2)} in the last frame.` : shown.map((d) => `${d.label} ${formatPercent(d.score)}`).join(' · ')}
    </p>
  );
}

const view: TaskView<Input, Output, never, WorkerInput> = {
  ...imageInputView,
  Input: (props) => {
    const threshold = thresholdOf(props.params);
    return (
      <ImageOrCamera<Output>
        {...props}
        draw={(ctx, output, width) => drawBoxes(ctx, output.detections.filter((d) => d.score >= threshold), width)}
        summary={(output) => <CameraSummary output={output} threshold={threshold} />}
      />
    );
  },
  Output: ({ input, output, params, onParamsChange }) =>
    output && input ? <DetectionView image={input} output={output} params={params} onParamsChange={onParamsChange} /> : null,
};
export default view;
