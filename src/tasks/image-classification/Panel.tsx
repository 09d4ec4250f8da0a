import type { TaskView } from '../types';
import { ImageInput } from '../../ui/components/ImageInput/ImageInput';
import type { ImageValue } from '../../ui/components/ImageInput/image-value';
import { ScoreBars, type Scored } from '../../ui/components/ScoreBars/ScoreBars';
import { imageInputView } from '../shared/image-view';

const view: TaskView<ImageValue | undefined, Scored[]> = {
  ...imageInputView,
  Input: ({ value, onChange, error, disabled }) => <ImageInput value={value} onChange={onChange} error={error} disabled={disabled} />,
  Output: ({ output, input }) =>
    output ? (
      <div className="classification">
        {input && <img className="thumb" src={input.url} alt="" crossOrigin={input.kind === 'url' ? 'anonymous' : undefined} />}
        <ScoreBars items={output} />
      </div>
    ) : null,
};
export default view as TaskView;
