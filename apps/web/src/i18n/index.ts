import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';

export type Lang = 'zh' | 'en';
const KEY = 'qiao.lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function rememberLang(lang: Lang) {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/**
 * Each feature keeps its strings next to it: `features/<name>.ts` exports `zh` and `en` (typed
 * `Strings<typeof zh>`), each one object under a top-level key no other bundle uses. They are
 * merged here, so features never edit one shared file.
 */
type Bundle = Record<string, unknown>;
const features = import.meta.glob<{ zh: Bundle; en: Bundle; extend?: { zh: Record<string, Bundle>; en: Record<string, Bundle> } }>(
  './features/*.ts',
  { eager: true },
);
const merged = (lang: 'zh' | 'en', base: Bundle) => {
  const out = { ...base };
  for (const [file, mod] of Object.entries(features))
    for (const [key, value] of Object.entries(mod[lang])) {
      if (key in out) throw new Error(`i18n: key "${key}" from ${file} is already taken`);
      out[key] = value;
    }
  // `extend` adds keys inside a shared group (a new inbox tab's label under `tabs`), never over one already there.
  for (const [file, mod] of Object.entries(features))
    for (const [group, entries] of Object.entries(mod.extend?.[lang] ?? {})) {
      const into: Bundle = { ...(out[group] as Bundle | undefined) };
      for (const [key, value] of Object.entries(entries)) {
        if (key in into) throw new Error(`i18n: key "${group}.${key}" from ${file} is already taken`);
        into[key] = value;
      }
      out[group] = into;
    }
  return out;
};

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: merged('zh', zh) }, en: { translation: merged('en', en) } },
  lng: storedLang(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const currentLang = (): Lang => (i18n.language === 'en' ? 'en' : 'zh');

export default i18n;
