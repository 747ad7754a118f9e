/// <reference types="vite/client" />
declare const __KPD_BUILD__: string;
