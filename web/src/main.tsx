/**
 * Entry point: adopt a token handed over in the URL fragment (from `concord demo`), then render the app.
 */
import { render } from 'preact';
import { App } from './app.js';
import { adoptTokenFromFragment } from './token.js';
import './styles.css';

adoptTokenFromFragment(window.location, window.history, sessionStorage);
const root = document.getElementById('app');
if (root) render(<App />, root);
