export { materializePythonScript } from './python-script.js';
