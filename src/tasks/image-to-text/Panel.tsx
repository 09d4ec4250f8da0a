import type { TaskView } from '../types';
import type { ImageValue } from '../../ui/components/ImageInput/image-value';
import { imageInputView } from '../shared/image-view';
import type { CaptionOutput } from './run';
import '../shared/vision.css';

const view: TaskView<ImageValue | undefined, CaptionOutput> = {
  ...imageInputView,
  Output: ({ output, input }) =>
    output ? (
      <div className="classification">
        {input && <img className="thumb" src={input.url} alt="" />}
        <figure style={{ margin: 0, flex: 1 }}>
          <p className="caption-text" data-testid="caption">
            {output.text || <span className="muted">(the model produced an empty caption)</span>}
          </p>
          <figcaption className="muted small">Caption written by the model; it can be wrong.</figcaption>
        </figure>
      </div>
    ) : null,
};
export default view as TaskView;
