import type { InputProps, TaskView } from '../types';
import { ImageInput } from '../../ui/kit/ImageInput/ImageInput';
import { imagePayload, sampleImage } from '../../ui/kit/ImageInput/image-value';
import { LabelEditor } from '../zero-shot-classification/Panel';
import { DetectionView } from '../shared/DetectionView';
import { checkQueries, QUERIES_MISSING } from './queries';
import type { Input, Output, WorkerInput } from './types';
import '../shared/vision.css';

const IMAGE_MISSING = 'Choose an image first.';

function Fields({ value, onChange, error, disabled }: InputProps<Input>) {
  // A message about the phrases goes next to them; anything else (no picture, a file that is not one) next to the picture.
  const aboutQueries = Boolean(error) && Boolean(value.image) && (error === QUERIES_MISSING || checkQueries(value.queries).problem === error);
  return (
    <>
      <ImageInput value={value.image} onChange={(image) => onChange({ ...value, image })} error={aboutQueries ? undefined : error} disabled={disabled} />
      <LabelEditor
        title="What to find"
        placeholder="Add things to find: a cat, a red cup, …"
        labels={value.queries}
        onChange={(queries) => onChange({ ...value, queries })}
        error={aboutQueries ? error : undefined}
        disabled={disabled}
      />
    </>
  );
}

const view: TaskView<Input, Output, never, WorkerInput> = {
  defaultInput: { image: sampleImage('coffee.png'), queries: ['a cup', 'a spoon', 'a plate'] },
  validate: (input) => (input.image ? checkQueries(input.queries).problem : IMAGE_MISSING),
  prepare: async (input) => ({ ...(await imagePayload(input.image)), queries: input.queries }),
  Input: Fields,
  Output: ({ input, output, params, onParamsChange }) =>
    output && input.image ? (
      <div data-testid="zero-shot-detection-output">
        <DetectionView image={input.image} output={output} params={params} onParamsChange={onParamsChange} min={0.05} fallback={0.1} />
      </div>
    ) : null,
};
export default view;
