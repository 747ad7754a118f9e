import { defineConfig } from 'vite';
import { kpdViteConfig } from '../../packages/web-kit/vite.ts';

export default defineConfig(({ command }) => kpdViteConfig({ app: 'livelihood', port: 5104, root: import.meta.dirname }, command));
