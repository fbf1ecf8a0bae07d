// What the portal uses of Vite's client types, so the type check needs no Vite install.
declare module '*.css';
interface ImportMetaEnv {
  readonly BASE_URL: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
