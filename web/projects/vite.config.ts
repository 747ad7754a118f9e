import { defineConfig } from 'vite';
import { kpdViteConfig } from '../../packages/web-kit/vite.ts';

export default defineConfig(({ command }) => kpdViteConfig({ app: 'projects', port: 5102, root: import.meta.dirname }, command));
