// The consent element from its own entry point, defined at once. It shares the button's and the status's bundled
// chunk, so this import defines them too (README, Size and speed): scripts/frameworks.mjs checks both.
import 'oauth-elements/consent-popup';
