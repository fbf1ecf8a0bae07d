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
const features = import.meta.glob<{ zh: Record<string, unknown>; en: Record<string, unknown> }>('./features/*.ts', { eager: true });
const merged = (lang: 'zh' | 'en', base: Record<string, unknown>) => {
  const out = { ...base };
  for (const [file, mod] of Object.entries(features))
    for (const [key, value] of Object.entries(mod[lang])) {
      if (key in out) throw new Error(`i18n: key "${key}" from ${file} is already taken`);
      out[key] = value;
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
