import { render } from 'preact';
import { App } from './app';
import { createHistoryRouter } from './router/history-router';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/tables.css';
import './styles/forms.css';
import './styles/editors.css';
import './styles/console.css';
import './styles/calls.css';
import './styles/chat.css';
import './styles/keys.css';
import './styles/narrow.css';

const root = document.getElementById('app');
if (root === null) throw new Error('index.html has no #app element');
render(<App router={createHistoryRouter(window)} />, root);
