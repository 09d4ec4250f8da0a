import type { TaskView } from '../types';
import { LabInput } from './LabInput';
import { LabOutput } from './LabOutput';
import type { LabOutput as Output } from './lab-types';
import { emptyLab, labRequest, validateLab, type LabValue } from './lab-value';
import './lab.css';

const view: TaskView<LabValue, Output> = {
  Input: LabInput,
  Output: ({ output }) => (output ? <LabOutput output={output} /> : null),
  defaultInput: emptyLab,
  validate: validateLab,
  prepare: labRequest,
  // A provider check is a one-off; the next Run runs the model again.
  applyResult: (input) => ({ ...input, action: 'run' }),
  ownModelSource: true,
};
export default view as TaskView;
