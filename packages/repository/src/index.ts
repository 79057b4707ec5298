export { selectFromInputs, selectionInputs, type ActionSelection, type SelectionInputs } from './action-inputs.js';
export { detectChanges, type DetectedChanges, type DetectOptions } from './changes.js';
export { allIntegrations, integrationsAmong, rootIntegration } from './discover.js';
export { baseFromEvent } from './event.js';
export { resolveIntegrationsPath } from './integrations-path.js';
export { repoKind } from './kind.js';
export { matrixLegs, matrixOf, type MatrixLeg } from './plan.js';
export { hasPythonPackage, withPythonPackage } from './python-package.js';
export {
  changeKind,
  selectIntegrations,
  type SelectedIntegration,
  type Selection,
  type SelectOptions,
} from './select.js';
export { parseIntegrationsSpec, type IntegrationsSpec } from './spec.js';
