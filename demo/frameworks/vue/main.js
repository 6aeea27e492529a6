import { createApp } from 'vue';
import 'oauth-elements/elements';
import App from './App.vue';

createApp(App).mount('#app');
