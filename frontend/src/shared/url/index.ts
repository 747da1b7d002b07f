export { absoluteUrl } from './absolute-url';
